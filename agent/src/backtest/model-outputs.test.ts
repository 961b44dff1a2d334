/**
 * `--model` on real data: the shipped signal model (models/manifest.json, verified at load) run
 * along the first 3,000 events of the NBA stream. Each prediction only sees book tops up to its own
 * event (cutting the data leaves earlier predictions unchanged), and with the model gate on, the
 * predictions reach the strategy (its gate decisions change from "no model output").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '@pt/protocol';
import { MarketSignals } from '../ml/market-signals.js';
import { SignalModel } from '../ml/signal-model.js';
import { loadDataSet } from './data-sets.js';
import { predictAlong } from './model-outputs.js';
import type { ReplayData } from './replay-data.js';
import { runBacktest } from './run-backtest.js';
import { volatilityRiderDefinition } from './test-series.js';

const DATA_DIR = new URL('../../../../shared/data', import.meta.url).pathname;

describe('backtest with the signal model', () => {
  let model: SignalModel;
  const full = loadDataSet('kalshi-sports', DATA_DIR).data;
  const data: ReplayData = { ...full, items: full.items.slice(0, 3_000) };

  beforeAll(async () => {
    model = await SignalModel.load();
  });
  afterAll(async () => {
    await model.model.close();
  });

  it('predicts along the data from past book tops only', async () => {
    const outputs = await predictAlong(data, new MarketSignals(model));
    expect(outputs.id).toBe(`${model.identity.name}@${model.identity.version}`);
    const predicted = [...outputs.up].filter((p) => !Number.isNaN(p));
    expect(predicted.length).toBeGreaterThan(1_000);
    for (const p of predicted) expect(p).toBeGreaterThanOrEqual(0);
    for (const p of predicted) expect(p).toBeLessThanOrEqual(1);
    const half: ReplayData = { ...data, items: data.items.slice(0, 1_500) };
    const prefix = await predictAlong(half, new MarketSignals(model));
    expect([...prefix.up]).toEqual([...outputs.up.slice(0, 1_500)]);
    expect([...prefix.down]).toEqual([...outputs.down.slice(0, 1_500)]);
  });

  it('hands the predictions to the strategy behind its model gate', async () => {
    const definition = volatilityRiderDefinition();
    const config = definition.configSchema.parse({
      zThreshold: 1,
      sampleIntervalMs: 1_000,
      modelGate: { isEnabled: true, minProbability: 0.5 },
    });
    const run = (withModel: boolean, outputs?: Awaited<ReturnType<typeof predictAlong>>) =>
      runBacktest({
        definition,
        config,
        data,
        seed: 1,
        startingCashE6: 1_000_000_000,
        riskSettings: DEFAULT_RISK_SETTINGS,
        clockIntervalMs: 1_000,
        model: withModel ? outputs : undefined,
      });
    const without = run(false);
    const withModel = run(true, await predictAlong(data, new MarketSignals(model)));
    // Without predictions every breakout is refused at the gate and nothing trades.
    expect(without.notTraded.model_gate_closed ?? 0).toBeGreaterThan(0);
    expect(without.fills).toHaveLength(0);
    expect(withModel.notTraded).not.toEqual(without.notTraded);
  });
});
