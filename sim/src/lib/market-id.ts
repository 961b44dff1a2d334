import { hashString } from './rng.js';

/**
 * Kalshi frames carry a `market_id` UUID beside the ticker. The sim derives a stable one from the
 * ticker so it is the same on every run and every connection.
 */
export function marketIdOf(ticker: string): string {
  const hex = [0, 1, 2, 3].map((i) => hashString(`${i}:${ticker}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
