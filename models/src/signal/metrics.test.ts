import { describe, expect, it } from 'vitest';
import { auc, fitMomentum, logLoss } from './metrics.js';

describe('signal metrics', () => {
  it('AUC: perfect, reversed, all tied, and a hand-counted case', () => {
    expect(auc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(auc([0, 0, 1, 1], [0.4, 0.3, 0.2, 0.1])).toBe(0);
    expect(auc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    // pairs (pos, neg): (0.35 > 0.1) (0.35 < 0.4) (0.8 > 0.1) (0.8 > 0.4) → 3/4
    expect(auc([0, 1, 0, 1], [0.1, 0.35, 0.4, 0.8])).toBe(0.75);
    expect(auc([1, 1], [0.2, 0.3])).toBeNaN();
  });

  it('log-loss of a constant 0.5 is ln 2; momentum rates per bucket', () => {
    expect(logLoss([0, 1, 1], [0.5, 0.5, 0.5])).toBeCloseTo(Math.LN2, 12);
    expect(fitMomentum([-0.01, -0.02, 0, 0.03, 0.01], [0, 1, 1, 1, 1])).toEqual([0.5, 1, 1]);
    expect(fitMomentum([0.01], [1])).toEqual([1, 1, 1]); // empty buckets take the overall rate
  });
});
