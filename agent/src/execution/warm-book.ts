import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import type { OrderBook } from '@pt/protocol';

/** What warming a book needs of the venue (KalshiConnector has it). */
export interface BookSource {
  quotableBook(ticker: string): OrderBook | null;
  subscribeMarkets(tickers: readonly string[]): void;
  onEvent(listener: (event: ConnectorEvent) => void): () => void;
}

/** How long an order waits for the first snapshot of a market nobody was watching. */
export const BOOK_WARM_TIMEOUT_MS = 3_000;

/**
 * Makes sure the venue streams `ticker`'s book before an order on it is checked: the fat-finger
 * guard and the risk engine need a quotable book, and a ticket may name a market no screen has
 * subscribed yet. Resolves once the book is quotable or after `timeoutMs`; then the checks decide
 * (a book still not quotable is denied as BOOK_STALE, never guessed).
 */
export function warmBook(venue: BookSource, ticker: string, timeoutMs = BOOK_WARM_TIMEOUT_MS): Promise<void> {
  if (venue.quotableBook(ticker) !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      off();
      resolve();
    };
    const off = venue.onEvent((event) => {
      if (event.type === 'book_changed' && event.marketTicker === ticker && event.isQuotable) done();
    });
    const timer = setTimeout(done, timeoutMs);
    venue.subscribeMarkets([ticker]);
  });
}
