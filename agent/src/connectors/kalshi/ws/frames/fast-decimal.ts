/**
 * Fast paths for the canonical decimal strings Kalshi sends on the hot path ("0.5600", "-54.00"),
 * falling back to the strict protocol parsers for anything else, so the accepted language and
 * the values are exactly those of parsePriceDollars / parseSignedCountFp (a test checks both on
 * random and hostile strings). The regex + BigInt route costs more than the rest of a delta.
 */
import {
  parsePriceDollars,
  parseSignedCountFp,
  priceE4,
  signedCountE2,
  type CountE2,
  type PriceE4,
} from '@pt/protocol';

const ZERO = 48;
const NINE = 57;
const DOT = 46;
const MINUS = 45;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= ZERO && c <= NINE ? c - ZERO : -1;
}

/** "0.5600" → 5600; throws FixedPointError (naming `field`) like parsePriceDollars. */
export function priceE4FromDollars(s: string, field: string): PriceE4 {
  if (s.length === 6 && s.charCodeAt(1) === DOT) {
    const units = digit(s, 0);
    const a = digit(s, 2);
    const b = digit(s, 3);
    const c = digit(s, 4);
    const d = digit(s, 5);
    if (units === 0 && a >= 0 && b >= 0 && c >= 0 && d >= 0)
      return priceE4(a * 1000 + b * 100 + c * 10 + d, field);
  }
  return parsePriceDollars(s, field);
}

/** "-54.00" → -5400, "12.50" → 1250; throws like parseSignedCountFp. */
export function signedCountE2FromFp(s: string, field: string): CountE2 {
  const n = s.length;
  const isNegative = s.charCodeAt(0) === MINUS;
  const start = isNegative ? 1 : 0;
  // canonical: int digits (no leading zero unless exactly "0"), '.', two digits; ≤ 12 int digits
  if (n - start >= 4 && n - start <= 15 && s.charCodeAt(n - 3) === DOT) {
    const intEnd = n - 3;
    const first = digit(s, start);
    if (first >= 0 && !(first === 0 && intEnd - start > 1)) {
      let value = 0;
      let isCanonical = true;
      for (let i = start; i < intEnd; i++) {
        const v = digit(s, i);
        if (v < 0) {
          isCanonical = false;
          break;
        }
        value = value * 10 + v;
      }
      const f1 = digit(s, n - 2);
      const f2 = digit(s, n - 1);
      if (isCanonical && f1 >= 0 && f2 >= 0) {
        const magnitude = value * 100 + f1 * 10 + f2;
        return signedCountE2(isNegative && magnitude !== 0 ? -magnitude : magnitude, field);
      }
    }
  }
  return parseSignedCountFp(s, field);
}
