import type { BookSide, CountE2, MoneyE6 } from './types.js';

/**
 * Running totals of one user's resting orders in one market, per side, so the collateral reserve
 * is O(levels) instead of O(orders) per fill. `legs` maps own-leg price → resting contracts; it
 * is only walked when the position gives closing credit.
 */
export interface ReserveItem {
  side: BookSide;
  legE4: number;
  countE2: CountE2;
  /** Worst-case fee for `countE2` at `legE4` (see feeReserveE6). */
  feeE6: MoneyE6;
}

interface SideAgg {
  costE6: MoneyE6;
  feeE6: MoneyE6;
  legs: Map<number, CountE2>;
}

export interface MarketReserveAgg {
  bid: SideAgg;
  ask: SideAgg;
}

export function newReserveAgg(): MarketReserveAgg {
  return { bid: { costE6: 0, feeE6: 0, legs: new Map() }, ask: { costE6: 0, feeE6: 0, legs: new Map() } };
}

/** Adds (sign 1) or removes (sign −1) an item's contribution. */
export function adjustAgg(agg: MarketReserveAgg, item: ReserveItem, sign: 1 | -1): void {
  const side = agg[item.side];
  side.costE6 += sign * item.legE4 * item.countE2;
  side.feeE6 += sign * item.feeE6;
  const next = (side.legs.get(item.legE4) ?? 0) + sign * item.countE2;
  if (next === 0) side.legs.delete(item.legE4);
  else side.legs.set(item.legE4, next);
}

export function isAggEmpty(agg: MarketReserveAgg): boolean {
  return agg.bid.legs.size === 0 && agg.ask.legs.size === 0;
}

/**
 * Reserve for one side: all leg cost and fees, minus what closing credit saves, granted to the
 * cheapest legs first (the worst case: whichever orders fill first use up the credit).
 */
export function sideReserveE6(agg: MarketReserveAgg, side: BookSide, creditE2: CountE2): MoneyE6 {
  const s = agg[side];
  let total = s.costE6 + s.feeE6;
  if (creditE2 <= 0 || s.legs.size === 0) return total;
  let left = creditE2;
  for (const legE4 of [...s.legs.keys()].sort((a, b) => a - b)) {
    const coveredE2 = Math.min(left, s.legs.get(legE4) ?? 0);
    total -= legE4 * coveredE2;
    left -= coveredE2;
    if (left === 0) break;
  }
  return total;
}
