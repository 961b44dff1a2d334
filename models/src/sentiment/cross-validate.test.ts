/**
 * The folds of the cross-validation are disjoint, cover every row, are stratified and depend only on
 * the seed; a 2-fold run on a slice of sent_train.csv scores every fold above chance.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossValidate, stratifiedFolds } from './cross-validate.js';
import { DEFAULT_SENTIMENT_DIR, loadTwitterCsv } from './data.js';
import { FEATURE_SPEC } from './features.js';
import { DEFAULT_TRAIN_OPTIONS } from './train.js';

const rows = loadTwitterCsv(join(DEFAULT_SENTIMENT_DIR, 'sent_train.csv')).slice(0, 2000);

describe('stratifiedFolds', () => {
  it('splits into disjoint stratified folds that cover every row, the same for the same seed', () => {
    const folds = stratifiedFolds(rows, 5, 7);
    expect(stratifiedFolds(rows, 5, 7)).toEqual(folds);
    expect(stratifiedFolds(rows, 5, 8)).not.toEqual(folds);
    const all = folds.flat();
    expect(all.length).toBe(rows.length);
    expect(new Set(all).size).toBe(rows.length);
    for (const c of [0, 1, 2]) {
      const total = rows.filter((r) => r.label === c).length;
      for (const fold of folds) {
        expect(Math.abs(fold.filter((r) => r.label === c).length - total / 5)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('crossValidate', () => {
  it('scores each fold with a model fitted on the other folds', { timeout: 120_000 }, () => {
    const options = { ...DEFAULT_TRAIN_OPTIONS, spec: { ...FEATURE_SPEC, buckets: 1 << 14 }, maxEpochs: 4 };
    const scores = crossValidate(rows, options, 2, 1);
    expect(scores).toHaveLength(2);
    for (const s of scores) expect(s).toBeGreaterThan(0.45);
  });
});
