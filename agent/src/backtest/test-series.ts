/**
 * The hand-checkable series the known-answer, determinism and no-look-ahead tests share (one
 * market, a breakout up, a take profit, then a late jump inside the risk engine's pre-close
 * blackout). The arithmetic is worked in known-answer.test.ts.
 */
import { DEFAULT_RISK_SETTINGS } from '@pt/protocol';
import { strategyById, type StrategyDefinition } from '../strategies/registry.js';
import { bookTop, mergeStreams, trade, type ReplayData } from './replay-data.js';
import type { BacktestOptions } from './run-backtest.js';

export const T0 = 1_700_000_000_000;
export const TICKER = 'KXTEST-26JAN01-B50';
const S = 1_000;

export function handSeries(): ReplayData {
  const events = [
    bookTop(TICKER, T0, 49, 51), // mid 5000
    bookTop(TICKER, T0 + 1 * S, 49, 51), // mid 5000
    bookTop(TICKER, T0 + 2 * S, 50, 52), // mid 5100
    trade(TICKER, T0 + 3 * S, 51, 4, 'yes'), // strategies ignore prints
    bookTop(TICKER, T0 + 3 * S, 49, 51), // mid 5000
    bookTop(TICKER, T0 + 4 * S, 53, 55), // mid 5400: breakout up → buy 10 at 55¢
    bookTop(TICKER, T0 + 5 * S, 54, 56), // mid 5500: hold
    bookTop(TICKER, T0 + 6 * S, 60, 62), // mid 6100: bid 60¢ = entry + 5¢ → take profit
    bookTop(TICKER, T0 + 7_200 * S, 70, 72), // 2 h later, the market's last event: breakout, denied
  ];
  return mergeStreams('hand', [{ ticker: TICKER, depthScaleContracts: 100, events }]);
}

export function volatilityRiderDefinition(): StrategyDefinition {
  const definition = strategyById('volatility-rider');
  if (definition === undefined) throw new Error('volatility-rider is not registered');
  return definition;
}

export function handOptions(data: ReplayData = handSeries()): BacktestOptions {
  const definition = volatilityRiderDefinition();
  return {
    definition,
    config: definition.configSchema.parse({
      windowSize: 3,
      sampleIntervalMs: 0,
      zThreshold: 2,
      minVolE4: 50,
      preCloseWindowMs: 0,
    }),
    data,
    seed: 7,
    startingCashE6: 1_000_000_000,
    riskSettings: DEFAULT_RISK_SETTINGS,
    clockIntervalMs: 1_000,
  };
}
