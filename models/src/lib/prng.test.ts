/** The seeded PRNG: reproducible, seed-sensitive, roughly uniform, and a fair shuffle. */
import { describe, expect, it } from 'vitest';
import { Prng } from './prng.js';

describe('Prng', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const seqA = Array.from({ length: 50 }, () => a.nextU32());
    expect(Array.from({ length: 50 }, () => b.nextU32())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.nextU32())).not.toEqual(seqA);
  });

  it('draws floats in [0, 1) with a mean near 1/2 and every bucket of nextInt hit', () => {
    const rng = new Prng(7);
    const xs = Array.from({ length: 20_000 }, () => rng.nextFloat());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.01);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) counts[rng.nextInt(10)]! += 1;
    for (const n of counts) expect(n).toBeGreaterThan(850);
  });

  it('shuffles to a permutation', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const shuffled = new Prng(1).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});
