import { describe, expect, it } from 'vitest';
import { evaluateOrder } from '../evaluate.js';
import { NOW_MS, intent, resting, settings, snapshot } from '../test-fixtures.js';

const OK = { ok: true };
const roomy = {
  maxOrderNotionalE6: 1_000_000_000,
  maxEventLossE6: 1_000_000_000,
  maxTotalExposureE6: 1_000_000_000,
};

describe('MAX_ORDER_SIZE', () => {
  const limits = settings({ ...roomy, maxOrderCountE2: 10_000 });
  it('allows the limit, denies 0.01 contract more', () => {
    expect(evaluateOrder(intent({ countE2: 10_000, priceE4: 100 }), snapshot(), limits)).toEqual(OK);
    expect(evaluateOrder(intent({ countE2: 10_001, priceE4: 100 }), snapshot(), limits)).toEqual({
      ok: false,
      rule: 'MAX_ORDER_SIZE',
      detail: 'The order is for 100.01 contracts, over the limit of 100 contracts per order.',
    });
  });
});

describe('MAX_ORDER_NOTIONAL', () => {
  const limits = settings({ maxOrderNotionalE6: 50_000_000 });
  it('allows $50.00, denies $50.01 (on the order leg: a NO buy at 0.50 is worth 0.50 a contract)', () => {
    expect(
      evaluateOrder(intent({ side: 'no', countE2: 10_000, priceE4: 5_000 }), snapshot(), limits),
    ).toEqual(OK);
    expect(
      evaluateOrder(intent({ side: 'no', countE2: 10_000, priceE4: 5_001 }), snapshot(), limits),
    ).toEqual({
      ok: false,
      rule: 'MAX_ORDER_NOTIONAL',
      detail: 'The order is worth $50.01 (100 contracts at $0.5001), over the limit of $50.00 per order.',
    });
  });
});

describe('ORDER_RATE', () => {
  const limits = settings({ maxOrdersPerWindow: 3, orderRateWindowMs: 60_000 });
  it('counts sends in the last window, plus this one', () => {
    const twoRecent = [NOW_MS - 60_000, NOW_MS - 59_999, NOW_MS - 1];
    expect(evaluateOrder(intent(), snapshot({ recentOrderTimesMs: twoRecent }), limits)).toEqual(OK);
    const threeRecent = [NOW_MS - 59_999, NOW_MS - 1, NOW_MS];
    expect(evaluateOrder(intent(), snapshot({ recentOrderTimesMs: threeRecent }), limits)).toEqual({
      ok: false,
      rule: 'ORDER_RATE',
      detail: '3 orders were sent in the last 1m, and the limit is 3 per 1m.',
    });
  });
});

describe('MAX_OPEN_ORDERS', () => {
  const limits = settings({ maxOpenOrders: 3 });
  const small = () => resting({ countE2: 100, priceE4: 100 });
  it('allows a third open order, denies a fourth', () => {
    expect(evaluateOrder(intent(), snapshot({ restingOrders: [small(), small()] }), limits)).toEqual(OK);
    expect(evaluateOrder(intent(), snapshot({ restingOrders: [small(), small(), small()] }), limits)).toEqual(
      {
        ok: false,
        rule: 'MAX_OPEN_ORDERS',
        detail: '3 orders are already resting, and the limit is 3 open orders.',
      },
    );
  });
});
