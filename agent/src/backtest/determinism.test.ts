/**
 * Same seed + same data → byte-identical report JSON (createdAtMs injected), on real recorded data
 * (the NBA stream, both markets) with a Volatility Rider config that trades there.
 */
import { describe, expect, it } from 'vitest';
import { BacktestReport, DEFAULT_RISK_SETTINGS } from '@pt/protocol';
import { loadDataSet } from './data-sets.js';
import { buildReport } from './report.js';
import { runBacktest } from './run-backtest.js';
import { volatilityRiderDefinition } from './test-series.js';

const DATA_DIR = new URL('../../../../shared/data', import.meta.url).pathname;

describe('backtest determinism', () => {
  const { data } = loadDataSet('kalshi-sports', DATA_DIR);
  const definition = volatilityRiderDefinition();
  const config = definition.configSchema.parse({ zThreshold: 1.5, sampleIntervalMs: 1_000 });
  const reportJson = (seed: number): string => {
    const options = {
      definition,
      config,
      data,
      seed,
      startingCashE6: 1_000_000_000,
      riskSettings: DEFAULT_RISK_SETTINGS,
      clockIntervalMs: 1_000,
    };
    const result = runBacktest(options);
    return JSON.stringify(
      buildReport(result, {
        strategyId: definition.id,
        dataSet: data.name,
        seed,
        createdAtMs: 1_764_000_000_000,
        startingCashE6: options.startingCashE6,
        config,
      }),
    );
  };

  it('gives byte-identical reports for two runs with the same seed', () => {
    const first = reportJson(11);
    const second = reportJson(11);
    expect(second).toBe(first);
    // Not vacuous: the run traded on the real data.
    expect(BacktestReport.parse(JSON.parse(first)).trades.length).toBeGreaterThan(0);
  });
});
