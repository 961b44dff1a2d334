import { hashString } from './rng.js';

/**
 * Kalshi frames carry a `market_id` UUID beside the ticker. The sim derives a stable one from the
 * ticker so it is the same on every run and every connection.
 */
const cache = new Map<string, string>();

export function marketIdOf(ticker: string): string {
  const cached = cache.get(ticker);
  if (cached !== undefined) return cached;
  const id = computeMarketId(ticker);
  cache.set(ticker, id);
  return id;
}

function computeMarketId(ticker: string): string {
  const hex = [0, 1, 2, 3].map((i) => hashString(`${i}:${ticker}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
