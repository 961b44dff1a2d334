import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, fullJitterDelayMs, seededRandom } from './backoff.js';

describe('fullJitterDelayMs', () => {
  const options = { ...DEFAULT_BACKOFF, initialDelayMs: 100, maxDelayMs: 1_000, multiplier: 2 };

  it('scales the cap exponentially and clamps it at maxDelayMs', () => {
    const top = () => 0.999_999;
    expect(fullJitterDelayMs(0, options, top)).toBe(99);
    expect(fullJitterDelayMs(1, options, top)).toBe(199);
    expect(fullJitterDelayMs(3, options, top)).toBe(799);
    expect(fullJitterDelayMs(4, options, top)).toBe(999);
    expect(fullJitterDelayMs(500, options, top)).toBe(999);
  });

  it('is full jitter: the delay can be anywhere down to zero', () => {
    expect(fullJitterDelayMs(5, options, () => 0)).toBe(0);
    expect(fullJitterDelayMs(5, options, () => 0.5)).toBe(500);
  });

  it('spreads delays across the window with a seeded generator (reproducible)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const delays = Array.from({ length: 200 }, () => fullJitterDelayMs(10, options, a));
    expect(delays).toEqual(Array.from({ length: 200 }, () => fullJitterDelayMs(10, options, b)));
    expect(Math.min(...delays)).toBeLessThan(100);
    expect(Math.max(...delays)).toBeGreaterThan(900);
    expect(delays.every((d) => Number.isInteger(d) && d >= 0 && d < 1_000)).toBe(true);
  });

  it('seededRandom stays in [0, 1) and differs per seed', () => {
    const r = seededRandom(1);
    const values = Array.from({ length: 1_000 }, () => r());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom(2)()).not.toBe(seededRandom(1)());
  });
});
