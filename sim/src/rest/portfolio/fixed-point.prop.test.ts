import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dollarsE4, fpE2 } from '../../lib/format.js';
import { parseCountE2, parsePriceE4 } from './fixed-point.js';

const SEED = 4_2026;

describe('request fixed-point parsing', () => {
  it('round-trips every wire price and count exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 1e11 }),
        (priceE4, countE2) => {
          expect(parsePriceE4(dollarsE4(priceE4))).toBe(priceE4);
          expect(parseCountE2(fpE2(countE2))).toBe(countE2);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('refuses (never rounds) any value with more decimals than the field allows', () => {
    fc.assert(
      fc.property(
        fc.nat(99),
        fc.stringMatching(/^\d{4}[1-9]$/),
        fc.stringMatching(/^\d{2}[1-9]$/),
        (whole, priceFrac, countFrac) => {
          expect(parsePriceE4(`${whole}.${priceFrac}`)).toBeUndefined();
          expect(parseCountE2(`${whole}.${countFrac}`)).toBeUndefined();
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it.each(['', '.5', '1.', '-0.5', '+1', '1e2', ' 1', '0x10', '１'])('rejects %j', (text) => {
    expect(parsePriceE4(text)).toBeUndefined();
    expect(parseCountE2(text)).toBeUndefined();
  });
});
