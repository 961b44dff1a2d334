/** Event builders shared by the strategies' tests (plain data, no clock). */
import { applyFill, FLAT, type Position } from './position.js';
import type {
  BookTopEvent,
  Decision,
  IntentDecision,
  OwnFillEvent,
  Strategy,
  StrategyContext,
  StrategyEvent,
} from './types.js';

export function book(
  ticker: string,
  atMs: number,
  bestBidE4: number,
  bestAskE4: number,
  isQuotable = true,
): BookTopEvent {
  return { type: 'book', atMs, ticker, bestBidE4, bestAskE4, isQuotable, asOfMs: atMs };
}

export function fill(
  ticker: string,
  atMs: number,
  side: 'bid' | 'ask',
  priceE4: number,
  countE2: number,
): OwnFillEvent {
  return { type: 'fill', atMs, ticker, side, priceE4, countE2 };
}

export function clock(atMs: number): StrategyEvent {
  return { type: 'clock', atMs };
}

export interface FilledRun {
  /** Every decision with the position the strategy held when it made it. */
  steps: { decision: Decision; positionBefore: Position }[];
  position: Position;
}

/** Runs events and answers every intent at once with a full fill at its price (a perfect venue). */
export function runWithFills<Config, State>(
  strategy: Strategy<Config, State>,
  config: Config,
  ticker: string,
  events: readonly StrategyEvent[],
  ctx: StrategyContext,
): FilledRun {
  let state = strategy.init(config, ticker);
  let position = FLAT;
  const steps: FilledRun['steps'] = [];
  for (const event of events) {
    const step = strategy.onEvent(state, event, ctx, config);
    state = step.state;
    for (const decision of step.decisions) {
      steps.push({ decision, positionBefore: position });
      if (decision.kind !== 'intent') continue;
      const answer = fill(ticker, event.atMs, decision.side, decision.priceE4, decision.countE2);
      position = applyFill(position, answer);
      state = strategy.onEvent(state, answer, ctx, config).state;
    }
  }
  return { steps, position };
}

export function intents(run: FilledRun): IntentDecision[] {
  return run.steps.flatMap((s) => (s.decision.kind === 'intent' ? [s.decision] : []));
}
