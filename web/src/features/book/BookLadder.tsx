/** The top of a market's book: YES bids against YES asks (asks derived from NO bids by the agent). */
import type { OrderBook } from '@pt/protocol';
import { formatCount, formatPrice, formatTime } from '../../lib/format.js';

const DEPTH = 5;

export function BookLadder({
  book,
  testId = 'book-ladder',
}: {
  readonly book: OrderBook;
  readonly testId?: string;
}) {
  const rows = Array.from({ length: DEPTH }, (_, i) => ({ bid: book.yesBids[i], ask: book.yesAsks[i] }));
  return (
    <figure className="ladder" data-testid={testId} aria-label={`Order book of ${book.ticker}`}>
      <figcaption>
        Book {book.ticker} · {formatTime(book.asOfMs)}
        {!book.isQuotable && (
          <strong className="error" role="status">
            {' '}
            not quotable (resyncing): do not trade on it
          </strong>
        )}
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col">Bid size</th>
            <th scope="col">YES bid</th>
            <th scope="col">YES ask</th>
            <th scope="col">Ask size</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ bid, ask }, i) => (
            <tr key={i}>
              <td>{bid === undefined ? '' : formatCount(bid.countE2)}</td>
              <td className="bid">{bid === undefined ? '—' : formatPrice(bid.priceE4)}</td>
              <td className="ask">{ask === undefined ? '—' : formatPrice(ask.priceE4)}</td>
              <td>{ask === undefined ? '' : formatCount(ask.countE2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
