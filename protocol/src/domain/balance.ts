import { z } from 'zod';
import { MoneyE6Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';

/** Account money. From Kalshi `balance_dollars` (exact) and `portfolio_value` (integer cents). */
export const Balance = z.object({
  availableMoneyE6: MoneyE6Schema,
  portfolioValueMoneyE6: MoneyE6Schema,
  updatedAtMs: TimestampMs,
});
export type Balance = z.infer<typeof Balance>;
