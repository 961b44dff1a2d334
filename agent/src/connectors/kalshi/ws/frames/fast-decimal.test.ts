import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePriceDollars, parseSignedCountFp } from '@pt/protocol';
import { priceE4FromDollars, signedCountE2FromFp } from './fast-decimal.js';

type Outcome = { value: number } | { error: string };

function run(f: (s: string) => number, s: string): Outcome {
  try {
    return { value: f(s) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const hostile = [
  '',
  '-',
  '.',
  '0.',
  '.5',
  '00.50',
  '01.00',
  '-0.00',
  '0.0000',
  '1.0000',
  '1.0001',
  '0.56',
  '0.560000',
  '0.5600 ',
  ' 0.5600',
  '+0.5600',
  '0,5600',
  '1e-3',
  'NaN',
  '-1.00',
  '-54.00',
  '54.00',
  '054.00',
  '5.5',
  '5.555',
  '999999999999.99',
  '9999999999999.99',
  '99999999999999999.00',
  '0a.00',
  '1.0a',
  '-0.01',
  '0.00',
  '0x.00',
];

const decimalish = fc.stringMatching(/^-?[0-9]{0,14}(\.[0-9]{0,6})?$/);

describe('fast decimal paths agree with the strict protocol parsers', () => {
  it('on hostile and edge strings', () => {
    for (const s of hostile) {
      expect(
        run((x) => priceE4FromDollars(x, 'p'), s),
        s,
      ).toEqual(run((x) => parsePriceDollars(x, 'p'), s));
      expect(
        run((x) => signedCountE2FromFp(x, 'c'), s),
        s,
      ).toEqual(run((x) => parseSignedCountFp(x, 'c'), s));
    }
  });

  it('on random decimal-looking strings (seeded)', () => {
    fc.assert(
      fc.property(fc.oneof(decimalish, fc.string({ maxLength: 8 })), (s) => {
        expect(run((x) => priceE4FromDollars(x, 'p'), s)).toEqual(run((x) => parsePriceDollars(x, 'p'), s));
        expect(run((x) => signedCountE2FromFp(x, 'c'), s)).toEqual(run((x) => parseSignedCountFp(x, 'c'), s));
      }),
      { seed: 42, numRuns: 5_000 },
    );
  });

  it('never returns -0', () => {
    expect(Object.is(signedCountE2FromFp('-0.00', 'c'), 0)).toBe(true);
  });
});
