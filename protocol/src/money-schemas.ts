/**
 * zod edges for fixed-point values. Two families:
 * - Kalshi strings (`"0.5600"`, `"10.00"`) → integers, for the connector's venue schemas;
 * - integers on the agent↔web wire (`PriceE4Schema` …), which are plain JSON numbers.
 * A failure becomes a zod issue at the value's path, with the FixedPointError reason as message.
 */
import { z } from 'zod';
import { FixedPointError } from './fixed-point.js';
import type { CountE2, MoneyE6, PriceE4 } from './money.js';
import {
  MAX_PRICE_E4,
  countE2,
  moneyE6,
  parseCountFp,
  parseMoneyDollars,
  parsePriceDollars,
  parseSignedCountFp,
  priceE4,
  signedCountE2,
} from './money.js';

export interface KalshiDecimalOptions {
  /**
   * Also accept a JSON number (converted with String(), which restores the shortest decimal text,
   * then parsed strictly). Kalshi documents strings; some reports say WS sometimes sends numbers.
   */
  readonly isJsonNumberAccepted?: boolean;
}

function kalshiDecimal<T>(
  parse: (s: string, field: string) => T,
  field: string,
  options: KalshiDecimalOptions,
): z.ZodType<T, string | number> {
  const input = options.isJsonNumberAccepted === true ? z.union([z.string(), z.number()]) : z.string();
  return input.transform((raw, ctx): T => {
    try {
      return parse(typeof raw === 'number' ? String(raw) : raw, field);
    } catch (error) {
      if (!(error instanceof FixedPointError)) throw error;
      ctx.issues.push({ code: 'custom', message: error.message, input: raw });
      return z.NEVER;
    }
  });
}

/** Kalshi `*_dollars` price string → PriceE4. */
export function priceDollarsString(field = 'price', options: KalshiDecimalOptions = {}) {
  return kalshiDecimal(parsePriceDollars, field, options);
}
/** Kalshi `*_fp` non-negative count string → CountE2. */
export function countFpString(field = 'count', options: KalshiDecimalOptions = {}) {
  return kalshiDecimal(parseCountFp, field, options);
}
/** Kalshi signed `*_fp` string (position_fp, delta_fp) → CountE2. */
export function signedCountFpString(field = 'count', options: KalshiDecimalOptions = {}) {
  return kalshiDecimal(parseSignedCountFp, field, options);
}
/** Kalshi `*_dollars` money string (≤ 6 dp, signed) → MoneyE6. */
export function moneyDollarsString(field = 'amount', options: KalshiDecimalOptions = {}) {
  return kalshiDecimal(parseMoneyDollars, field, options);
}

/** PriceE4 on the agent↔web wire: an integer 0..10000. */
export const PriceE4Schema = z
  .int()
  .min(0)
  .max(MAX_PRICE_E4)
  .transform((n): PriceE4 => priceE4(n));
/** Non-negative CountE2 on the agent↔web wire. */
export const CountE2Schema = z
  .int()
  .min(0)
  .transform((n): CountE2 => countE2(n));
/** Signed CountE2 (positions) on the agent↔web wire. */
export const SignedCountE2Schema = z.int().transform((n): CountE2 => signedCountE2(n));
/** Signed MoneyE6 on the agent↔web wire. */
export const MoneyE6Schema = z.int().transform((n): MoneyE6 => moneyE6(n));
