/**
 * Fixed-point money and counts. Never floats: every price, count and dollar amount is an integer in
 * a named unit, and PriceE4 × CountE2 = MoneyE6 exactly.
 *
 * - PriceE4: 1/10,000 dollar per contract, 0..10000 (Kalshi `*_dollars` prices, ≤ 4 dp).
 * - CountE2: 1/100 contract (Kalshi `*_fp` strings, 2 dp). Non-negative unless built through a
 *   `signed` helper (Kalshi `position_fp` and `delta_fp` are signed).
 * - MoneyE6: 1/1,000,000 dollar, signed (balances, exposure, P&L, fees; Kalshi emits ≤ 6 dp).
 */
import { FixedPointError, formatFixed, parseFixed } from './fixed-point.js';

export { FixedPointError } from './fixed-point.js';

export type PriceE4 = number & { readonly __unit: 'PriceE4' };
export type CountE2 = number & { readonly __unit: 'CountE2' };
export type MoneyE6 = number & { readonly __unit: 'MoneyE6' };

/** 1.0000 dollar, the most a binary contract can cost. */
export const MAX_PRICE_E4 = 10_000;
const PRICE_DP = 4;
const COUNT_DP = 2;
const MONEY_DP = 6;

function isPriceValue(n: number): n is PriceE4 {
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_PRICE_E4;
}
function isSignedCountValue(n: number): n is CountE2 {
  return Number.isSafeInteger(n);
}
function isCountValue(n: number): n is CountE2 {
  return Number.isSafeInteger(n) && n >= 0;
}
function isMoneyValue(n: number): n is MoneyE6 {
  return Number.isSafeInteger(n);
}

/** Brands an integer number of 1/10,000 dollars; throws unless 0..10000. */
export function priceE4(n: number, field = 'priceE4'): PriceE4 {
  if (!isPriceValue(n)) throw new FixedPointError(field, n, 'price must be an integer 0..10000');
  return n;
}
/** Brands a non-negative integer number of 1/100 contracts. */
export function countE2(n: number, field = 'countE2'): CountE2 {
  if (!isCountValue(n)) throw new FixedPointError(field, n, 'count must be a non-negative safe integer');
  return n;
}
/** Brands a signed integer number of 1/100 contracts (positions, book deltas). */
export function signedCountE2(n: number, field = 'countE2'): CountE2 {
  if (!isSignedCountValue(n)) throw new FixedPointError(field, n, 'count must be a safe integer');
  return n;
}
/** Brands a signed integer number of 1/1,000,000 dollars. */
export function moneyE6(n: number, field = 'moneyE6'): MoneyE6 {
  if (!isMoneyValue(n)) throw new FixedPointError(field, n, 'money must be a safe integer');
  return n;
}

/** "0.56", "0.5600", "1", "0.560000" → 5600; rejects "0.56001", "1.0001", "-0.1". */
export function parsePriceDollars(s: string, field = 'price'): PriceE4 {
  const value = parseFixed(s, field, { scaleDp: PRICE_DP, isNegativeAllowed: false });
  return priceE4(value, field);
}
/** Always 4 dp: 5600 → "0.5600". */
export function formatPriceDollars(p: PriceE4): string {
  return formatFixed(p, PRICE_DP);
}

/** "10.00", "10", "0.5" → 1000 / 1000 / 50; rejects negatives and "0.001". */
export function parseCountFp(s: string, field = 'count'): CountE2 {
  return countE2(parseFixed(s, field, { scaleDp: COUNT_DP, isNegativeAllowed: false }), field);
}
/** Like parseCountFp but allows a leading "-" (position_fp: negative = NO contracts). */
export function parseSignedCountFp(s: string, field = 'count'): CountE2 {
  return signedCountE2(parseFixed(s, field, { scaleDp: COUNT_DP, isNegativeAllowed: true }), field);
}
/** Always 2 dp: 1000 → "10.00", -5 → "-0.05". */
export function formatCountFp(c: CountE2): string {
  return formatFixed(c, COUNT_DP);
}

