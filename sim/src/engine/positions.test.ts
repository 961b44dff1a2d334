import { describe, expect, it } from 'vitest';
import { applyTrade, newPosition } from './positions.js';

describe('position accounting with netting', () => {
  it('opens YES at P and NO at 1 − P', () => {
    const yes = newPosition('u', 'T', 0);
    expect(applyTrade(yes, 'bid', 3000, 1000, 1)).toEqual({
      revenueE6: -3_000_000,
      closedE2: 0,
      openedE2: 1000,
    });
    const no = newPosition('u', 'T', 0);
    expect(applyTrade(no, 'ask', 3000, 1000, 1)).toEqual({
      revenueE6: -7_000_000,
      closedE2: 0,
      openedE2: 1000,
    });
    expect(no).toMatchObject({ positionE2: -1000, positionCostE6: 7_000_000, totalTradedE6: 7_000_000 });
  });

  it('closes pro rata and realizes P&L against the cost basis', () => {
    const p = newPosition('u', 'T', 0);
    applyTrade(p, 'bid', 3000, 1000, 1); // 10 YES for $3.00
    const sold = applyTrade(p, 'ask', 5000, 400, 2); // sell 4 at 0.50
    expect(sold).toEqual({ revenueE6: 2_000_000, closedE2: 400, openedE2: 0 });
    expect(p).toMatchObject({
      positionE2: 600,
      positionCostE6: 1_800_000,
      realizedPnlE6: 800_000,
      lastUpdatedMs: 2,
    });
  });

  it('flips from NO to YES in one trade: closes what it holds, opens the rest', () => {
    const p = newPosition('u', 'T', 0);
    applyTrade(p, 'ask', 6000, 500, 1); // 5 NO at 0.40 → cost $2.00
    const flip = applyTrade(p, 'bid', 7000, 800, 2); // buy 8 YES at 0.70
    // closing 5 NO returns 1 − 0.70 = 0.30 each; opening 3 YES costs 0.70 each
    expect(flip).toEqual({ revenueE6: 1_500_000 - 2_100_000, closedE2: 500, openedE2: 300 });
    expect(p).toMatchObject({
      positionE2: 300,
      positionCostE6: 2_100_000,
      realizedPnlE6: 1_500_000 - 2_000_000,
    });
  });

  it('keeps the cost basis exact when pro-rata shares do not divide evenly', () => {
    const p = newPosition('u', 'T', 0);
    applyTrade(p, 'bid', 3300, 300, 1); // 3 YES, cost 0.99
    applyTrade(p, 'ask', 5000, 100, 2);
    applyTrade(p, 'ask', 5000, 100, 3);
    applyTrade(p, 'ask', 5000, 100, 4);
    expect(p).toMatchObject({ positionE2: 0, positionCostE6: 0, realizedPnlE6: 1_500_000 - 990_000 });
  });
});
