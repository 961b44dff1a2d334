import type { MarketTicker } from '@pt/protocol';

/** Same rule as @pt/protocol's MarketTicker schema, as a cheap type predicate for the hot path. */
const TICKER_PATTERN = /^[A-Z0-9][A-Z0-9._-]*$/;
const MAX_TICKER_LENGTH = 128;

export const MARKET_TICKER_MESSAGE = "market ticker must be upper-case letters, digits, '-', '.' or '_'";

export function isMarketTicker(value: string): value is MarketTicker {
  return value.length <= MAX_TICKER_LENGTH && TICKER_PATTERN.test(value);
}
