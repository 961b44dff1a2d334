/**
 * `GET /v1/markets/:ticker/trades?limit=&cursor=`: the market's recent public trades (everyone's, not
 * only ours), newest first, read from the venue through the agent's rate limiter and cached for a
 * moment so many tabs do not multiply venue calls. Prices are on the YES leg (PriceE4), sizes CountE2.
 */
import { z } from 'zod';
import { MarketTicker, TradeId } from '../ids.js';
import { CountE2Schema, PriceE4Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';

export const MARKET_TRADES_PATH = '/v1/markets/:ticker/trades';
/** Most trades one page carries (and the default page). */
export const MAX_MARKET_TRADES_PAGE = 200;

/** The concrete path for one market. */
export function marketTradesPath(ticker: string): string {
  return `/v1/markets/${encodeURIComponent(ticker)}/trades`;
}

/** The path parameter, parsed like the query so a bad ticker is a refusal naming `ticker`. */
export const MarketTradesParams = z.strictObject({ ticker: MarketTicker });

/** The venue's opaque cursor, passed back as it came. */
const Cursor = z.string().regex(/^[A-Za-z0-9_=+/.-]{1,256}$/, 'expected a cursor from a previous page');

export const MarketTradesQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'expected a positive integer')
    .transform(Number)
    .pipe(z.int().min(1).max(MAX_MARKET_TRADES_PAGE))
    .optional(),
  cursor: Cursor.optional(),
});
export type MarketTradesQuery = z.infer<typeof MarketTradesQuery>;

/** Which outcome the taker bought (the aggressor): `yes` lifted YES, `no` lifted NO. */
export const TakerSide = z.enum(['yes', 'no']);
export type TakerSide = z.infer<typeof TakerSide>;

/** One public print. */
export const MarketTrade = z.strictObject({
  tradeId: TradeId,
  /** Execution price on the YES leg. */
  yesPriceE4: PriceE4Schema,
  countE2: CountE2Schema.refine((count) => count > 0, { error: 'a trade has a positive count' }),
  takerSide: TakerSide,
  executedAtMs: TimestampMs,
});
export type MarketTrade = z.infer<typeof MarketTrade>;

export const MarketTradesPage = z.strictObject({
  ticker: MarketTicker,
  /** Newest first. */
  trades: z.array(MarketTrade).max(MAX_MARKET_TRADES_PAGE),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
  /** When the agent read the venue (up to the cache's TTL old). */
  asOfMs: TimestampMs,
});
export type MarketTradesPage = z.infer<typeof MarketTradesPage>;
