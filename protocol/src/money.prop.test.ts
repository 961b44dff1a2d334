import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FixedPointError,
  addMoney,
  formatCountFp,
  formatMoneyDollars,
  formatPriceDollars,
  moneyE6,
  notional,
  parseCountFp,
  parseMoneyDollars,
  parsePriceDollars,
  parseSignedCountFp,
  priceE4,
  signedCountE2,
  subMoney,
} from './money.js';

const SEED = 20261125;
const RUNS = { seed: SEED, numRuns: 500 };
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

const price = fc.integer({ min: 0, max: 10_000 }).map((n) => priceE4(n));
const signedSafe = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger());
const count = signedSafe.map((n) => signedCountE2(n));
const money = signedSafe.map((n) => moneyE6(n));

/** A decimal string with an integer part and 0..8 arbitrary fraction digits. */
const decimalText = fc
  .tuple(
    fc.boolean(),
    fc.bigInt({ min: 0n, max: 10n ** 12n }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 8 }),
  )
  .map(
    ([isNegative, whole, fraction]) =>
      `${isNegative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`,
  );

/** The exact value of a decimal string in units of 10^-dp, or null when it has nonzero digits past dp. */
function exactScaled(text: string, dp: number): bigint | null {
  const isNegative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  if (/[1-9]/.test(fraction.slice(dp))) return null;
  const magnitude = BigInt(whole + fraction.slice(0, dp).padEnd(dp, '0'));
  return isNegative ? -magnitude : magnitude;
}

describe('money properties', () => {
  it('format → parse is the identity for every unit', () => {
    fc.assert(
      fc.property(price, count, money, (p, c, m) => {
        expect(parsePriceDollars(formatPriceDollars(p))).toBe(p);
        expect(parseSignedCountFp(formatCountFp(c))).toBe(c);
        expect(parseMoneyDollars(formatMoneyDollars(m))).toBe(m);
      }),
      RUNS,
    );
  });

  it('parse → format yields the canonical text from padded or trimmed spellings', () => {
    const spellings = fc.tuple(price, count, money, fc.nat({ max: 3 }));
    fc.assert(
      fc.property(spellings, ([p, c, m, extraZeros]) => {
        const units = [
          [formatPriceDollars(p), (s: string) => formatPriceDollars(parsePriceDollars(s))],
          [formatCountFp(c), (s: string) => formatCountFp(parseSignedCountFp(s))],
          [formatMoneyDollars(m), (s: string) => formatMoneyDollars(parseMoneyDollars(s))],
        ] as const;
        for (const [canonical, roundTrip] of units) {
          expect(roundTrip(canonical + '0'.repeat(extraZeros))).toBe(canonical);
          // "0.5000" → "0.5", "10.00" → "10": Kalshi requests may use fewer decimals.
          expect(roundTrip(canonical.replace(/\.?0+$/, ''))).toBe(canonical);
        }
      }),
      RUNS,
    );
  });

  it('never rounds: a parse either equals the exact decimal value or throws FixedPointError', () => {
    const units = [
      { dp: 2, parse: parseSignedCountFp },
      { dp: 6, parse: parseMoneyDollars },
    ] as const;
    fc.assert(
      fc.property(decimalText, fc.constantFrom(...units), (text, unit) => {
        const exact = exactScaled(text, unit.dp);
        const isNegativeZero = text.startsWith('-') && exact === 0n;
        if (exact === null || exact > MAX || exact < -MAX) {
          expect(() => unit.parse(text)).toThrow(FixedPointError);
        } else {
          expect(unit.parse(text)).toBe(isNegativeZero ? 0 : Number(exact));
        }
      }),
      RUNS,
    );
  });

  it('prices: accepted exactly when the decimal value is a 4-dp number in 0..1', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const exact = exactScaled(text, 4);
        const isAcceptable = exact !== null && !text.startsWith('-') && exact <= 10_000n;
        if (isAcceptable) expect(parsePriceDollars(text)).toBe(Number(exact));
        else expect(() => parsePriceDollars(text)).toThrow(FixedPointError);
      }),
      RUNS,
    );
  });

  it('notional, add and sub agree with bigint arithmetic or throw', () => {
    fc.assert(
      fc.property(price, count, money, money, (p, c, a, b) => {
        const cases = [
          [BigInt(p) * BigInt(c), () => notional(p, c)],
          [BigInt(a) + BigInt(b), () => addMoney(a, b)],
          [BigInt(a) - BigInt(b), () => subMoney(a, b)],
        ] as const;
        for (const [expected, compute] of cases) {
          if (expected > MAX || expected < -MAX) expect(compute).toThrow(FixedPointError);
          else expect(BigInt(compute())).toBe(expected);
        }
      }),
      RUNS,
    );
  });

  it('small notionals never throw (typical order sizes)', () => {
    fc.assert(
      fc.property(price, fc.integer({ min: 0, max: 10 ** 9 }), (p, c) => {
        expect(BigInt(notional(p, signedCountE2(c)))).toBe(BigInt(p) * BigInt(c));
      }),
      RUNS,
    );
  });

  it('count strings with 0..2 dp always parse to the exact value', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 12 }), (n) => {
        const c = signedCountE2(n);
        expect(parseCountFp(formatCountFp(c))).toBe(n);
      }),
      RUNS,
    );
  });
});
