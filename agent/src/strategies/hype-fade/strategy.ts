/**
 * Hype-Fade: when the mid moves fast (≥ minMoveE4 within moveWindowMs) and fresh, confident
 * sentiment for the market's topic pushes the same way, sell the spike (or buy the dump) at the
 * touch, then exit reduce-only on the barriers. It refuses to open (with the reason) when the
 * sentiment is stale or unavailable, the kill switch is engaged, or an entry gate fails; exits keep
 * working whatever the sentiment. Pure and deterministic.
 */
import type { NotTradedReason } from '@pt/protocol';
import { clockStep, exitStep, fillStep, sizeForBudget } from '../core/barriers.js';
import { blockedStep, entryBlocked, type Blocked } from '../core/entry-gates.js';
import { FLAT, isAwaitingFill, type Position } from '../core/position.js';
import { midE4 } from '../core/rolling.js';
import type {
  BookTopEvent,
  Decision,
  SentimentReading,
  StepResult,
  Strategy,
  StrategyContext,
} from '../core/types.js';
import type { HypeFadeConfig } from './config.js';

export const HYPE_FADE_ID = 'hype-fade';

export interface HypeFadeState {
  readonly ticker: string;
  readonly topic: string;
  /** Mid samples inside the move window, oldest first. */
  readonly samples: readonly { atMs: number; midE4: number }[];
  /** The last sentiment reading for the topic and when it arrived. */
  readonly sentiment: { reading: SentimentReading | null; atMs: number; isKillSwitchEngaged: boolean } | null;
  readonly touch: { bestBidE4: number | null; bestAskE4: number | null };
  readonly position: Position;
  readonly sentAtMs: number | null;
  readonly flatSinceMs: number | null;
  readonly lastBlocked: { reason: NotTradedReason; atMs: number } | null;
}

type Step = StepResult<HypeFadeState>;

function sentimentBlocked(state: HypeFadeState, nowMs: number, config: HypeFadeConfig): Blocked | null {
  const s = state.sentiment;
  if (s === null) return { reason: 'sentiment_stale', detail: `no sentiment for ${state.topic}` };
  if (s.isKillSwitchEngaged)
    return { reason: 'sentiment_kill_switch', detail: 'sentiment kill switch engaged' };
  if (s.reading === null)
    return { reason: 'sentiment_stale', detail: `sentiment unavailable for ${state.topic}` };
  const ageMs = s.reading.ageMs + (nowMs - s.atMs);
  if (s.reading.isStale || ageMs > config.maxSentimentAgeMs) {
    return {
      reason: 'sentiment_stale',
      detail: `sentiment for ${state.topic} is ${Math.round(ageMs / 1000)} s old`,
    };
  }
  return null;
}

function onBook(
  state: HypeFadeState,
  book: BookTopEvent,
  ctx: StrategyContext,
  config: HypeFadeConfig,
): Step {
  const touch = book.isQuotable
    ? { bestBidE4: book.bestBidE4, bestAskE4: book.bestAskE4 }
    : { bestBidE4: null, bestAskE4: null };
  let next: HypeFadeState = { ...state, touch };
  if (isAwaitingFill(state.sentAtMs, book.atMs, config.fillWaitMs)) return { state: next, decisions: [] };
  if (state.position.netE2 !== 0) return exitStep(next, book.atMs, config);
  if (touch.bestBidE4 === null || touch.bestAskE4 === null) return { state: next, decisions: [] };
  const mid = midE4(touch.bestBidE4, touch.bestAskE4);
  const kept = state.samples.filter((s) => book.atMs - s.atMs <= config.moveWindowMs);
  next = { ...next, samples: [...kept, { atMs: book.atMs, midE4: mid }] };
  const oldest = kept[0];
  if (oldest === undefined) return { state: next, decisions: [] };
  const moveE4 = mid - oldest.midE4;
  if (Math.abs(moveE4) < config.minMoveE4) return { state: next, decisions: [] };
  if (state.flatSinceMs !== null && book.atMs - state.flatSinceMs < config.cooldownMs) {
    return { state: next, decisions: [] };
  }
  const reading = state.sentiment?.reading ?? null;
  const inputs = {
    midE4: mid,
    moveE4,
    moveWindowMs: config.moveWindowMs,
    bestBidE4: touch.bestBidE4,
    bestAskE4: touch.bestAskE4,
    topic: state.topic,
    sentimentEffective: reading === null ? null : Math.round(reading.effective * 1000) / 1000,
    sentimentConfidence: reading === null ? null : Math.round(reading.confidence * 1000) / 1000,
    sentimentAgeMs:
      reading === null || state.sentiment === null
        ? null
        : reading.ageMs + (book.atMs - state.sentiment.atMs),
    modelId: ctx.model?.id ?? null,
  };
  const block = sentimentBlocked(state, book.atMs, config) ?? entryBlocked(book, ctx, config);
  if (block !== null) return blockedStep(next, block, book.atMs, inputs);
  // Only a spike the sentiment pushes is hype; a move against the sentiment is news, not faded.
  const isHype =
    reading !== null &&
    reading.confidence >= config.minConfidence &&
    Math.abs(reading.effective) >= config.minEffective &&
    Math.sign(reading.effective) === Math.sign(moveE4);
  const countE2 = sizeForBudget(config.riskBudgetE6, config.stopLossE4, config.maxCountE2);
  if (!isHype || countE2 === 0) return { state: next, decisions: [] };
  const isSpikeUp = moveE4 > 0;
  const decision: Decision = {
    kind: 'intent',
    ticker: state.ticker,
    side: isSpikeUp ? 'ask' : 'bid',
    priceE4: isSpikeUp ? touch.bestBidE4 : touch.bestAskE4,
    countE2,
    timeInForce: 'immediate_or_cancel',
    isReduceOnly: false,
    reason: `fade the ${isSpikeUp ? 'spike' : 'dump'} pushed by ${state.topic} sentiment`,
    inputs,
  };
  return { state: { ...next, sentAtMs: book.atMs, lastBlocked: null }, decisions: [decision] };
}

export const hypeFade: Strategy<HypeFadeConfig, HypeFadeState> = {
  id: HYPE_FADE_ID,
  init: (config, ticker) => ({
    ticker,
    topic: config.markets.find((m) => m.ticker === ticker)?.topic ?? '',
    samples: [],
    sentiment: null,
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
      case 'sentiment':
        if (event.topic !== state.topic) return { state, decisions: [] };
        return {
          state: {
            ...state,
            sentiment: {
              reading: event.reading,
              atMs: event.atMs,
              isKillSwitchEngaged: event.isKillSwitchEngaged,
            },
          },
          decisions: [],
        };
      case 'fill':
        return fillStep(state, event);
      case 'clock':
        return clockStep(state, event.atMs, config);
      case 'trade':
        return { state, decisions: [] };
    }
  },
};
