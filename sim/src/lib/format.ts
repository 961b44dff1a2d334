/**
 * Integer fixed-point → Kalshi wire strings. Pure integer arithmetic (no float formatting), so
 * "0.5600" is exact for every representable value.
 */
function formatScaled(value: number, dp: number): string {
  const scale = 10 ** dp;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / scale);
  const frac = String(abs % scale).padStart(dp, '0');
  return `${sign}${whole}.${frac}`;
}

/** PriceE4 → "0.5600" (4 dp, Kalshi's price format). */
export const dollarsE4 = (priceE4: number): string => formatScaled(priceE4, 4);
/** CountE2 → "10.00" (2 dp, signed). */
export const fpE2 = (countE2: number): string => formatScaled(countE2, 2);
/** MoneyE6 → "1.500000" (6 dp, portfolio money). */
export const dollarsE6 = (moneyE6: number): string => formatScaled(moneyE6, 6);
/** MoneyE6 → "1.5000" (4 dp, truncated toward zero; market statistics such as notional). */
export const dollarsE6As4dp = (moneyE6: number): string => formatScaled(Math.trunc(moneyE6 / 100), 4);
/** Unix ms → RFC 3339 with Z. */
export const isoMs = (ms: number): string => new Date(ms).toISOString();
