import { z } from 'zod';
import { TimestampMs } from '../timestamp.js';

/**
 * The global trading switch. `reducing` allows only orders that shrink exposure; `halted` allows
 * none (cancels and Flatten All still run). The agent starts `halted` until reconciliation.
 */
export const TradingMode = z.enum(['active', 'reducing', 'halted']);
export type TradingMode = z.infer<typeof TradingMode>;

export const TradingState = z.object({
  mode: TradingMode,
  /** Why we are in this mode, in words a trader reads ("Reconciling with the venue after start-up"). */
  reason: z.string().min(1),
  /** Who moved the switch: the trader, or the agent's own safety rules. */
  changedBy: z.enum(['user', 'system']),
  sinceMs: TimestampMs,
});
export type TradingState = z.infer<typeof TradingState>;
