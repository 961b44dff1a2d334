/**
 * Every market's book, by ticker and by the WS subscription (sid) that feeds it. A sequence gap
 * is per sid, and one sid carries many markets, so a gap must mark all of that sid's books
 * unquotable at once.
 */
import type { MarketTicker } from '@pt/protocol';
import { OrderBook } from './order-book.js';
import type { UnquotableReason } from './quotability.js';

export class BookRegistry {
  private readonly books = new Map<MarketTicker, OrderBook>();
  private readonly tickersBySid = new Map<number, Set<MarketTicker>>();
  private readonly sidByTicker = new Map<MarketTicker, number>();

  get size(): number {
    return this.books.size;
  }

  get(ticker: MarketTicker): OrderBook | undefined {
    return this.books.get(ticker);
  }

  /** The book of `ticker`, created empty and not snapshotted (so unquotable) on first use. */
  ensure(ticker: MarketTicker): OrderBook {
    let book = this.books.get(ticker);
    if (book === undefined) {
      book = new OrderBook(ticker);
      this.books.set(ticker, book);
    }
    return book;
  }

  /** Records that `sid` feeds `ticker` (moving it off any previous sid, e.g. after a resubscribe). */
  bind(sid: number, ticker: MarketTicker): OrderBook {
    this.unbindTicker(ticker);
    let tickers = this.tickersBySid.get(sid);
    if (tickers === undefined) {
      tickers = new Set();
      this.tickersBySid.set(sid, tickers);
    }
    tickers.add(ticker);
    this.sidByTicker.set(ticker, sid);
    return this.ensure(ticker);
  }

  sidOf(ticker: MarketTicker): number | undefined {
    return this.sidByTicker.get(ticker);
  }

  tickersOf(sid: number): MarketTicker[] {
    return [...(this.tickersBySid.get(sid) ?? [])];
  }

  /** Marks every book fed by `sid` unquotable; returns the tickers marked. */
  markSidUnquotable(sid: number, reason: UnquotableReason): MarketTicker[] {
    const tickers = this.tickersOf(sid);
    for (const ticker of tickers) this.books.get(ticker)?.markUnquotable(reason);
    return tickers;
  }

  /** Marks every book unquotable (socket down, agent shutting down). */
  markAllUnquotable(reason: UnquotableReason): void {
    for (const book of this.books.values()) book.markUnquotable(reason);
  }

  /** Forgets which sids fed which markets (a new connection starts with new sids); books stay. */
  clearSids(): void {
    this.tickersBySid.clear();
    this.sidByTicker.clear();
  }

  /** Drops a market entirely (unsubscribed). */
  delete(ticker: MarketTicker): boolean {
    this.unbindTicker(ticker);
    return this.books.delete(ticker);
  }

  values(): IterableIterator<OrderBook> {
    return this.books.values();
  }

  private unbindTicker(ticker: MarketTicker): void {
    const sid = this.sidByTicker.get(ticker);
    if (sid === undefined) return;
    this.sidByTicker.delete(ticker);
    const tickers = this.tickersBySid.get(sid);
    tickers?.delete(ticker);
    if (tickers?.size === 0) this.tickersBySid.delete(sid);
  }
}
