import { describe, expect, it } from 'vitest';
import {
  ceilToCenticentE6,
  chargeFill,
  feeRateE6,
  feeReserveE6,
  MAKER_RATE_E6,
  newFeeAccumulator,
  TAKER_RATE_E6,
  tradeFeeExact,
} from './fees.js';
import { gtc, marketSpec, setup } from './test-helpers.js';

const ONE = 10_000; // multiplier 1.0

describe('trade fee formula', () => {
  it('charges 0.07 × C × P × (1 − P) rounded up to $0.0001', () => {
    // 0.07 × 5 × 0.46 × 0.54 = 0.08694 → 0.0870
    expect(ceilToCenticentE6(tradeFeeExact(TAKER_RATE_E6, ONE, 500, 4600))).toBe(87_000);
    // 0.07 × 1 × 0.5 × 0.5 = 0.0175 exactly: no rounding
    expect(ceilToCenticentE6(tradeFeeExact(TAKER_RATE_E6, ONE, 100, 5000))).toBe(17_500);
  });

  it('applies the series multiplier and the maker rate only on maker-fee series', () => {
    expect(ceilToCenticentE6(tradeFeeExact(TAKER_RATE_E6, 5_000, 500, 4600))).toBe(43_500);
    expect(feeRateE6('quadratic', false)).toBe(0);
    expect(feeRateE6('quadratic_with_maker_fees', false)).toBe(MAKER_RATE_E6);
    expect(feeRateE6('quadratic', true)).toBe(TAKER_RATE_E6);
  });
});

describe('fee rounding (docs fee_rounding)', () => {
  it('floors the balance change to the cent and charges the difference as a rounding fee', () => {
    const acc = newFeeAccumulator();
    // buy 5 YES at 0.46: revenue −2.30, trade fee 0.0870 → balance −2.39, net fee 0.09
    const charge = chargeFill(acc, tradeFeeExact(TAKER_RATE_E6, ONE, 500, 4600), -2_300_000, 10_000);
    expect(charge).toEqual({ balanceDeltaE6: -2_390_000, netFeeE6: 90_000 });
  });

  it('three 1-lot fills at $0.055 cost what one 3-lot fill costs', () => {
    const acc = newFeeAccumulator();
    const oneLot = tradeFeeExact(TAKER_RATE_E6, ONE, 100, 550);
    const charges = [1, 2, 3].map(() => chargeFill(acc, oneLot, -55_000, 10_000));
    const single = chargeFill(
      newFeeAccumulator(),
      tradeFeeExact(TAKER_RATE_E6, ONE, 300, 550),
      -165_000,
      10_000,
    );
    const total = charges.reduce((sum, c) => sum + c.balanceDeltaE6, 0);
    expect(total).toBe(single.balanceDeltaE6);
    expect(total).toBe(-180_000);
    expect(charges.every((c) => c.balanceDeltaE6 % 10_000 === 0)).toBe(true);
  });

  it('rebates a whole cent once a cent of rounding has accumulated', () => {
    const acc = newFeeAccumulator();
    // fee-free maker fills of 0.01 contract at 0.33: revenue −0.0033 → balance −0.01 each, 0.0067 rounding
    const first = chargeFill(acc, 0n, -3_300, 10_000);
    const second = chargeFill(acc, 0n, -3_300, 10_000);
    expect(first.balanceDeltaE6).toBe(-10_000);
    expect(second.balanceDeltaE6).toBe(0); // 0.0134 accumulated → 0.01 rebated
    expect(acc.roundingE6).toBe(3_400);
  });

  it('reserves at least the worst fee the order can incur, plus a cent of rounding', () => {
    // 10 contracts at a leg limit of 0.70 can fill at 0.50: 0.07 × 10 × 0.25 = 0.175 → 0.18 + 0.01
    expect(feeReserveE6(ONE, 1000, 7000)).toBe(190_000);
    // below 0.50 the limit itself is the worst price: 0.07 × 10 × 0.2 × 0.8 = 0.112 → 0.12 + 0.01
    expect(feeReserveE6(ONE, 1000, 2000)).toBe(130_000);
  });
});

describe('fees through the exchange', () => {
  it('charges the taker, not the maker, on a quadratic series', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 4600, 500));
    exchange.placeOrder('alice', gtc('bid', 4600, 500));
    expect(exchange.balance('alice').balanceE6).toBe(1_000_000_000 - 2_390_000);
    expect(exchange.balance('bob').balanceE6).toBe(1_000_000_000 - 2_700_000);
    const [aliceFill] = exchange.listFills('alice');
    const [bobFill] = exchange.listFills('bob');
    expect(aliceFill?.feeE6).toBe(90_000);
    expect(bobFill?.feeE6).toBe(0);
    expect(exchange.positions('alice')[0]?.feesPaidE6).toBe(90_000);
  });

  it('charges the maker 0.0175 on a maker-fee series', () => {
    const { exchange } = setup(
      ['alice', 'bob'],
      marketSpec({}, { feeType: 'quadratic_with_maker_fees', multiplierE4: ONE }),
    );
    exchange.placeOrder('bob', gtc('ask', 4600, 500));
    exchange.placeOrder('alice', gtc('bid', 4600, 500));
    // 0.0175 × 5 × 0.2484 = 0.021735 → 0.0218; −2.70 − 0.0218 → −2.73
    expect(exchange.listFills('bob')[0]?.feeE6).toBe(30_000);
    expect(exchange.balance('bob').balanceE6).toBe(1_000_000_000 - 2_730_000);
    expect(exchange.getOrder('bob', exchange.listFills('bob')[0]?.orderId ?? '')?.makerFeesE6).toBe(30_000);
  });
});
