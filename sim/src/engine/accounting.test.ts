import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { gtc, manualClock, marketSpec, setup, TICKER } from './test-helpers.js';

const START = 1_000_000_000; // $1,000 in MoneyE6

function twoUsers(aliceE6: number, bobE6: number) {
  const exchange = new Exchange({ clock: manualClock().now, seed: 3 });
  exchange.addMarket(marketSpec());
  exchange.deposit('alice', aliceE6);
  exchange.deposit('bob', bobE6);
  return exchange;
}

describe('cash and positions', () => {
  it('a YES buyer pays P and a NO buyer (ask) pays 1 − P per contract', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 3000, 1000)); // maker buys NO at 0.70
    exchange.placeOrder('alice', gtc('bid', 3000, 1000)); // taker buys YES at 0.30
    // taker fee 0.07 × 10 × 0.21 = 0.147 → 0.15
    expect(exchange.balance('alice').balanceE6).toBe(START - 3_000_000 - 150_000);
    expect(exchange.balance('bob').balanceE6).toBe(START - 7_000_000);
    expect(exchange.positions('alice')[0]).toMatchObject({ positionE2: 1000, positionCostE6: 3_000_000 });
    expect(exchange.positions('bob')[0]).toMatchObject({ positionE2: -1000, positionCostE6: 7_000_000 });
    expect(exchange.getMarket(TICKER)?.openInterestE2).toBe(1000);
  });

  it('selling YES you hold returns P per contract and realizes P&L', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 3000, 1000));
    exchange.placeOrder('alice', gtc('bid', 3000, 1000)); // alice long 10 @ 0.30
    exchange.placeOrder('carol', gtc('bid', 4000, 400)); // carol bids 0.40
    const before = exchange.balance('alice').balanceE6;
    exchange.placeOrder('alice', gtc('ask', 4000, 400)); // alice sells 4 @ 0.40 as taker
    // proceeds 1.60, taker fee 0.07 × 4 × 0.24 = 0.0672 → 0.0672 → balance +1.5328 → floor 1.53
    expect(exchange.balance('alice').balanceE6 - before).toBe(1_530_000);
    expect(exchange.positions('alice')[0]).toMatchObject({
      positionE2: 600,
      positionCostE6: 1_800_000,
      realizedPnlE6: 400_000,
    });
    expect(exchange.getMarket(TICKER)?.openInterestE2).toBe(1000); // contracts moved, none closed out
  });

  it('rejects an order the available balance cannot cover, including worst-case fees', () => {
    // 10 YES at 0.50 costs $5.00; worst fee 0.175 → 0.18, + 0.01 rounding reserve
    const exchange = twoUsers(5_180_000, START);
    expect(exchange.placeOrder('alice', gtc('bid', 5000, 1000))).toMatchObject({
      ok: false,
      error: { code: 'available_balance_too_low' },
    });
    exchange.deposit('alice', 10_000);
    expect(exchange.placeOrder('alice', gtc('bid', 5000, 1000)).ok).toBe(true);
    expect(exchange.balance('alice')).toMatchObject({ reservedE6: 5_190_000, availableE6: 0 });
    expect(exchange.placeOrder('alice', gtc('bid', 100, 1))).toMatchObject({ ok: false });
  });

  it('lets a holder sell a position with no cash (closing needs only the fee reserve)', () => {
    const exchange = twoUsers(3_200_000, START);
    exchange.placeOrder('bob', gtc('ask', 3000, 1000));
    exchange.placeOrder('alice', gtc('bid', 3000, 1000)); // alice spends 3.15
    expect(exchange.balance('alice').balanceE6).toBe(50_000);
    // selling 10 YES needs only the fee reserve: 0.07 × 10 × 0.21 = 0.147 → 0.15 + 0.01 > 0.05
    expect(exchange.placeOrder('alice', gtc('ask', 7000, 1000))).toMatchObject({ ok: false });
    expect(exchange.placeOrder('alice', gtc('ask', 7000, 200)).ok).toBe(true); // fee 0.0294 → 0.03 + 0.01
  });

  it('releases the reserve when an order is cancelled', () => {
    const { exchange } = setup();
    const placed = exchange.placeOrder('alice', gtc('bid', 5000, 1000));
    if (!placed.ok) throw new Error('rejected');
    expect(exchange.balance('alice').reservedE6).toBeGreaterThan(0);
    exchange.cancelOrder('alice', placed.order.orderId);
    expect(exchange.balance('alice')).toMatchObject({ reservedE6: 0, availableE6: START });
  });
});

describe('settlement', () => {
  it('pays $1.00 per winning contract and clears positions into settlement records', () => {
    const { exchange } = setup();
    exchange.placeOrder('bob', gtc('ask', 3000, 1000));
    exchange.placeOrder('alice', gtc('bid', 3000, 1000));
    const aliceBefore = exchange.balance('alice').balanceE6;
    const bobBefore = exchange.balance('bob').balanceE6;
    expect(exchange.determineMarket(TICKER, 'yes').ok).toBe(true);
    const settled = exchange.settleMarket(TICKER);
    expect(settled.ok).toBe(true);
    expect(exchange.balance('alice').balanceE6 - aliceBefore).toBe(10_000_000);
    expect(exchange.balance('bob').balanceE6).toBe(bobBefore);
    expect(exchange.positions('alice')).toEqual([]);
    expect(exchange.settlements('alice')[0]).toMatchObject({
      marketResult: 'yes',
      yesCountE2: 1000,
      yesTotalCostE6: 3_000_000,
      noCountE2: 0,
      revenueE6: 10_000_000,
      feeCostE6: 150_000,
    });
    expect(exchange.settlements('bob')[0]).toMatchObject({
      noCountE2: 1000,
      noTotalCostE6: 7_000_000,
      revenueE6: 0,
    });
    expect(exchange.getMarket(TICKER)).toMatchObject({
      status: 'finalized',
      result: 'yes',
      openInterestE2: 0,
    });
  });
});
