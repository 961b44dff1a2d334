import type { BookSnapshot, Exchange, MarketView } from '../../engine/index.js';

/** The two engine reads the market-data surface needs, in one place. */
export function viewOf(exchange: Exchange, ticker: string): MarketView | undefined {
  return exchange.getMarket(ticker);
}

export function bookOf(exchange: Exchange, ticker: string, depth = 0): BookSnapshot | undefined {
  return exchange.book(ticker, depth);
}
