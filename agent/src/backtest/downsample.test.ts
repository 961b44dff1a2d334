import { describe, expect, it } from 'vitest';
import { downsampleIndices } from './downsample.js';

describe('downsampleIndices', () => {
  it('keeps short series whole', () => {
    expect(downsampleIndices([3, 1, 2], 10)).toEqual([0, 1, 2]);
  });

  it('keeps first, last, and each bucket’s low and high in time order, within the budget', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.round(Math.sin(i / 50) * 1000));
    values[4321] = -5000; // the deepest trough must survive
    values[777] = 9000; // and the highest peak
    const kept = downsampleIndices(values, 2_000);
    expect(kept.length).toBeLessThanOrEqual(2_000);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(9_999);
    expect(kept).toContain(4321);
    expect(kept).toContain(777);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
    expect(new Set(kept).size).toBe(kept.length);
  });

  it('refuses a budget too small to keep the ends', () => {
    expect(() => downsampleIndices([1, 2, 3, 4, 5], 3)).toThrow(/maxPoints/);
  });
});