/** Signed dollars with 0..6 dp: "-12.5" → -12_500_000. */
export function parseMoneyDollars(s: string, field = 'amount'): MoneyE6 {
  return moneyE6(parseFixed(s, field, { scaleDp: MONEY_DP, isNegativeAllowed: true }), field);
}
/** Always 6 dp: 1_500_000 → "1.500000". */
export function formatMoneyDollars(m: MoneyE6): string {
  return formatFixed(m, MONEY_DP);
}

function checkedMoney(n: number, operation: string): MoneyE6 {
  if (!isMoneyValue(n)) throw new FixedPointError(operation, n, 'money overflow');
  return n;
}
function checkedCount(n: number, operation: string): CountE2 {
  if (!isSignedCountValue(n)) throw new FixedPointError(operation, n, 'count overflow');
  return n;
}

/** Integer cents (Kalshi's remaining cent fields, e.g. balance) → MoneyE6. */
export function centsToMoney(cents: number): MoneyE6 {
  if (!Number.isSafeInteger(cents)) throw new FixedPointError('cents', cents, 'not a safe integer');
  return checkedMoney(cents * 10_000, 'centsToMoney');
}
/** Integer cents price (1..99 on the legacy grid) → PriceE4. */
export function centsToPrice(cents: number): PriceE4 {
  if (!Number.isSafeInteger(cents)) throw new FixedPointError('cents', cents, 'not a safe integer');
  return priceE4(cents * 100, 'cents');
}
/** Price of one contract as money: 5600 (0.5600) → 560_000 (0.560000). */
export function priceToMoney(p: PriceE4): MoneyE6 {
  return checkedMoney(p * 100, 'priceToMoney');
}
/** The complementary leg's price: YES at p ≡ NO at 1 − p. */
export function complementPrice(p: PriceE4): PriceE4 {
  return priceE4(MAX_PRICE_E4 - p, 'complementPrice');
}

/**
 * price × count, exactly. Both operands are safe integers, so the float product is exact whenever
 * the true product is a safe integer, and not a safe integer otherwise: the check catches overflow.
 */
export function notional(price: PriceE4, count: CountE2): MoneyE6 {
  // `+ 0` turns the -0 of `0 × negative count` into +0, so results compare and format cleanly.
  return checkedMoney(price * count + 0, 'notional');
}

export function addMoney(a: MoneyE6, b: MoneyE6): MoneyE6 {
  return checkedMoney(a + b, 'addMoney');
}
export function subMoney(a: MoneyE6, b: MoneyE6): MoneyE6 {
  return checkedMoney(a - b, 'subMoney');
}
export function negMoney(a: MoneyE6): MoneyE6 {
  return checkedMoney(0 - a, 'negMoney');
}
export function sumMoney(values: readonly MoneyE6[]): MoneyE6 {
  return values.reduce<MoneyE6>((total, value) => addMoney(total, value), moneyE6(0));
}
/** Counts may go negative through subtraction (signed positions); the caller checks the sign. */
export function addCount(a: CountE2, b: CountE2): CountE2 {
  return checkedCount(a + b, 'addCount');
}
export function subCount(a: CountE2, b: CountE2): CountE2 {
  return checkedCount(a - b, 'subCount');
}
export function negCount(a: CountE2): CountE2 {
  return checkedCount(0 - a, 'negCount');
}
/** -1, 0 or 1; works for any one unit (both operands must share it). */
export function compareFixed<T extends PriceE4 | CountE2 | MoneyE6>(a: T, b: T): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
export function minFixed<T extends PriceE4 | CountE2 | MoneyE6>(a: T, b: T): T {
  return a <= b ? a : b;
}
export function maxFixed<T extends PriceE4 | CountE2 | MoneyE6>(a: T, b: T): T {
  return a >= b ? a : b;
}
