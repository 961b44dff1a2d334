import type { CountE2, FeeType, MoneyE6, PriceE4 } from './types.js';
import { ONE_DOLLAR_E4 } from './types.js';

/**
 * Kalshi fees (kalshi-api.md §6 and docs.kalshi.com/getting_started/fee_rounding):
 * trade fee = M × rate × C × P × (1 − P), rate 0.07 taker and 0.0175 maker (maker only on
 * `*_with_maker_fees` series), rounded up to $0.0001; then a rounding fee floors the balance change
 * to the target precision, and a per-order accumulator rebates whole cents of rounding overpayment.
 *
 * Exact fees are BigInt in 1e-20 dollars: rateE6 × multiplierE4 × CountE2 × PriceE4 × PriceE4.
 */
const EXACT_PER_E6 = 10n ** 14n;
const CENTICENT_E6 = 100;
export const ONE_CENT_E6 = 10_000;

export const TAKER_RATE_E6 = 70_000;
export const MAKER_RATE_E6 = 17_500;

/**
 * `flat` has no documented formula; the engine charges it like `quadratic` (taker only) rather
 * than invent one. Recorded in sim/README.md by the server owner.
 */
export function feeRateE6(feeType: FeeType, isTaker: boolean): number {
  if (isTaker) return TAKER_RATE_E6;
  return feeType === 'quadratic_with_maker_fees' || feeType === 'quadratic_with_combo_maker_fees'
    ? MAKER_RATE_E6
    : 0;
}

/** The unrounded fee in 1e-20 dollars. P(1 − P) is symmetric, so either leg's price works. */
export function tradeFeeExact(
  rateE6: number,
  multiplierE4: number,
  countE2: CountE2,
  priceE4: PriceE4,
): bigint {
  return (
    BigInt(rateE6) *
    BigInt(multiplierE4) *
    BigInt(countE2) *
    BigInt(priceE4) *
    BigInt(ONE_DOLLAR_E4 - priceE4)
  );
}

/** Round an exact fee up to $0.0001, returned in MoneyE6. */
export function ceilToCenticentE6(exact: bigint): MoneyE6 {
  const perCenticent = EXACT_PER_E6 * BigInt(CENTICENT_E6);
  return Number((exact + perCenticent - 1n) / perCenticent) * CENTICENT_E6;
}

export function ceilToCentE6(exact: bigint): MoneyE6 {
  const perCent = EXACT_PER_E6 * BigInt(ONE_CENT_E6);
  return Number((exact + perCent - 1n) / perCent) * ONE_CENT_E6;
}

/** Per-order fee state: Kalshi keeps the rounding accumulator per order across taker and maker fills. */
export interface FeeAccumulator {
  exactTradeFee: bigint;
  chargedTradeFeeE6: MoneyE6;
  roundingE6: MoneyE6;
}

export function newFeeAccumulator(): FeeAccumulator {
  return { exactTradeFee: 0n, chargedTradeFeeE6: 0, roundingE6: 0 };
}

export interface FillCharge {
  /** What the balance changes by: revenue − netFee, aligned to the target precision. */
  balanceDeltaE6: MoneyE6;
  netFeeE6: MoneyE6;
}

/**
 * Charges one fill. The trade fee is the increase of the order's cumulative fee rounded up to
 * $0.0001 (so many tiny fills cost what one equivalent fill would, the doc's stated goal). A
 * rebate is paid as soon as a whole cent has accumulated, so the order never carries a cent or more
 * of overpayment; on that fill the net fee can dip below zero by under a cent. The doc also says the
 * net fee is "always >= $0.00", which cannot hold together with convergence in a fee-free maker
 * fill; convergence (and with it a bounded reserve) wins.
 */
export function chargeFill(
  acc: FeeAccumulator,
  exactFee: bigint,
  revenueE6: MoneyE6,
  precisionE6: MoneyE6,
): FillCharge {
  acc.exactTradeFee += exactFee;
  const chargedAfter = ceilToCenticentE6(acc.exactTradeFee);
  const tradeFeeE6 = chargedAfter - acc.chargedTradeFeeE6;
  acc.chargedTradeFeeE6 = chargedAfter;
  const change = revenueE6 - tradeFeeE6;
  const floored = Math.floor(change / precisionE6) * precisionE6;
  const roundingE6 = change - floored;
  acc.roundingE6 += roundingE6;
  const rebateE6 = Math.floor(acc.roundingE6 / ONE_CENT_E6) * ONE_CENT_E6;
  acc.roundingE6 -= rebateE6;
  const netFeeE6 = tradeFeeE6 + roundingE6 - rebateE6;
  return { balanceDeltaE6: revenueE6 - netFeeE6, netFeeE6 };
}

/**
 * Worst-case net fee of filling `countE2` more on an order whose own-leg limit is `legLimitE4`:
 * fills happen at a leg price ≤ the limit, and P(1 − P) peaks at 0.5. One extra cent covers the
 * rounding accumulator, which never holds a cent or more after a fill.
 */
export function feeReserveE6(multiplierE4: number, countE2: CountE2, legLimitE4: PriceE4): MoneyE6 {
  if (countE2 <= 0) return 0;
  const worstPriceE4 = Math.min(legLimitE4, ONE_DOLLAR_E4 / 2);
  return ceilToCentE6(tradeFeeExact(TAKER_RATE_E6, multiplierE4, countE2, worstPriceE4)) + ONE_CENT_E6;
}
