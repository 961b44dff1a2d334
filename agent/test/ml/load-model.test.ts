import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODELS_DIR, findEntry, readManifest } from '@pt/models/manifest';
import {
  FEATURE_SPEC,
  SENTIMENT_MODEL_NAME,
  featurize,
  predictProbabilities,
  readSentimentWeights,
  toBatch,
} from '@pt/models/sentiment';
import { SIGNAL_FEATURES, SIGNAL_MODEL_NAME, SignalFeatureWindow } from '@pt/models/signal';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_MODELS, ModelRegistry, SignalModel, loadModel } from '../../src/ml/index.js';
import { loadTickerStream } from '../../../models/src/signal/data.js';
import { readSignalWeights } from '../../../models/src/signal/graph.js';
import { predictSignal } from '../../../models/src/signal/logreg.js';

const DATA = join(MODELS_DIR, '..', '..', 'shared', 'data');
const registries: ModelRegistry[] = [];
afterAll(async () => {
  for (const r of registries) await r.close();
});

describe('agent ML loader with the committed models', () => {
  it('loads sentiment and signal, reports them ready by name and version', async () => {
    const now = Date.parse(findEntry(readManifest(), SIGNAL_MODEL_NAME).trainedAt) + 60_000;
    const registry = await ModelRegistry.load({ models: AGENT_MODELS, now: () => now });
    registries.push(registry);
    const health = registry.health();
    expect(health.light).toBe('green');
    expect(health.sinceMs).toBe(now);
    expect(health.models.map((m) => [m.name, m.state])).toEqual([
      [SENTIMENT_MODEL_NAME, 'ready'],
      [SIGNAL_MODEL_NAME, 'ready'],
    ]);
    const manifest = readManifest();
    for (const m of health.models)
      expect(health.detail).toContain(`${m.name}@${findEntry(manifest, m.name).version}`);
    const signal = SignalModel.fromRegistry(registry);
    expect(signal?.identity).toEqual({
      name: SIGNAL_MODEL_NAME,
      version: findEntry(manifest, SIGNAL_MODEL_NAME).version,
      sha256: findEntry(manifest, SIGNAL_MODEL_NAME).sha256,
    });
    expect(signal?.featureNames).toEqual(SIGNAL_FEATURES);
  });

  it('signal: predict on features built from the real NBA stream equals the TypeScript forward pass', async () => {
    const model = await SignalModel.load();
    try {
      const weights = readSignalWeights(readFileSync(join(MODELS_DIR, 'signal/model.onnx')));
      const path = join(DATA, 'kalshi-sports', 'KXNBAGAME-25NOV22LACCHA-LAC.jsonl');
      const points = loadTickerStream(path).series[0]?.points ?? [];
      const window = new SignalFeatureWindow();
      let checked = 0;
      for (const [i, q] of points.entries()) {
        window.push(q);
        if (i % 25 !== 0) continue;
        const vector = window.features();
        if (!vector) throw new Error('no features');
        const out = await model.predict(vector);
        if (out.kind !== 'predicted') throw new Error(out.reason);
        expect(Math.abs(out.probabilityUp - predictSignal(weights.up, vector.values))).toBeLessThanOrEqual(
          1e-5,
        );
        expect(
          Math.abs(out.probabilityDown - predictSignal(weights.down, vector.values)),
        ).toBeLessThanOrEqual(1e-5);
        expect(out.model.name).toBe(SIGNAL_MODEL_NAME);
        checked++;
      }
      expect(checked).toBeGreaterThan(30);
    } finally {
      await model.model.close();
    }
  });

  it('sentiment: the verified session equals its TypeScript forward pass on real text', async () => {
    const model = await loadModel({ name: SENTIMENT_MODEL_NAME, expectedFeatures: FEATURE_SPEC });
    try {
      const weights = readSentimentWeights(readFileSync(join(MODELS_DIR, 'sentiment/model.onnx')));
      const texts = ['Fed cuts rates, stocks rally', 'Barclays cools on Molson Coors', ''];
      const batch = toBatch(texts.map((t) => featurize(t, FEATURE_SPEC)));
      const dims = [batch.rows, batch.tokens];
      const out = await model.run({
        token_ids: new ort.Tensor('int32', batch.ids, dims),
        token_counts: new ort.Tensor('float32', batch.counts, dims),
      });
      const data = out['probabilities']?.data as Float32Array;
      texts.forEach((t, r) => {
        const expected = predictProbabilities(weights, featurize(t, FEATURE_SPEC));
        expected.forEach((p, c) => expect(Math.abs((data[r * 3 + c] ?? NaN) - p)).toBeLessThanOrEqual(1e-5));
      });
    } finally {
      await model.close();
    }
  });
});
