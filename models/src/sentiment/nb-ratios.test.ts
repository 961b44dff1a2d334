/**
 * The NB log-count ratios on a hand-computed example: binarised presence per class, α smoothing over
 * all buckets, one-vs-rest.
 */
import { describe, expect, it } from 'vitest';
import type { ClassIndex } from './labels.js';
import { nbLogCountRatios } from './nb-ratios.js';

const ex = (ids: number[], counts: number[], label: ClassIndex) => ({ features: { ids, counts }, label });

describe('nbLogCountRatios', () => {
  it('matches the formula by hand on 4 buckets', () => {
    // bucket 0: twice in bearish texts (count 3 binarised to 1); bucket 1: once bullish; bucket 2: neutral.
    const examples = [ex([0], [3], 0), ex([0, 2], [1, 1], 0), ex([1], [1], 2), ex([2], [1], 1)];
    const r = nbLogCountRatios(examples, 4, 1);
    // Totals of presences: bearish 3, neutral 1, bullish 1; α·buckets = 4.
    // Bearish vs rest for bucket 0: p = (1 + 2) / (3 + 4), q = (1 + 0) / (2 + 4).
    expect(r[0 * 3 + 0]).toBeCloseTo(Math.log(3 / 7 / (1 / 6)), 12);
    // Bullish vs rest for bucket 1: p = 2 / (1 + 4), q = 1 / (4 + 4).
    expect(r[1 * 3 + 2]).toBeCloseTo(Math.log(2 / 5 / (1 / 8)), 12);
    // Neutral vs rest for bucket 2: p = 2 / 5, q = 2 / 8.
    expect(r[2 * 3 + 1]).toBeCloseTo(Math.log(2 / 5 / (2 / 8)), 12);
    // An unseen bucket only carries the ratio of the normalisers.
    expect(r[3 * 3 + 0]).toBeCloseTo(Math.log(1 / 7 / (1 / 6)), 12);
  });

  it('refuses a non-positive smoothing', () => {
    expect(() => nbLogCountRatios([], 4, 0)).toThrow(/alpha/);
  });
});
