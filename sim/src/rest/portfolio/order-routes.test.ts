import { describe, expect, it } from 'vitest';
import {
  AmendOrderV2Response,
  CancelOrderV2Response,
  CreateOrderV2Response,
  DecreaseOrderV2Response,
  ErrorEnvelope,
  GetOrderResponse,
} from './schemas.js';
import { buildPortfolioApp, orderBody, TICKER } from './test-app.js';

async function restingOrder(
  app: ReturnType<typeof buildPortfolioApp>,
  overrides: Record<string, unknown> = {},
) {
  const res = await app.call('alice', 'POST', '/portfolio/events/orders', orderBody(overrides));
  return CreateOrderV2Response.parse(res.json).order_id;
}

describe('cancel / amend / decrease', () => {
  it('cancels with reduced_by; a second cancel reduces nothing', async () => {
    const app = buildPortfolioApp();
    const orderId = await restingOrder(app, { client_order_id: 'x1' });
    const res = await app.call('alice', 'DELETE', `/portfolio/events/orders/${orderId}`);
    expect(res.status).toBe(200);
    expect(CancelOrderV2Response.parse(res.json)).toMatchObject({
      order_id: orderId,
      client_order_id: 'x1',
      reduced_by: '10.00',
    });
    const again = await app.call('alice', 'DELETE', `/portfolio/events/orders/${orderId}`);
    // The engine answers an already-finished order like Kalshi's legacy API: 200, reduced_by 0.
    expect(again.status).toBe(200);
    expect(CancelOrderV2Response.parse(again.json).reduced_by).toBe('0.00');
  });

  it("cannot touch another user's order", async () => {
    const app = buildPortfolioApp();
    const orderId = await restingOrder(app);
    const res = await app.call('bob', 'DELETE', `/portfolio/events/orders/${orderId}`);
    expect(res.status).toBe(404);
    expect((await app.call('bob', 'GET', `/portfolio/orders/${orderId}`)).status).toBe(404);
  });

  it('rejects a cancel whose market_ticker does not match', async () => {
    const app = buildPortfolioApp();
    const orderId = await restingOrder(app);
    const res = await app.call('alice', 'DELETE', `/portfolio/events/orders/${orderId}?market_ticker=OTHER`);
    expect(ErrorEnvelope.parse(res.json).error.code).toBe('order_ticker_mismatch');
  });

  it('amends price and total count', async () => {
    const app = buildPortfolioApp();
    const orderId = await restingOrder(app);
    const res = await app.call('alice', 'POST', `/portfolio/events/orders/${orderId}/amend`, {
      ticker: TICKER,
      side: 'bid',
      price: '0.55',
      count: '12',
    });
    expect(res.status).toBe(200);
    expect(AmendOrderV2Response.parse(res.json)).toMatchObject({
      remaining_count: '12.00',
      fill_count: '0.00',
    });
    const got = GetOrderResponse.parse((await app.call('alice', 'GET', `/portfolio/orders/${orderId}`)).json);
    expect(got.order).toMatchObject({
      yes_price_dollars: '0.5500',
      no_price_dollars: '0.4500',
      remaining_count_fp: '12.00',
    });
  });

  it('decreases by reduce_by or reduce_to, and rejects both at once', async () => {
    const app = buildPortfolioApp();
    const orderId = await restingOrder(app);
    const path = `/portfolio/events/orders/${orderId}/decrease`;
    const by = await app.call('alice', 'POST', path, { reduce_by: '3' });
    expect(DecreaseOrderV2Response.parse(by.json).remaining_count).toBe('7.00');
    const to = await app.call('alice', 'POST', path, { reduce_to: '2.5' });
    expect(DecreaseOrderV2Response.parse(to.json).remaining_count).toBe('2.50');
    const both = await app.call('alice', 'POST', path, { reduce_by: '1', reduce_to: '1' });
    expect(both.status).toBe(400);
    expect(ErrorEnvelope.parse(both.json).error).toMatchObject({ code: 'invalid_order' });
    const neither = await app.call('alice', 'POST', path, {});
    expect(neither.status).toBe(400);
  });
});

describe('expiring orders', () => {
  it('rests a GTC order with expiration_time (Unix seconds) until then, then reports it canceled', async () => {
    const app = buildPortfolioApp('2026-11-25T15:00:00Z');
    const expiresS = Date.parse('2026-11-25T15:01:00Z') / 1000;
    const orderId = await restingOrder(app, { expiration_time: expiresS });
    const before = GetOrderResponse.parse(
      (await app.call('alice', 'GET', `/portfolio/orders/${orderId}`)).json,
    );
    expect(before.order).toMatchObject({ status: 'resting', expiration_time: '2026-11-25T15:01:00.000Z' });
    app.setNow('2026-11-25T15:01:01Z');
    const after = GetOrderResponse.parse(
      (await app.call('alice', 'GET', `/portfolio/orders/${orderId}`)).json,
    );
    expect(after.order.status).toBe('canceled');
  });
});

describe('weekly maintenance window', () => {
  it('blocks place and amend, allows cancel, and cancels cancel_order_on_pause orders', async () => {
    const app = buildPortfolioApp('2026-11-26T07:59:00Z'); // Thursday 02:59 ET
    const keep = await restingOrder(app, { client_order_id: 'keep' });
    const drop = await restingOrder(app, {
      client_order_id: 'drop',
      price: '0.40',
      cancel_order_on_pause: true,
    });
    app.setNow('2026-11-26T08:00:00Z'); // 03:00 ET: the pause starts

    const place = await app.call('alice', 'POST', '/portfolio/events/orders', orderBody());
    expect(place.status).toBe(400);
    expect(ErrorEnvelope.parse(place.json).error.code).toBe('trading_paused');
    const amend = await app.call('alice', 'POST', `/portfolio/events/orders/${keep}/amend`, {
      ticker: TICKER,
      side: 'bid',
      price: '0.57',
      count: '10',
    });
    expect(ErrorEnvelope.parse(amend.json).error.code).toBe('trading_paused');

    const dropped = GetOrderResponse.parse(
      (await app.call('alice', 'GET', `/portfolio/orders/${drop}`)).json,
    );
    expect(dropped.order.status).toBe('canceled');
    const kept = GetOrderResponse.parse((await app.call('alice', 'GET', `/portfolio/orders/${keep}`)).json);
    expect(kept.order.status).toBe('resting');
    expect((await app.call('alice', 'DELETE', `/portfolio/events/orders/${keep}`)).status).toBe(200);

    app.setNow('2026-11-26T10:00:00Z'); // 05:00 ET: trading resumes
    expect((await app.call('alice', 'POST', '/portfolio/events/orders', orderBody())).status).toBe(201);
  });
});
