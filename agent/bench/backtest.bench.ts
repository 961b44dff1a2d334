/**
 * Backtest throughput over the full real data set (`--data all`: 70,709 trade prints with the
 * book each re-quotes, the weather top-of-book logs and the NBA ticker stream), for both
 * strategies: recorded events replayed per second through strategy → risk → matching engine →
 * account. Loading and parsing the files (zod) is timed apart and not counted. The floor is the
 * strategy alone folded over the same events (no risk, venue or account).
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_RISK_SETTINGS } from '@pt/protocol';
import { loadDataSet } from '../src/backtest/data-sets.js';
import { runBacktest, type BacktestResult } from '../src/backtest/run-backtest.js';
import type { ReplayData } from '../src/backtest/replay-data.js';
import { STRATEGIES, type StrategyDefinition } from '../src/strategies/registry.js';
import { agentFigure, emit, type Bench, type BenchOutput } from './bench.js';

const DATA_DIR = fileURLToPath(new URL('../../../shared/data', import.meta.url));
const TIMED_RUNS = 3;
const TARGET_EVENTS_PER_S = 100_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function runOnce(definition: StrategyDefinition, data: ReplayData): { ms: number; result: BacktestResult } {
  const config = definition.configSchema.parse({});
  const start = performance.now();
  const result = runBacktest({
    definition,
    config,
    data,
    seed: 1,
    startingCashE6: 1_000_000_000,
    riskSettings: DEFAULT_RISK_SETTINGS,
    clockIntervalMs: 1_000,
  });
  return { ms: performance.now() - start, result };
}

/** The strategy alone over the same events: the part of the loop no backtest can avoid. */
function strategyOnlyMs(definition: StrategyDefinition, data: ReplayData): number {
  const config = definition.configSchema.parse({});
  const start = performance.now();
  const states = data.markets.map((m) => definition.strategy.init(config, m.ticker));
  const contexts = data.markets.map((m) => ({ closeTimeMs: m.closeTimeMs }));
  let decisions = 0;
  for (const { event, market } of data.items) {
    const step = definition.strategy.onEvent(
      states[market],
      event,
      contexts[market] ?? { closeTimeMs: null },
      config,
    );
    states[market] = step.state;
    decisions += step.decisions.length;
  }
  if (decisions < 0) throw new Error('unreachable');
  return performance.now() - start;
}

export const backtestBench: Bench = {
  name: 'backtest',
  run() {
    const loadStart = performance.now();
    const { data, skippedRows } = loadDataSet('all', DATA_DIR);
    const loadMs = performance.now() - loadStart;
    const trades = data.items.filter((i) => i.event.type === 'trade').length;
    const outputs: BenchOutput[] = [
      `backtest data: ${data.items.length} recorded events (${trades} trades, ${data.items.length - trades} book tops) over ${data.markets.length} markets; load + parse ${Math.round(loadMs)} ms (not counted), ${skippedRows} rows skipped`,
    ];
    for (const definition of STRATEGIES) {
      runOnce(definition, data); // warm up
      const runs = Array.from({ length: TIMED_RUNS }, () => runOnce(definition, data));
      const ms = median(runs.map((r) => r.ms));
      const last = runs.at(-1)?.result;
      if (last === undefined) throw new Error('no timed run');
      strategyOnlyMs(definition, data);
      const floorMs = strategyOnlyMs(definition, data);
      outputs.push(
        agentFigure({
          name: `backtest ${definition.id}`,
          value: Math.round(last.dataEvents / (ms / 1000)),
          unit: 'events/s',
          target: { op: '>=', value: TARGET_EVENTS_PER_S },
          floor: {
            value: Math.round(last.dataEvents / (floorMs / 1000)),
            label: 'the strategy alone, no risk/venue/account',
          },
          note: `recorded events only, median of ${TIMED_RUNS} runs after a warm-up, ${Math.round(ms)} ms; ${last.clockTicks} clock ticks while holding also ran; ${last.filledOrders} orders filled, ${Object.values(last.riskDenied).reduce((a, b) => a + b, 0)} risk denials`,
        }),
      );
    }
    return Promise.resolve(outputs);
  },
};

// Run alone: node --import tsx agent/bench/backtest.bench.ts
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  emit(await backtestBench.run());
}
