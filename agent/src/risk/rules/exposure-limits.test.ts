import { describe, expect, it } from 'vitest';
import { evaluateOrder } from '../evaluate.js';
import { MKT, intent, position, resting, settings, snapshot, ticker } from '../test-fixtures.js';

const OK = { ok: true };
const B = ticker('MKT-B');
const C = ticker('MKT-C');
const roomy = {
  maxOrderNotionalE6: 1_000_000_000,
  maxEventLossE6: 1_000_000_000,
  maxTotalExposureE6: 1_000_000_000,
};

describe('MARKET_POSITION_LIMIT', () => {
  const limits = settings({ ...roomy, maxPositionCountE2: 50_000 });
  const state = snapshot({
    positions: [position(MKT, 40_000, 40_000_000)],
    restingOrders: [
      resting({ countE2: 5_000, priceE4: 100 }),
      resting({ side: 'no', countE2: 90_000, priceE4: 100 }),
    ],
  });

  it('counts the position plus every same-direction resting order: 500 allowed, 500.01 denied', () => {
    expect(evaluateOrder(intent({ countE2: 5_000, priceE4: 100 }), state, limits)).toEqual(OK);
    expect(evaluateOrder(intent({ countE2: 5_001, priceE4: 100 }), state, limits)).toEqual({
      ok: false,
      rule: 'MARKET_POSITION_LIMIT',
      detail:
        'MKT-A could reach 500.01 contracts if this and the resting orders fill, over the limit of 500 contracts per market.',
    });
  });
  it('lets an order through when the worst direction is already past the limit and it does not grow it', () => {
    // The resting NO buy could take the position to -500 already; 10 more YES do not change that.
    expect(
      evaluateOrder(intent({ countE2: 1_000, priceE4: 100 }), snapshot({ ...state, positions: [] }), limits),
    ).toEqual(OK);
  });
});

describe('EVENT_EXPOSURE_LIMIT', () => {
  const limits = settings({ ...roomy, maxEventLossE6: 10_000_000 });
  const holdA = (isExhaustive: boolean) =>
    snapshot(
      {
        positions: [position(MKT, 1_000, 4_000_000)],
        events: [{ eventTicker: 'EVT', marketTickers: [MKT, B], isExhaustive }],
      },
      [MKT, B],
    );

  it('allows a $10.00 worst case for the event, denies $10.005', () => {
    // Not exhaustive: if neither market resolves YES, both YES positions are lost.
    expect(
      evaluateOrder(intent({ ticker: B, countE2: 1_200, priceE4: 5_000 }), holdA(false), limits),
    ).toEqual(OK);
    expect(
      evaluateOrder(intent({ ticker: B, countE2: 1_201, priceE4: 5_000 }), holdA(false), limits),
    ).toEqual({
      ok: false,
      rule: 'EVENT_EXPOSURE_LIMIT',
      detail:
        'The worst-case loss of event EVT would be $10.005 (now $4.00), over the limit of $10.00 per event.',
    });
  });
  it('credits mutual exclusivity: in an exhaustive event YES on both sides hedges', () => {
    // A wins: $4 + $10 − $10 = $4; B wins: $14 − $20 < 0.
    expect(evaluateOrder(intent({ ticker: B, countE2: 2_000, priceE4: 5_000 }), holdA(true), limits)).toEqual(
      OK,
    );
  });
  it('treats a market in no event as its own group', () => {
    const alone = snapshot({ positions: [position(MKT, 1_000, 9_000_000)] });
    expect(evaluateOrder(intent({ countE2: 200, priceE4: 5_000 }), alone, limits)).toEqual(OK);
    expect(evaluateOrder(intent({ countE2: 201, priceE4: 5_000 }), alone, limits)).toMatchObject({
      rule: 'EVENT_EXPOSURE_LIMIT',
      detail: expect.stringContaining('The worst-case loss of MKT-A would be $10.005') as string,
    });
  });
});

describe('TOTAL_EXPOSURE', () => {
  const limits = settings({ ...roomy, maxTotalExposureE6: 20_000_000 });
  const state = snapshot({ positions: [position(B, 3_000, 15_000_000)] }, [MKT, B]);

  it('sums every group: $15 held elsewhere + $5 allowed, + $5.005 denied', () => {
    expect(evaluateOrder(intent({ countE2: 1_000, priceE4: 5_000 }), state, limits)).toEqual(OK);
    expect(evaluateOrder(intent({ countE2: 1_001, priceE4: 5_000 }), state, limits)).toEqual({
      ok: false,
      rule: 'TOTAL_EXPOSURE',
      detail: 'Total worst-case exposure would be $20.005 (now $15.00), over the $20.00 limit.',
    });
  });
  it('counts a locked-in profit as zero, not as room', () => {
    const profit = snapshot(
      {
        positions: [position(B, 1_000, 4_000_000), position(C, 1_000, 4_000_000)],
        events: [{ eventTicker: 'EVT', marketTickers: [B, C], isExhaustive: true }],
      },
      [MKT, B, C],
    );
    expect(evaluateOrder(intent({ countE2: 4_000, priceE4: 5_000 }), profit, limits)).toEqual(OK);
    expect(evaluateOrder(intent({ countE2: 4_001, priceE4: 5_000 }), profit, limits)).toMatchObject({
      rule: 'TOTAL_EXPOSURE',
    });
  });
});
