/**
 * Volatility Rider: rides a volatility breakout of the mid in its direction (IOC at the touch,
 * sized by the risk budget), then exits reduce-only at the first of take profit, stop loss or the
 * time limit. Entries are refused (with the reason) on unquotable or stale books, wide spreads,
 * inside the pre-close window, and when the optional model gate is closed. Pure and deterministic.
 */
import type { NotTradedReason } from '@pt/protocol';
import { clockStep, exitStep, fillStep, sizeForBudget } from '../core/barriers.js';
import { blockedStep, entryBlocked } from '../core/entry-gates.js';
import { FLAT, isAwaitingFill, type Position } from '../core/position.js';
import { midE4, pushWindow } from '../core/rolling.js';
import type { BookTopEvent, Decision, StepResult, Strategy, StrategyContext } from '../core/types.js';
import type { VolatilityRiderConfig } from './config.js';
import { breakout } from './signal.js';

export const VOLATILITY_RIDER_ID = 'volatility-rider';

export interface VolatilityRiderState {
  readonly ticker: string;
  /** Sampled mids, oldest first, at most windowSize + 1. */
  readonly mids: readonly number[];
  readonly lastSampleAtMs: number | null;
  readonly touch: { bestBidE4: number | null; bestAskE4: number | null };
  readonly position: Position;
  readonly sentAtMs: number | null;
  readonly flatSinceMs: number | null;
  readonly lastBlocked: { reason: NotTradedReason; atMs: number } | null;
}

type Step = StepResult<VolatilityRiderState>;

function onBook(
  state: VolatilityRiderState,
  book: BookTopEvent,
  ctx: StrategyContext,
  config: VolatilityRiderConfig,
): Step {
  const touch = book.isQuotable
    ? { bestBidE4: book.bestBidE4, bestAskE4: book.bestAskE4 }
    : { bestBidE4: null, bestAskE4: null };
  let next: VolatilityRiderState = { ...state, touch };
  if (isAwaitingFill(state.sentAtMs, book.atMs, config.fillWaitMs)) return { state: next, decisions: [] };
  if (state.position.netE2 !== 0) return exitStep(next, book.atMs, config);
  if (touch.bestBidE4 === null || touch.bestAskE4 === null) return { state: next, decisions: [] };
  if (state.lastSampleAtMs !== null && book.atMs - state.lastSampleAtMs < config.sampleIntervalMs) {
    return { state: next, decisions: [] };
  }
  const mid = midE4(touch.bestBidE4, touch.bestAskE4);
  const signal = breakout(state.mids, mid, config);
  next = { ...next, mids: pushWindow(state.mids, mid, config.windowSize), lastSampleAtMs: book.atMs };
  if (signal?.direction === undefined || signal.direction === null) return { state: next, decisions: [] };
  if (state.flatSinceMs !== null && book.atMs - state.flatSinceMs < config.cooldownMs) {
    return { state: next, decisions: [] };
  }
  const isUp = signal.direction === 'up';
  const inputs = {
    midE4: mid,
    z: Math.round(signal.z * 100) / 100,
    volE4: Math.round(signal.volE4 * 10) / 10,
    bandLowE4: signal.bandLowE4,
    bandHighE4: signal.bandHighE4,
    bestBidE4: touch.bestBidE4,
    bestAskE4: touch.bestAskE4,
    modelId: ctx.model?.id ?? null,
    modelProbabilityUp: ctx.model?.probabilityUp ?? null,
    modelProbabilityDown: ctx.model?.probabilityDown ?? null,
  };
  const blocked = entryBlocked(book, ctx, config) ?? modelGate(ctx, isUp, config);
  const countE2 = sizeForBudget(config.riskBudgetE6, config.stopLossE4, config.maxCountE2);
  const block =
    blocked ??
    (countE2 === 0 ? { reason: 'risk_limit' as const, detail: 'risk budget buys no contract' } : null);
  if (block !== null) return blockedStep(next, block, book.atMs, inputs);
  const decision: Decision = {
    kind: 'intent',
    ticker: state.ticker,
    side: isUp ? 'bid' : 'ask',
    priceE4: isUp ? touch.bestAskE4 : touch.bestBidE4,
    countE2,
    timeInForce: 'immediate_or_cancel',
    isReduceOnly: false,
    reason: `volatility breakout ${signal.direction}`,
    inputs,
  };
  return { state: { ...next, sentAtMs: book.atMs, lastBlocked: null }, decisions: [decision] };
}

function modelGate(ctx: StrategyContext, isUp: boolean, config: VolatilityRiderConfig) {
  if (!config.modelGate.isEnabled) return null;
  if (ctx.model === undefined) return { reason: 'model_gate_closed' as const, detail: 'no model output' };
  const p = isUp ? ctx.model.probabilityUp : (ctx.model.probabilityDown ?? 1 - ctx.model.probabilityUp);
  if (p >= config.modelGate.minProbability) return null;
  return {
    reason: 'model_gate_closed' as const,
    detail: `${ctx.model.id} gives ${p.toFixed(3)} < ${config.modelGate.minProbability}`,
  };
}

export const volatilityRider: Strategy<VolatilityRiderConfig, VolatilityRiderState> = {
  id: VOLATILITY_RIDER_ID,
  init: (_config, ticker) => ({
    ticker,
    mids: [],
    lastSampleAtMs: null,
    touch: { bestBidE4: null, bestAskE4: null },
    position: FLAT,
    sentAtMs: null,
    flatSinceMs: null,
    lastBlocked: null,
  }),
  onEvent: (state, event, ctx, config) => {
    switch (event.type) {
      case 'book':
        return event.ticker === state.ticker ? onBook(state, event, ctx, config) : { state, decisions: [] };
      case 'fill':
        return fillStep(state, event);
      case 'clock':
        return clockStep(state, event.atMs, config);
      case 'sentiment':
      case 'trade':
        return { state, decisions: [] };
    }
  },
};
