import { z } from 'zod';
import { EventTicker, MarketTicker, SeriesTicker } from '../ids.js';
import { CountE2Schema, PriceE4Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';

/** Kalshi's market status vocabulary (response enum, not the query filter); tradeable = `active`. */
export const MarketStatus = z.enum([
  'initialized',
  'inactive',
  'active',
  'closed',
  'determined',
  'disputed',
  'amended',
  'finalized',
]);
export type MarketStatus = z.infer<typeof MarketStatus>;

/** One market as the market list and header show it. A missing quote is null, never 0. */
export const MarketSummary = z.object({
  ticker: MarketTicker,
  eventTicker: EventTicker,
  seriesTicker: SeriesTicker.nullable(),
  title: z.string(),
  /** Kalshi `yes_sub_title`: what YES means ("58° to 59°"). */
  yesSubtitle: z.string(),
  status: MarketStatus,
  yesBidPriceE4: PriceE4Schema.nullable(),
  yesBidCountE2: CountE2Schema.nullable(),
  yesAskPriceE4: PriceE4Schema.nullable(),
  yesAskCountE2: CountE2Schema.nullable(),
  lastPriceE4: PriceE4Schema.nullable(),
  volumeCountE2: CountE2Schema,
  volume24hCountE2: CountE2Schema,
  openInterestCountE2: CountE2Schema,
  openTimeMs: TimestampMs,
  closeTimeMs: TimestampMs,
  /** When the agent last heard anything about this market; the UI greys out stale rows. */
  updatedAtMs: TimestampMs,
});
export type MarketSummary = z.infer<typeof MarketSummary>;
