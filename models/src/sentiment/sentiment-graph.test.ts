/**
 * The sentiment graph in onnxruntime equals the TypeScript forward pass (1e-5) on real texts:
 * for random weights written by the exporter, and for the committed model's own weights.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Prng } from '../lib/prng.js';
import { MODELS_DIR } from '../manifest.js';
import { DEFAULT_SENTIMENT_DIR, loadTwitterCsv } from './data.js';
import { FEATURE_SPEC, featurize } from './features.js';
import { predictProbabilities, type LinearWeights } from './linear-model.js';
import { SENTIMENT_MODEL_FILE } from './model-info.js';
import { readSentimentWeights } from './read-weights.js';
import { runSentimentSession } from './run-session.js';
import { encodeSentimentModel, toBatch } from './sentiment-graph.js';

const texts = [
  ...loadTwitterCsv(join(DEFAULT_SENTIMENT_DIR, 'sent_valid.csv'))
    .slice(0, 300)
    .map((r) => r.text),
  '',
  '!!!',
  'up up up up up up up up',
];

async function expectParity(bytes: Uint8Array, model: LinearWeights): Promise<void> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const fromOnnx = await runSentimentSession(session, texts, FEATURE_SPEC);
    texts.forEach((text, i) => {
      const expected = predictProbabilities(model, featurize(text));
      const got = fromOnnx[i] ?? [];
      expected.forEach((p, c) => expect(Math.abs((got[c] ?? NaN) - p)).toBeLessThan(1e-5));
    });
  } finally {
    await session.release();
  }
}

describe('sentiment graph', () => {
  it('matches the TypeScript forward pass for random weights', async () => {
    const rng = new Prng(5);
    const model: LinearWeights = {
      buckets: FEATURE_SPEC.buckets,
      weights: Float32Array.from({ length: FEATURE_SPEC.buckets * 3 }, () => rng.nextFloat() * 6 - 3),
      bias: Float32Array.of(0.3, -0.2, 0.1),
    };
    const bytes = encodeSentimentModel(model, FEATURE_SPEC, '0.0.0-test');
    expect(readSentimentWeights(bytes)).toEqual(model);
    await expectParity(bytes, model);
  });

  it('matches the TypeScript forward pass for the committed model', async () => {
    const bytes = new Uint8Array(readFileSync(join(MODELS_DIR, SENTIMENT_MODEL_FILE)));
    await expectParity(bytes, readSentimentWeights(bytes));
  });

  it('pads a batch with id 0 / count 0 and gives an empty batch one column', () => {
    const b = toBatch([
      { ids: [3, 9], counts: [1, 2] },
      { ids: [4], counts: [1] },
    ]);
    expect([b.rows, b.tokens]).toEqual([2, 2]);
    expect([...b.ids]).toEqual([3, 9, 4, 0]);
    expect([...b.counts]).toEqual([1, 2, 1, 0]);
    expect(toBatch([{ ids: [], counts: [] }]).tokens).toBe(1);
  });
});
