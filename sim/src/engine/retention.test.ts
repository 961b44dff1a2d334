import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { gtc, manualClock, marketSpec, TICKER } from './test-helpers.js';

describe('bounded history', () => {
  it('drops the oldest finished orders, fills and trades, never resting orders', () => {
    const exchange = new Exchange({
      clock: manualClock().now,
      seed: 9,
      retention: { finishedOrdersPerUser: 10, fillsPerUser: 10, tradesPerMarket: 10 },
    });
    exchange.addMarket(marketSpec());
    exchange.deposit('maker', 1_000_000_000);
    exchange.deposit('taker', 1_000_000_000);
    const keep = exchange.placeOrder('maker', gtc('bid', 1000, 100));
    if (!keep.ok) throw new Error('rejected');
    const firstIds: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const resting = exchange.placeOrder('maker', gtc('ask', 6000, 100));
      if (resting.ok && i < 5) firstIds.push(resting.order.orderId);
      exchange.placeOrder('taker', gtc('bid', 6000, 100));
    }
    const orders = exchange.listOrders('maker');
    expect(orders.length).toBeLessThanOrEqual(12);
    expect(orders.some((o) => o.orderId === keep.order.orderId && o.status === 'resting')).toBe(true);
    expect(firstIds.every((id) => exchange.getOrder('maker', id) === undefined)).toBe(true);
    expect(exchange.cancelOrder('maker', firstIds[0] ?? '')).toMatchObject({
      ok: false,
      error: { code: 'order_not_found' },
    });
    expect(exchange.listFills('taker').length).toBeLessThanOrEqual(11);
    expect(exchange.trades(TICKER).length).toBeLessThanOrEqual(11);
    expect(exchange.positions('taker')[0]?.positionE2).toBe(4000); // accounting is unaffected
  });
});
