import { countE2, priceE4 } from '@pt/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxTakerFeeE6 } from './fees.js';

describe('maxTakerFeeE6', () => {
  it('0.07 × C × P × (1 − P), rounded up to the cent', () => {
    // 10 at $0.50: 0.07 × 10 × 0.25 = $0.175 → $0.18.
    expect(maxTakerFeeE6(countE2(1_000), priceE4(5_000))).toBe(180_000);
    // 100 at $0.30: 0.07 × 100 × 0.21 = $1.47 exactly.
    expect(maxTakerFeeE6(countE2(10_000), priceE4(3_000))).toBe(1_470_000);
    // 1 at $0.01: 0.07 × 0.0099 = $0.000693 → one cent.
    expect(maxTakerFeeE6(countE2(100), priceE4(100))).toBe(10_000);
    expect(maxTakerFeeE6(countE2(0), priceE4(5_000))).toBe(0);
    expect(maxTakerFeeE6(countE2(1_000), priceE4(10_000))).toBe(0);
  });

  it('symmetric in the leg, never below the exact fee, at most a cent above, safe at the maxima', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 10_000 }), (c, p) => {
        const fee = maxTakerFeeE6(countE2(c), priceE4(p));
        expect(fee).toBe(maxTakerFeeE6(countE2(c), priceE4(10_000 - p)));
        expect(Number.isSafeInteger(fee)).toBe(true);
        const exactE6 = 0.07 * (c / 100) * (p / 10_000) * (1 - p / 10_000) * 1e6;
        expect(fee).toBeGreaterThanOrEqual(exactE6 - 1e-3);
        expect(fee - exactE6).toBeLessThan(10_000 + 1e-3);
      }),
    );
  });
});
