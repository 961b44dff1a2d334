/**
 * Kalshi's trade fee, the most it can be: taker rate 0.07 × C × P × (1 − P) (kalshi-api.md §6;
 * the simulator charges the same, sim/src/engine/fees.ts), with the series multiplier at its
 * usual maximum of 1 and rounded up to the cent. The risk engine adds it to what an order must be
 * able to pay, so a fill can never take the account below zero through fees.
 */
import { moneyE6 } from '@pt/protocol';
import type { CountE2, MoneyE6, PriceE4 } from '@pt/protocol';

const TAKER_RATE_E6 = 70_000n;
const ONE_DOLLAR_E4 = 10_000n;
/** rateE6 × CountE2 × PriceE4 × PriceE4 is in 1e-6 × 1e-2 × 1e-8 $ = 1e-16 $; a cent is 1e14 of those. */
const PER_CENT = 10n ** 14n;
const CENT_E6 = 10_000;

/** The largest taker fee `countE2` contracts can cost at `priceE4` (either leg: P(1 − P) is symmetric). */
export function maxTakerFeeE6(countE2: CountE2, priceE4: PriceE4): MoneyE6 {
  if (countE2 <= 0) return moneyE6(0);
  const exact = TAKER_RATE_E6 * BigInt(countE2) * BigInt(priceE4) * (ONE_DOLLAR_E4 - BigInt(priceE4));
  return moneyE6(Number((exact + PER_CENT - 1n) / PER_CENT) * CENT_E6);
}
