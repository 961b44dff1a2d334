/** Worked examples of the netting and average-cost arithmetic (figures checked by hand). */
import { describe, expect, it } from 'vitest';
import {
  applyAdjustment,
  applyFill,
  applySettlement,
  averageCostPriceE4,
  FLAT,
  realizedNetE6,
} from './position-math.js';

describe('applyFill', () => {
  it('buys YES, adds at a second price (average cost), sells part: basis leaves pro rata', () => {
    let s = applyFill(FLAT, { side: 'bid', yesPriceE4: 4_000, countE2: 1_000, feeE6: 70_000 }).state;
    s = applyFill(s, { side: 'bid', yesPriceE4: 5_000, countE2: 1_000, feeE6: 90_000 }).state;
    expect(s).toMatchObject({ positionE2: 2_000, costE6: 9_000_000, feesE6: 160_000 });
    expect(averageCostPriceE4(s)).toBe(4_500);
    // Sell 5 YES at 0.60 (an ask): closes 5 of 20 held; proceeds 0.60 × 5 = $3; basis $2.25.
    const sold = applyFill(s, { side: 'ask', yesPriceE4: 6_000, countE2: 500, feeE6: 50_000 });
    expect(sold.closedE2).toBe(500);
    expect(sold.realizedNetE6).toBe(3_000_000 - 2_250_000 - 50_000);
    expect(sold.state).toMatchObject({ positionE2: 1_500, costE6: 6_750_000, realizedGrossE6: 750_000 });
  });

  it('buying NO (an ask) opens a short at 1 − YES price; a bid closes it', () => {
    const open = applyFill(FLAT, { side: 'ask', yesPriceE4: 7_000, countE2: 1_000, feeE6: 0 });
    expect(open.state).toMatchObject({ positionE2: -1_000, costE6: 3_000_000 });
    expect(open.closedE2).toBe(0);
    // Buy YES at 0.80 → each pair redeems for $1: returns 0.20 per contract against 0.30 paid.
    const close = applyFill(open.state, { side: 'bid', yesPriceE4: 8_000, countE2: 1_000, feeE6: 10_000 });
    expect(close.realizedNetE6).toBe(2_000_000 - 3_000_000 - 10_000);
    expect(close.state).toMatchObject({ positionE2: 0, costE6: 0 });
  });

  it('a fill through zero closes the held side, then opens the rest on the other leg', () => {
    const long = applyFill(FLAT, { side: 'bid', yesPriceE4: 3_000, countE2: 300, feeE6: 0 }).state;
    const flip = applyFill(long, { side: 'ask', yesPriceE4: 4_000, countE2: 500, feeE6: 0 });
    expect(flip.closedE2).toBe(300);
    expect(flip.realizedNetE6).toBe(4_000 * 300 - 3_000 * 300);
    expect(flip.state).toMatchObject({ positionE2: -200, costE6: 6_000 * 200 });
  });

  it('floors the pro-rata basis and takes all of it at flat', () => {
    let s = applyFill(FLAT, { side: 'bid', yesPriceE4: 3_333, countE2: 300, feeE6: 0 }).state;
    s = applyFill(s, { side: 'ask', yesPriceE4: 5_000, countE2: 100, feeE6: 0 }).state;
    expect(s.costE6).toBe(3_333 * 300 - Math.floor((3_333 * 300) / 3));
    s = applyFill(s, { side: 'ask', yesPriceE4: 5_000, countE2: 200, feeE6: 0 }).state;
    expect(s).toMatchObject({ positionE2: 0, costE6: 0 });
  });
});

describe('settlement and adjustment', () => {
  it('a settlement pays out against the basis and closes the position', () => {
    const s = applyFill(FLAT, { side: 'bid', yesPriceE4: 4_000, countE2: 1_000, feeE6: 100_000 }).state;
    const settled = applySettlement(s, 10_000_000);
    expect(settled.realizedNetE6).toBe(6_000_000);
    expect(settled.state).toMatchObject({ positionE2: 0, costE6: 0 });
    expect(realizedNetE6(settled.state)).toBe(6_000_000 - 100_000);
  });

  it('an adjustment takes the venue count and basis and books no P&L', () => {
    const s = applyFill(FLAT, { side: 'bid', yesPriceE4: 4_000, countE2: 1_000, feeE6: 0 }).state;
    const adjusted = applyAdjustment(s, 1_500, 6_100_000);
    expect(adjusted).toMatchObject({ positionE2: 1_500, costE6: 6_100_000, realizedGrossE6: 0 });
  });
});
