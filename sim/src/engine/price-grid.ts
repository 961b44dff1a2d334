import type { PriceE4, PriceRange } from './types.js';
import { ONE_DOLLAR_E4 } from './types.js';

/**
 * Price ranges for the structures whose ticks are documented (kalshi-api.md §6). Markets carry
 * their own `price_ranges`; this is only a convenience for building them. Unknown or UNCONFIRMED
 * structures return null rather than a guess.
 */
export function priceRangesForStructure(structure: string): PriceRange[] | null {
  switch (structure) {
    case 'linear_cent':
      return [{ startE4: 0, endE4: ONE_DOLLAR_E4, stepE4: 100 }];
    case 'deci_cent':
      return [{ startE4: 0, endE4: ONE_DOLLAR_E4, stepE4: 10 }];
    case 'tapered_deci_cent':
      return [
        { startE4: 0, endE4: 1000, stepE4: 10 },
        { startE4: 1000, endE4: 9000, stepE4: 100 },
        { startE4: 9000, endE4: ONE_DOLLAR_E4, stepE4: 10 },
      ];
    case 'center_deci_edge_centi_cent':
      return [
        { startE4: 0, endE4: 100, stepE4: 1 },
        { startE4: 100, endE4: 9900, stepE4: 10 },
        { startE4: 9900, endE4: ONE_DOLLAR_E4, stepE4: 1 },
      ];
    default:
      return null;
  }
}

/**
 * True when `priceE4` is strictly inside (0, 1) and on the step of a band containing it. Band
 * endpoints are shared by neighbours, so a price on either band's grid is accepted. The 0 and 1
 * endpoints themselves are never tradeable (the defensive reading of an UNCONFIRMED point).
 */
export function isPriceOnGrid(priceE4: PriceE4, ranges: readonly PriceRange[]): boolean {
  if (!Number.isSafeInteger(priceE4) || priceE4 <= 0 || priceE4 >= ONE_DOLLAR_E4) return false;
  return ranges.some(
    (r) =>
      r.stepE4 > 0 && priceE4 >= r.startE4 && priceE4 <= r.endE4 && (priceE4 - r.startE4) % r.stepE4 === 0,
  );
}

/** Validates a `price_ranges` array once, when a market is created or its structure changes. */
export function validatePriceRanges(ranges: readonly PriceRange[]): string | null {
  if (ranges.length === 0) return 'price_ranges: empty';
  for (const [i, r] of ranges.entries()) {
    const isInteger = [r.startE4, r.endE4, r.stepE4].every((v) => Number.isSafeInteger(v));
    if (!isInteger) return `price_ranges[${i}]: not on the 0.0001 grid`;
    if (r.stepE4 <= 0) return `price_ranges[${i}].step: must be > 0`;
    if (r.startE4 < 0 || r.endE4 > ONE_DOLLAR_E4 || r.startE4 >= r.endE4) {
      return `price_ranges[${i}]: start/end out of [0, 1]`;
    }
  }
  return null;
}
