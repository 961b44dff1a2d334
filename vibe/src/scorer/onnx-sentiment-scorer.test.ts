/**
 * The ONNX scorer on real sentences (sent_valid.csv) gives the same labels and probabilities as
 * the plain TypeScript forward pass of the model's own weights, in batches of any size; and it
 * implements the seam (labels in SENTIMENT_LABELS order, polarity = P(bullish) − P(bearish)).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODELS_DIR } from '@pt/models/manifest';
import {
  DEFAULT_SENTIMENT_DIR,
  SENTIMENT_CLASSES,
  SENTIMENT_MODEL_FILE,
  SENTIMENT_MODEL_NAME,
  SENTIMENT_MODEL_VERSION,
  argmax,
  featurize,
  loadTwitterCsv,
  predictProbabilities,
  readSentimentWeights,
} from '@pt/models/sentiment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnnxSentimentScorer } from './onnx-sentiment-scorer.js';
import { SENTIMENT_LABELS } from './types.js';

const texts = loadTwitterCsv(join(DEFAULT_SENTIMENT_DIR, 'sent_valid.csv'))
  .slice(0, 400)
  .map((r) => r.text);
const weights = readSentimentWeights(new Uint8Array(readFileSync(join(MODELS_DIR, SENTIMENT_MODEL_FILE))));

describe('OnnxSentimentScorer', () => {
  let scorer: OnnxSentimentScorer;
  beforeAll(async () => {
    scorer = await OnnxSentimentScorer.load({ batchSize: 64 });
  });
  afterAll(async () => {
    await scorer.close();
  });

  it('uses the same class order as the model', () => {
    expect(SENTIMENT_LABELS).toEqual(SENTIMENT_CLASSES);
    expect(scorer.modelId).toBe(`${SENTIMENT_MODEL_NAME}@${SENTIMENT_MODEL_VERSION}`);
  });

  it('labels real sentences exactly as the TypeScript forward pass does', async () => {
    const scores = await scorer.score(texts);
    expect(scores).toHaveLength(texts.length);
    const labels = new Set<string>();
    texts.forEach((text, i) => {
      const expected = predictProbabilities(weights, featurize(text));
      const got = scores[i];
      expect(got?.label).toBe(SENTIMENT_LABELS[argmax(expected)]);
      expected.forEach((p, c) => expect(Math.abs((got?.probabilities[c] ?? NaN) - p)).toBeLessThan(1e-5));
      expect(got?.polarity).toBeCloseTo((got?.probabilities[2] ?? 0) - (got?.probabilities[0] ?? 0), 12);
      labels.add(got?.label ?? '');
    });
    expect([...labels].sort()).toEqual(['bearish', 'bullish', 'neutral']);
  });

  it('gives the same scores whatever the batching, and [] for no texts', async () => {
    const one = await OnnxSentimentScorer.load({ batchSize: 1 });
    try {
      const a = await one.score(texts.slice(0, 20));
      const b = await scorer.score(texts.slice(0, 20));
      a.forEach((s, i) => {
        expect(s.label).toBe(b[i]?.label);
        s.probabilities.forEach((p, c) =>
          expect(Math.abs(p - (b[i]?.probabilities[c] ?? NaN))).toBeLessThan(1e-6),
        );
      });
      expect(await one.score([])).toEqual([]);
    } finally {
      await one.close();
    }
  });
});
