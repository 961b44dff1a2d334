/**
 * Training is deterministic for a seed, depends on the seed, keeps its early-stopping holdout out
 * of the fit, and learns: on a slice of sent_train.csv it beats the majority class on its holdout.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prng } from '../lib/prng.js';
import { DEFAULT_SENTIMENT_DIR, loadTwitterCsv } from './data.js';
import { FEATURE_SPEC, featurize } from './features.js';
import { predictProbabilities } from './linear-model.js';
import { argmax, classificationMetrics } from './metrics.js';
import { DEFAULT_TRAIN_OPTIONS, stratifiedSplit, trainSentiment, type TrainOptions } from './train.js';

const rows = loadTwitterCsv(join(DEFAULT_SENTIMENT_DIR, 'sent_train.csv')).slice(0, 3000);
const options: TrainOptions = {
  ...DEFAULT_TRAIN_OPTIONS,
  spec: { ...FEATURE_SPEC, buckets: 1 << 14 },
  maxEpochs: 6,
};

describe('trainSentiment', () => {
  it('gives identical weights for the same seed and different ones for another seed', () => {
    const a = trainSentiment(rows, options);
    const b = trainSentiment(rows, options);
    const c = trainSentiment(rows, { ...options, seed: options.seed + 1 });
    expect(b.model.weights).toEqual(a.model.weights);
    expect(b.model.bias).toEqual(a.model.bias);
    expect(b.epochs).toEqual(a.epochs);
    expect(c.model.weights).not.toEqual(a.model.weights);
  });

  it('learns something the majority class does not: holdout accuracy above the neutral share', () => {
    const result = trainSentiment(rows, options);
    const best = result.epochs[result.bestEpoch - 1];
    const { holdout } = stratifiedSplit(rows, options.holdoutFraction, new Prng(options.seed));
    const neutralShare = holdout.filter((r) => r.label === 1).length / holdout.length;
    expect(best?.holdoutAccuracy).toBeGreaterThan(neutralShare + 0.05);
    expect(best?.holdoutMacroF1).toBeGreaterThan(0.5);
    expect(result.trainRows + result.holdoutRows).toBe(rows.length);
  });

  it('without a holdout (the refit) uses every row and runs exactly maxEpochs', () => {
    const refit = trainSentiment(rows, { ...options, holdoutFraction: 0, maxEpochs: 3 });
    expect([refit.trainRows, refit.holdoutRows, refit.epochs.length, refit.bestEpoch]).toEqual([
      rows.length,
      0,
      3,
      3,
    ]);
  });

  it('with NB weighting exports weights that already carry the ratios (they reproduce its holdout F1)', () => {
    const nb = trainSentiment(rows, { ...options, nbAlpha: 1, maxEpochs: 3 });
    const plain = trainSentiment(rows, { ...options, maxEpochs: 3 });
    expect(nb.model.weights).not.toEqual(plain.model.weights);
    const { holdout } = stratifiedSplit(rows, options.holdoutFraction, new Prng(options.seed));
    const predicted = holdout.map((r) =>
      argmax(predictProbabilities(nb.model, featurize(r.text, options.spec))),
    );
    const f1 = classificationMetrics(
      holdout.map((r) => r.label),
      predicted,
    ).macroF1;
    expect(f1).toBeCloseTo(nb.epochs[nb.bestEpoch - 1]?.holdoutMacroF1 ?? NaN, 6);
    expect(f1).toBeGreaterThan(0.5);
  });

  it('splits stratified and disjoint, the same way for the same seed', () => {
    const a = stratifiedSplit(rows, 0.15, new Prng(3));
    const b = stratifiedSplit(rows, 0.15, new Prng(3));
    expect(a).toEqual(b);
    const held = new Set(a.holdout);
    expect(a.fit.some((r) => held.has(r))).toBe(false);
    for (const c of [0, 1, 2]) {
      const total = rows.filter((r) => r.label === c).length;
      expect(a.holdout.filter((r) => r.label === c).length).toBe(Math.round(total * 0.15));
    }
  });
});
