import { z } from 'zod';
import { MarketTicker, StrategyId } from '../ids.js';
import { TimestampMs } from '../timestamp.js';

/**
 * Strategies (issue 10). `GET /v1/strategies` lists every strategy the agent knows with its state
 * in the current environment; `GET /v1/strategies/:id` is one; `PUT /v1/strategies/:id
 * { isEnabled?, config? }` enables, disables or changes the config (a config is a full replacement,
 * validated by the agent with that strategy's own schema: errors name the field). Strategies are
 * disabled by default; each change is recorded in the environment's ledger.
 */
export const STRATEGIES_PATH = '/v1/strategies';

/** A strategy's parameters: a JSON object each strategy's own schema (agent side) validates. */
export const StrategyConfigObject = z.record(z.string().min(1).max(64), z.json());
export type StrategyConfigObject = z.infer<typeof StrategyConfigObject>;

export const StrategyStatus = z.strictObject({
  id: StrategyId,
  /** One sentence: what it trades on. */
  description: z.string().min(1),
  isEnabled: z.boolean(),
  /** The full config in force, defaults filled in. */
  config: StrategyConfigObject,
  /** The markets that config trades. */
  tickers: z.array(MarketTicker),
  /** When the enablement or config last changed (null: never, defaults in force). */
  changedAtMs: TimestampMs.nullable(),
  /** The newest decision (intent or not traded) in this run, null before the first. */
  lastDecisionAtMs: TimestampMs.nullable(),
});
export type StrategyStatus = z.infer<typeof StrategyStatus>;

export const StrategyList = z.strictObject({ strategies: z.array(StrategyStatus) });
export type StrategyList = z.infer<typeof StrategyList>;

export const UpdateStrategyRequest = z
  .strictObject({
    isEnabled: z.boolean().optional(),
    /** Replaces the whole config; omitted fields take their defaults. */
    config: StrategyConfigObject.optional(),
  })
  .refine((body) => body.isEnabled !== undefined || body.config !== undefined, {
    error: 'give isEnabled, config or both',
  });
export type UpdateStrategyRequest = z.infer<typeof UpdateStrategyRequest>;
