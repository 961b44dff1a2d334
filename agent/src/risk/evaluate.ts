/**
 * The pre-trade check: the first rule that denies wins. Order (README.md): the trading switch and
 * the venue's state first (no arithmetic, and the most fundamental reasons), then per-order limits,
 * then loss-driven stops, then the exposure limits (the only rules that walk positions and orders),
 * balance last. Cancels never come here: they always go through.
 */
import { buildContext } from './context.js';
import type { Rule } from './context.js';
import { insufficientBalance } from './rules/balance.js';
import { eventExposureLimit, marketPositionLimit, totalExposure } from './rules/exposure-limits.js';
import { dailyLossLimit, lossCooldown } from './rules/loss.js';
import { reduceOnly } from './rules/mode.js';
import { maxOpenOrders, maxOrderNotional, maxOrderSize, orderRate } from './rules/order-limits.js';
import {
  bookStale,
  exchangePaused,
  marketNotActive,
  preCloseBlackout,
  tradingHalted,
  unknownOutcomePending,
} from './rules/venue-state.js';
import type { RiskSettings } from './settings.js';
import type { OrderIntent, RiskDecision, RiskRule, RiskSnapshot } from './types.js';

/** Every rule with the enum value it can return, in evaluation order (same order as RISK_RULES). */
export const RULE_CHECKS: readonly (readonly [RiskRule, Rule])[] = [
  ['TRADING_HALTED', tradingHalted],
  ['EXCHANGE_PAUSED', exchangePaused],
  ['UNKNOWN_OUTCOME_PENDING', unknownOutcomePending],
  ['MARKET_NOT_ACTIVE', marketNotActive],
  ['PRE_CLOSE_BLACKOUT', preCloseBlackout],
  ['BOOK_STALE', bookStale],
  ['REDUCE_ONLY', reduceOnly],
  ['MAX_ORDER_SIZE', maxOrderSize],
  ['MAX_ORDER_NOTIONAL', maxOrderNotional],
  ['ORDER_RATE', orderRate],
  ['MAX_OPEN_ORDERS', maxOpenOrders],
  ['DAILY_LOSS_LIMIT', dailyLossLimit],
  ['LOSS_COOLDOWN', lossCooldown],
  ['MARKET_POSITION_LIMIT', marketPositionLimit],
  ['EVENT_EXPOSURE_LIMIT', eventExposureLimit],
  ['TOTAL_EXPOSURE', totalExposure],
  ['INSUFFICIENT_BALANCE', insufficientBalance],
];

/**
 * Decides whether `intent` may be sent. Pure: the same inputs give the same decision. Throws only on
 * a malformed snapshot or intent (a bug upstream), never to deny.
 */
export function evaluateOrder(
  intent: OrderIntent,
  snapshot: RiskSnapshot,
  settings: RiskSettings,
): RiskDecision {
  const ctx = buildContext(intent, snapshot, settings);
  for (const [, rule] of RULE_CHECKS) {
    const denial = rule(ctx);
    if (denial !== null) return denial;
  }
  return { ok: true };
}
