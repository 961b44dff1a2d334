/** Marking against the quotable book: the exit side of the held leg, or no mark at all. */
import { describe, expect, it } from 'vitest';
import { markPosition } from './marks.js';
import { applyFill, FLAT } from './position-math.js';

const book = (bestBidE4: number | null, bestAskE4: number | null, isQuotable = true) => ({
  bestBidE4,
  bestAskE4,
  isQuotable,
});
const longYes = applyFill(FLAT, { side: 'bid', yesPriceE4: 4_000, countE2: 1_000, feeE6: 0 }).state;
const longNo = applyFill(FLAT, { side: 'ask', yesPriceE4: 7_000, countE2: 1_000, feeE6: 0 }).state;

describe('markPosition', () => {
  it('YES sells at the best YES bid', () => {
    expect(markPosition(longYes, book(4_500, 4_700))).toEqual({
      priceE4: 4_500,
      marketValueE6: 4_500_000,
      unrealizedE6: 500_000,
    });
  });

  it('NO sells at the best NO bid = 1 − best YES ask', () => {
    expect(markPosition(longNo, book(6_000, 7_500))).toEqual({
      priceE4: 2_500,
      marketValueE6: 2_500_000,
      unrealizedE6: -500_000,
    });
  });

  it('no mark without a quotable book or an exit side; a flat position marks at zero', () => {
    expect(markPosition(longYes, null)).toBeNull();
    expect(markPosition(longYes, book(4_500, 4_700, false))).toBeNull();
    expect(markPosition(longYes, book(null, 4_700))).toBeNull();
    expect(markPosition(longNo, book(4_500, null))).toBeNull();
    expect(markPosition(FLAT, null)).toEqual({ priceE4: 0, marketValueE6: 0, unrealizedE6: 0 });
  });
});
