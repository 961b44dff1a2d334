/**
 * `GET` / `PUT /v1/risk/settings`: the risk limits (moved here from the agent's risk module so the
 * web parses them with the same schema). Every limit is a fixed-point integer (CountE2, MoneyE6) or
 * a plain integer count or duration, bounded so that sums over a realistic book stay far inside
 * Number.MAX_SAFE_INTEGER. Limits are inclusive: a value equal to the limit is allowed, one unit
 * more is denied.
 */
import { z } from 'zod';
import { countE2, moneyE6 } from '../money.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** 1,000,000 contracts. */
const MAX_COUNT_E2 = 100_000_000;
/** $10,000,000. */
const MAX_MONEY_E6 = 10_000_000_000_000;

function countLimit() {
  return z
    .int()
    .min(1)
    .max(MAX_COUNT_E2)
    .transform((n) => countE2(n));
}
function moneyLimit() {
  return z
    .int()
    .min(1)
    .max(MAX_MONEY_E6)
    .transform((n) => moneyE6(n));
}

export const RiskSettings = z.strictObject({
  /** Largest single order, in 1/100 contracts. */
  maxOrderCountE2: countLimit(),
  /** Largest single order value (limit price × count on the order's leg). */
  maxOrderNotionalE6: moneyLimit(),
  /** Largest |position| a market may reach if every resting order and this one fill. */
  maxPositionCountE2: countLimit(),
  /** Largest worst-case loss of one event (its mutually exclusive markets together). */
  maxEventLossE6: moneyLimit(),
  /** Largest sum of the worst-case losses of every event and standalone market. */
  maxTotalExposureE6: moneyLimit(),
  /** Most resting orders at once, counting the new one. */
  maxOpenOrders: z.int().min(1).max(1_000),
  /** At most `maxOrdersPerWindow` submissions in any `orderRateWindowMs`, counting the new one. */
  maxOrdersPerWindow: z.int().min(1).max(10_000),
  orderRateWindowMs: z.int().min(1_000).max(DAY_MS),
  /** No new exposure on a market for this long after an exit at a loss there (0 = off). */
  lossCooldownMs: z.int().min(0).max(DAY_MS),
  /** Realized + marked loss today beyond which no new exposure is allowed (and the caller halts). */
  dailyLossLimitE6: moneyLimit(),
  /** No new exposure this close to a market's close time (0 = off). */
  preCloseBlackoutMs: z.int().min(0).max(DAY_MS),
  // Fields below came after the first release: a default keeps older ledger records readable.
  /** Fall of account equity (cash + marked positions) from its peak beyond which the agent halts. */
  maxDrawdownE6: moneyLimit().default(moneyE6(250_000_000)),
  /** Send `cancel_order_on_pause` with every order: the venue cancels it if trading pauses. */
  cancelOrdersOnPause: z.boolean().default(true),
  /** Cancel our resting orders before the agent exits (signal, tray Quit, fatal error). */
  cancelOrdersOnShutdown: z.boolean().default(true),
  /** How long the shutdown cancel may take before the agent exits anyway (logged). */
  shutdownCancelDeadlineMs: z.int().min(500).max(60_000).default(5_000),
  /** Strategy orders go into a venue order group that cancels them all past this many contracts matched in 15 s. */
  strategyGroupContractsLimitE2: countLimit().default(countE2(200_00)),
});
export type RiskSettings = z.infer<typeof RiskSettings>;

/** Conservative defaults for a new install (dollars in comments). */
export const DEFAULT_RISK_SETTINGS: RiskSettings = RiskSettings.parse({
  maxOrderCountE2: 100_00, // 100 contracts
  maxOrderNotionalE6: 50_000_000, // $50
  maxPositionCountE2: 500_00, // 500 contracts
  maxEventLossE6: 200_000_000, // $200
  maxTotalExposureE6: 1_000_000_000, // $1,000
  maxOpenOrders: 50,
  maxOrdersPerWindow: 30,
  orderRateWindowMs: MINUTE_MS,
  lossCooldownMs: 5 * MINUTE_MS,
  dailyLossLimitE6: 100_000_000, // $100
  preCloseBlackoutMs: 5 * MINUTE_MS,
  maxDrawdownE6: 250_000_000, // $250
  cancelOrdersOnPause: true,
  cancelOrdersOnShutdown: true,
  shutdownCancelDeadlineMs: 5_000,
  strategyGroupContractsLimitE2: 200_00, // 200 contracts
} satisfies z.input<typeof RiskSettings>);
