/**
 * No look-ahead: what the backtest did up to time t cannot depend on data after t. Running on the
 * data cut at t (same markets, same close times) must give the same fills and equity up to t as
 * the full run. A backtest that peeked at later quotes (for the strategy or for the venue's book)
 * would differ at some cut. On the hand series and on the real NBA stream.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '@pt/protocol';
import { loadDataSet } from './data-sets.js';
import type { ReplayData } from './replay-data.js';
import { runBacktest, type BacktestOptions } from './run-backtest.js';
import { handOptions, volatilityRiderDefinition } from './test-series.js';

const DATA_DIR = new URL('../../../../shared/data', import.meta.url).pathname;

function cut(data: ReplayData, atMs: number): ReplayData {
  return { ...data, items: data.items.filter((item) => item.event.atMs <= atMs) };
}

function upTo(options: BacktestOptions, atMs: number) {
  const result = runBacktest(options);
  const { account } = result;
  const equity = account.pointAtMs
    .map((t, i) => [t, account.pointEquityE6[i], account.pointPositionE2[i]] as const)
    .filter(([t]) => t <= atMs);
  return { fills: result.fills.filter((f) => f.atMs <= atMs), equity };
}

function expectSameUpTo(options: BacktestOptions, atMs: number): number {
  const full = upTo(options, atMs);
  const prefix = upTo({ ...options, data: cut(options.data, atMs) }, atMs);
  expect(prefix.fills).toEqual(full.fills);
  // The prefix run adds its own closing point at its last event; compare the points before it.
  expect(prefix.equity.slice(0, -1)).toEqual(full.equity.slice(0, prefix.equity.length - 1));
  return full.fills.length;
}

describe('backtest no look-ahead', () => {
  it('hand series: every cut gives the same past', () => {
    const options = handOptions();
    const times = [...new Set(options.data.items.map((i) => i.event.atMs))];
    for (const atMs of times) expectSameUpTo(options, atMs);
    // The exit at 6 s fills at 60¢, the quote of 6 s, not the 70¢ that comes 2 h later.
    expect(runBacktest(options).fills.map((f) => f.priceE4)).toEqual([5500, 6000]);
  });

  it('real NBA stream: cuts across the game give the same past', () => {
    const { data } = loadDataSet('kalshi-sports', DATA_DIR);
    const definition = volatilityRiderDefinition();
    const options: BacktestOptions = {
      definition,
      config: definition.configSchema.parse({ zThreshold: 1.5, sampleIntervalMs: 1_000 }),
      data,
      seed: 5,
      startingCashE6: 1_000_000_000,
      riskSettings: DEFAULT_RISK_SETTINGS,
      clockIntervalMs: 1_000,
    };
    const items = data.items;
    let filledBeforeCuts = 0;
    for (const fraction of [0.25, 0.5, 0.75]) {
      const atMs = items[Math.floor(items.length * fraction)]?.event.atMs ?? 0;
      filledBeforeCuts += expectSameUpTo(options, atMs);
    }
    expect(filledBeforeCuts).toBeGreaterThan(0);
  });
});
