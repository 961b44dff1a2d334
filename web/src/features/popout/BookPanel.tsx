/** The opened market's book alone (a pop-out of the market view's ladder, for a second monitor). */
import { BookLadder } from '../book/BookLadder.js';
import { useFollowedBook } from '../book/use-followed-book.js';
import { useMarketsStore } from '../markets/markets.store.js';

export function BookPanel() {
  const selected = useMarketsStore((s) => s.selection?.ticker ?? '');
  const { ticker, book } = useFollowedBook(selected);
  return (
    <section aria-labelledby="book-h" className="area-book" data-testid="book-panel">
      <h2 id="book-h">Book {ticker ?? ''}</h2>
      {ticker === null && <p className="muted">Open a market to see its book.</p>}
      {ticker !== null && book === null && <p className="muted">Waiting for the book…</p>}
      {book !== null && <BookLadder book={book} testId="popout-ladder" />}
    </section>
  );
}
