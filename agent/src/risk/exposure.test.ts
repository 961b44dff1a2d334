import { countE2, moneyE6, priceE4, signedCountE2 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { baseOf, groupWorstCaseLoss, legOf, worstAbsPosition } from './exposure.js';
import type { Group, MarketBase } from './exposure.js';
import { MKT, ticker } from './test-fixtures.js';

const B = ticker('MKT-B');
const alone: Group = { key: MKT, tickers: [MKT], isExhaustive: false };
const event: Group = { key: 'EVT', tickers: [MKT, B], isExhaustive: true };

function leg(side: 'yes' | 'no', action: 'buy' | 'sell', count: number, price: number, t = MKT) {
  return legOf({ ticker: t, side, action, countE2: countE2(count), priceE4: priceE4(price) });
}
function bases(entries: [typeof MKT, number, number][]): Map<typeof MKT, MarketBase> {
  return new Map(entries.map(([t, s, cost]) => [t, baseOf(signedCountE2(s), moneyE6(cost))]));
}

describe('legOf', () => {
  it('puts every order in YES terms at its limit', () => {
    expect(leg('yes', 'buy', 1_000, 5_600)).toMatchObject({ deltaE2: 1_000, cashE6: 5_600_000 });
    expect(leg('yes', 'sell', 1_000, 5_600)).toMatchObject({ deltaE2: -1_000, cashE6: -5_600_000 });
    // A NO buy at 0.30 ≡ selling YES at 0.70.
    expect(leg('no', 'buy', 1_000, 3_000)).toMatchObject({ deltaE2: -1_000, cashE6: -7_000_000 });
    expect(leg('no', 'sell', 1_000, 3_000)).toMatchObject({ deltaE2: 1_000, cashE6: 7_000_000 });
  });
});

describe('groupWorstCaseLoss', () => {
  it('a YES buy at p risks p per contract, a NO buy at p risks p', () => {
    expect(groupWorstCaseLoss(alone, new Map(), [leg('yes', 'buy', 1_000, 5_600)])).toBe(5_600_000);
    expect(groupWorstCaseLoss(alone, new Map(), [leg('no', 'buy', 1_000, 3_000)])).toBe(3_000_000);
  });

  it('a held position loses its cost (NO held as short YES plus cash)', () => {
    expect(groupWorstCaseLoss(alone, bases([[MKT, 1_000, 4_000_000]]), [])).toBe(4_000_000);
    expect(groupWorstCaseLoss(alone, bases([[MKT, -1_000, 3_000_000]]), [])).toBe(3_000_000);
  });

  it('a sale of held YES cannot add to the worst case; a sale beyond the position can', () => {
    const held = bases([[MKT, 1_000, 4_000_000]]);
    expect(groupWorstCaseLoss(alone, held, [leg('yes', 'sell', 1_000, 100)])).toBe(4_000_000);
    // Selling 20 YES at 0.10 with 10 held ($4): the 10 go for $1, then 10 NO open at 0.90 ($9),
    // all lost if YES wins: $4 − $1 + $9.
    expect(groupWorstCaseLoss(alone, held, [leg('yes', 'sell', 2_000, 1_000)])).toBe(12_000_000);
  });

  it('mutually exclusive markets of an event: only one YES can pay', () => {
    // YES on both A (0.40) and B (0.50), exhaustive: one of them pays $10, total cost $9.
    const both = bases([
      [MKT, 1_000, 4_000_000],
      [B, 1_000, 5_000_000],
    ]);
    expect(groupWorstCaseLoss(event, both, [])).toBe(-1_000_000);
    // Not exhaustive: "neither" loses everything.
    expect(groupWorstCaseLoss({ ...event, isExhaustive: false }, both, [])).toBe(9_000_000);
    // NO on both at 0.60 each (cost $12): one of them pays, the other expires: loss $2.
    const noBoth = bases([
      [MKT, -1_000, 6_000_000],
      [B, -1_000, 6_000_000],
    ]);
    expect(groupWorstCaseLoss(event, noBoth, [])).toBe(2_000_000);
  });

  it('unwinding one leg of a hedge raises the event worst case', () => {
    const hedged = bases([
      [MKT, 1_000, 5_000_000],
      [B, 1_000, 5_000_000],
    ]);
    expect(groupWorstCaseLoss(event, hedged, [])).toBe(0);
    expect(groupWorstCaseLoss(event, hedged, [leg('yes', 'sell', 1_000, 5_000)])).toBe(5_000_000);
  });

  it('counts a resting order only in the outcomes it makes worse', () => {
    // A YES buy at 0.40 loses if NO wins, a NO buy at 0.30 loses if YES wins: never both.
    const legs = [leg('yes', 'buy', 1_000, 4_000), leg('no', 'buy', 1_000, 3_000)];
    expect(groupWorstCaseLoss(alone, new Map(), legs)).toBe(4_000_000);
  });

  it('ignores legs of other markets', () => {
    expect(groupWorstCaseLoss(alone, new Map(), [leg('yes', 'buy', 1_000, 5_000, B)])).toBe(0);
  });
});

describe('worstAbsPosition', () => {
  it('takes every working order on one side at once', () => {
    const legs = [
      leg('yes', 'buy', 300, 5_000),
      leg('yes', 'buy', 200, 5_000),
      leg('no', 'buy', 1_500, 5_000),
    ];
    expect(worstAbsPosition(signedCountE2(100), legs)).toBe(1_400);
    expect(worstAbsPosition(signedCountE2(100), legs.slice(0, 2))).toBe(600);
  });
});
