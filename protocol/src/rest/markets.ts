/**
 * `GET /v1/markets`: the open markets of the current venue as the markets screen lists them (status,
 * series and event, close time, last price, 24h volume) with the agent's book liveness for each.
 * The agent reads the venue through its rate limiter and caches the answer for a few seconds; the
 * list is bounded (`MAX_MARKETS_LISTED`, `isTruncated` when the venue had more).
 */
import { z } from 'zod';
import { MarketSummary } from '../domain/market.js';
import { TimestampMs } from '../timestamp.js';

export const MARKETS_PATH = '/v1/markets';
/** Most markets one answer carries. */
export const MAX_MARKETS_LISTED = 2_000;

/**
 * The agent's book for the market: `live` (a book from the venue's stream, fresh), `stale` (the
 * book went silent past the liveness deadline) or `not_followed` (nobody subscribed to it).
 */
export const MarketLiveness = z.enum(['live', 'stale', 'not_followed']);
export type MarketLiveness = z.infer<typeof MarketLiveness>;

export const MarketListEntry = z.strictObject({ ...MarketSummary.shape, liveness: MarketLiveness });
export type MarketListEntry = z.infer<typeof MarketListEntry>;

export const MarketsResponse = z.strictObject({
  markets: z.array(MarketListEntry).max(MAX_MARKETS_LISTED),
  /** True when the venue listed more open markets than the answer carries. */
  isTruncated: z.boolean(),
  /** When the agent read the venue (the answer may be up to a few seconds old). */
  asOfMs: TimestampMs,
});
export type MarketsResponse = z.infer<typeof MarketsResponse>;
