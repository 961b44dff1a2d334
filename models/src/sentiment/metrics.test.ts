/** Metrics on a hand-checked example. */
import { describe, expect, it } from 'vitest';
import type { ClassIndex } from './labels.js';
import { argmax, classificationMetrics } from './metrics.js';

describe('classificationMetrics', () => {
  it('computes accuracy, per-class F1, macro-F1 and the confusion matrix', () => {
    const truth: ClassIndex[] = [0, 0, 1, 1, 1, 2];
    const pred: ClassIndex[] = [0, 1, 1, 1, 2, 2];
    const m = classificationMetrics(truth, pred);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    expect(m.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 1],
      [0, 0, 1],
    ]);
    // bearish P=1 R=1/2 → 2/3; neutral P=2/3 R=2/3 → 2/3; bullish P=1/2 R=1 → 2/3.
    expect(m.perClass.map((c) => c.f1)).toEqual(
      [2 / 3, 2 / 3, 2 / 3].map((x) => expect.closeTo(x, 12) as number),
    );
    expect(m.macroF1).toBeCloseTo(2 / 3, 12);
  });

  it('argmax picks the first maximum', () => {
    expect(argmax([0.2, 0.5, 0.3])).toBe(1);
    expect(argmax([0.4, 0.2, 0.4])).toBe(0);
  });
});
