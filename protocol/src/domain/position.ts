import { z } from 'zod';
import { EventTicker, MarketTicker } from '../ids.js';
import { MoneyE6Schema, SignedCountE2Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';

/** A market position. Positive count = YES contracts, negative = NO contracts (Kalshi `position_fp`). */
export const Position = z.object({
  ticker: MarketTicker,
  eventTicker: EventTicker,
  positionCountE2: SignedCountE2Schema,
  /** Cost basis at risk (Kalshi `market_exposure_dollars`). */
  exposureMoneyE6: MoneyE6Schema,
  realizedPnlMoneyE6: MoneyE6Schema,
  /** Mark-to-market against the current book; null while the book is not quotable. */
  unrealizedPnlMoneyE6: MoneyE6Schema.nullable(),
  feesPaidMoneyE6: MoneyE6Schema,
  totalTradedMoneyE6: MoneyE6Schema,
  updatedAtMs: TimestampMs,
});
export type Position = z.infer<typeof Position>;
