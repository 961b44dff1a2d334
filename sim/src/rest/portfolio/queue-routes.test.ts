import { describe, expect, it } from 'vitest';
import {
  CreateOrderV2Response,
  GetOrderQueuePositionResponse,
  GetOrderQueuePositionsResponse,
  GetPortfolioRestingOrderTotalValueResponse,
} from './schemas.js';
import { buildPortfolioApp, orderBody, TICKER } from './test-app.js';

describe('queue positions and resting order value', () => {
  it('counts contracts ahead at the same price and sums resting value in cents', async () => {
    const app = buildPortfolioApp();
    await app.call('bob', 'POST', '/portfolio/events/orders', orderBody({ price: '0.30', count: '7' }));
    const mine = await app.call(
      'alice',
      'POST',
      '/portfolio/events/orders',
      orderBody({ price: '0.30', count: '2' }),
    );
    const orderId = CreateOrderV2Response.parse(mine.json).order_id;
    await app.call(
      'alice',
      'POST',
      '/portfolio/events/orders',
      orderBody({ side: 'ask', price: '0.90', count: '1' }),
    );

    const one = await app.call('alice', 'GET', `/portfolio/orders/${orderId}/queue_position`);
    expect(GetOrderQueuePositionResponse.parse(one.json)).toEqual({ queue_position_fp: '7.00' });
    const all = await app.call('alice', 'GET', `/portfolio/orders/queue_positions?market_tickers=${TICKER}`);
    const positions = GetOrderQueuePositionsResponse.parse(all.json).queue_positions;
    expect(positions).toContainEqual({ order_id: orderId, market_ticker: TICKER, queue_position_fp: '7.00' });
    expect(positions).toHaveLength(2);
    const none = await app.call('alice', 'GET', '/portfolio/orders/queue_positions?market_tickers=OTHER');
    expect(GetOrderQueuePositionsResponse.parse(none.json).queue_positions).toEqual([]);

    // 2 × $0.30 (YES leg) + 1 × $0.10 (the ask rests as a NO bid at 1 − 0.90) = 70 cents.
    const total = await app.call('alice', 'GET', '/portfolio/summary/total_resting_order_value');
    expect(GetPortfolioRestingOrderTotalValueResponse.parse(total.json)).toEqual({
      total_resting_order_value: 70,
      resting_order_value_breakdown: [{ exchange_index: 0, balance: '0.7000' }],
    });

    await app.call('alice', 'DELETE', `/portfolio/events/orders/${orderId}`);
    expect((await app.call('alice', 'GET', `/portfolio/orders/${orderId}/queue_position`)).status).toBe(404);
  });
});
