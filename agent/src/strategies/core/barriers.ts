/**
 * Triple barriers for an open position: take profit, stop loss (both in price ticks from the
 * entry, measured at the price we could exit at now) and a time limit. An exit is a reduce-only
 * IOC for the whole position at the touch, so it can only shrink what the strategy holds.
 */
import { applyFill, isAwaitingFill, type Position } from './position.js';
import type { IntentDecision, OwnFillEvent, StepResult } from './types.js';

export interface BarrierConfig {
  takeProfitE4: number;
  stopLossE4: number;
  maxHoldMs: number;
}

export type BarrierHit = 'take_profit' | 'stop_loss' | 'time_limit';

export interface Touch {
  bestBidE4: number | null;
  bestAskE4: number | null;
}

/** The barrier the position touches now, or null; a missing exit price only allows the time limit. */
export function barrierHit(
  position: Position,
  touch: Touch,
  nowMs: number,
  config: BarrierConfig,
): BarrierHit | null {
  if (position.netE2 === 0) return null;
  const exitPrice = position.netE2 > 0 ? touch.bestBidE4 : touch.bestAskE4;
  if (exitPrice !== null) {
    const gainE4 = position.netE2 > 0 ? exitPrice - position.entryPriceE4 : position.entryPriceE4 - exitPrice;
    if (gainE4 >= config.takeProfitE4) return 'take_profit';
    if (-gainE4 >= config.stopLossE4) return 'stop_loss';
  }
  if (position.openedAtMs !== null && nowMs - position.openedAtMs >= config.maxHoldMs) return 'time_limit';
  return null;
}

/** The reduce-only exit for the whole position at the touch; null when the exit side is empty. */
export function exitIntent(
  ticker: string,
  position: Position,
  touch: Touch,
  hit: BarrierHit,
  inputs: IntentDecision['inputs'],
): IntentDecision | null {
  const isLong = position.netE2 > 0;
  const priceE4 = isLong ? touch.bestBidE4 : touch.bestAskE4;
  if (priceE4 === null || position.netE2 === 0) return null;
  return {
    kind: 'intent',
    ticker,
    side: isLong ? 'ask' : 'bid',
    priceE4,
    countE2: Math.abs(position.netE2),
    timeInForce: 'immediate_or_cancel',
    isReduceOnly: true,
    reason: `exit (${hit.replace('_', ' ')})`,
    inputs: { ...inputs, barrier: hit, entryPriceE4: position.entryPriceE4, positionE2: position.netE2 },
  };
}

/**
 * Contracts ×100 a risk budget buys when the stop is `stopLossE4` away: each contract loses
 * stopLossE4 × 100 MoneyE6 at the stop. Whole contracts, capped, never negative.
 */
export function sizeForBudget(riskBudgetE6: number, stopLossE4: number, maxCountE2: number): number {
  if (stopLossE4 <= 0) return 0;
  const contracts = Math.floor(riskBudgetE6 / (stopLossE4 * 100));
  return Math.max(0, Math.min(contracts * 100, maxCountE2 - (maxCountE2 % 100)));
}

/** State fields the barrier exit reads and writes. */
interface ExitState {
  readonly ticker: string;
  readonly position: Position;
  readonly touch: Touch;
  readonly sentAtMs: number | null;
}

/** The step for a held position: the barrier exit when one is hit and the exit side has a price. */
export function exitStep<State extends ExitState>(
  state: State,
  nowMs: number,
  config: BarrierConfig,
): StepResult<State> {
  const hit = barrierHit(state.position, state.touch, nowMs, config);
  if (hit === null) return { state, decisions: [] };
  const intent = exitIntent(state.ticker, state.position, state.touch, hit, { atMs: nowMs });
  if (intent === null) return { state, decisions: [] };
  return { state: { ...state, sentAtMs: nowMs }, decisions: [intent] };
}

/** State fields our own fills and the clock move (the exit state, plus when it went flat). */
interface HeldState extends ExitState {
  readonly flatSinceMs: number | null;
}

/** One of our fills: the position follows it, the wait for a fill ends, going flat starts the cooldown. */
export function fillStep<State extends HeldState>(state: State, event: OwnFillEvent): StepResult<State> {
  if (event.ticker !== state.ticker) return { state, decisions: [] };
  const position = applyFill(state.position, event);
  const flatSinceMs = position.netE2 === 0 ? event.atMs : null;
  return { state: { ...state, position, sentAtMs: null, flatSinceMs }, decisions: [] };
}

/** A clock tick: a held position (not awaiting a fill) may hit its time or price barrier. */
export function clockStep<State extends HeldState>(
  state: State,
  nowMs: number,
  config: BarrierConfig & { readonly fillWaitMs: number },
): StepResult<State> {
  if (state.position.netE2 === 0 || isAwaitingFill(state.sentAtMs, nowMs, config.fillWaitMs)) {
    return { state, decisions: [] };
  }
  return exitStep(state, nowMs, config);
}
