/**
 * Runs a strategy over a sequence of events (a backtest's inner loop, and the tests'): folds
 * `onEvent` from `init` and collects every decision with the event time it answered.
 */
import type { Decision, Strategy, StrategyContext, StrategyEvent } from './types.js';

export interface ReplayResult<State> {
  state: State;
  decisions: { atMs: number; decision: Decision }[];
}

export function replay<Config, State>(
  strategy: Strategy<Config, State>,
  config: Config,
  ticker: string,
  events: readonly StrategyEvent[],
  ctx: StrategyContext | ((event: StrategyEvent) => StrategyContext),
): ReplayResult<State> {
  let state = strategy.init(config, ticker);
  const decisions: ReplayResult<State>['decisions'] = [];
  for (const event of events) {
    const step = strategy.onEvent(state, event, typeof ctx === 'function' ? ctx(event) : ctx, config);
    state = step.state;
    for (const decision of step.decisions) decisions.push({ atMs: event.atMs, decision });
  }
  return { state, decisions };
}
