import { describe, expect, it } from 'vitest';
import {
  ErrorEnvelope,
  BatchCancelOrdersV2Response,
  BatchCreateOrdersV2Response,
  CreateOrderV2Response,
} from './schemas.js';
import { buildPortfolioApp, orderBody } from './test-app.js';

describe('POST /portfolio/events/orders', () => {
  it('creates a resting order: 201 with FP-string counts', async () => {
    const { call } = buildPortfolioApp();
    const res = await call('alice', 'POST', '/portfolio/events/orders', orderBody({ client_order_id: 'c1' }));
    expect(res.status).toBe(201);
    const body = CreateOrderV2Response.parse(res.json);
    expect(body).toMatchObject({ client_order_id: 'c1', fill_count: '0.00', remaining_count: '10.00' });
    expect(body.average_fill_price).toBeUndefined();
  });

  it('fills against a resting order and reports averages', async () => {
    const { call } = buildPortfolioApp();
    await call('alice', 'POST', '/portfolio/events/orders', orderBody({ price: '0.56', count: '10' }));
    // Bob sells YES at 0.50 → trades at the resting 0.56.
    const res = await call(
      'bob',
      'POST',
      '/portfolio/events/orders',
      orderBody({ side: 'ask', price: '0.50', count: '4', time_in_force: 'immediate_or_cancel' }),
    );
    expect(res.status).toBe(201);
    const body = CreateOrderV2Response.parse(res.json);
    expect(body).toMatchObject({
      fill_count: '4.00',
      remaining_count: '0.00',
      average_fill_price: '0.560000',
    });
    expect(body.average_fee_paid).toMatch(/^0\.\d{6}$/);
  });

  it('answers 409 order_already_exists for a duplicate client_order_id', async () => {
    const { call } = buildPortfolioApp();
    await call('alice', 'POST', '/portfolio/events/orders', orderBody({ client_order_id: 'dup' }));
    const res = await call(
      'alice',
      'POST',
      '/portfolio/events/orders',
      orderBody({ client_order_id: 'dup' }),
    );
    expect(res.status).toBe(409);
    expect(ErrorEnvelope.parse(res.json).error.code).toBe('order_already_exists');
  });

  it.each([
    ['off-grid price', { price: '0.565' }, 'price'],
    ['price 1.00 is out of range', { price: '1.00' }, 'price'],
    ['price 0 is out of range', { price: '0' }, 'price'],
    ['5 dp price', { price: '0.56001' }, 'price'],
    ['negative count', { count: '-1' }, 'count'],
    ['3 dp count', { count: '1.001' }, 'count'],
    ['zero count', { count: '0' }, 'count'],
    ['unknown side', { side: 'buy' }, 'side'],
    ['legacy field', { yes_price: 56 }, 'yes_price'],
    [
      'IOC with expiration',
      { time_in_force: 'immediate_or_cancel', expiration_time: 1_900_000_000 },
      'expiration_time',
    ],
    ['past expiration', { expiration_time: 1_700_000_000 }, 'expiration_time'],
    ['reduce_only resting', { reduce_only: true }, 'reduce_only'],
    ['client_order_id with a space', { client_order_id: 'a b' }, 'client_order_id'],
    ['65-char client_order_id', { client_order_id: 'x'.repeat(65) }, 'client_order_id'],
    ['unknown shard', { exchange_index: 3 }, 'exchange_index'],
  ])('rejects %s with invalid_order naming the field', async (_name, overrides, field) => {
    const { call } = buildPortfolioApp();
    const res = await call('alice', 'POST', '/portfolio/events/orders', orderBody(overrides));
    expect(res.status).toBe(400);
    const { error } = ErrorEnvelope.parse(res.json);
    expect(error.code).toBe('invalid_order');
    expect(error.details).toContain(field);
  });

  it('answers top-level bad_request for bad JSON and wrong types, missing_parameters for gaps', async () => {
    const { call } = buildPortfolioApp();
    const badJson = await call('alice', 'POST', '/portfolio/events/orders', '{"ticker":');
    expect(badJson.status).toBe(400);
    expect(badJson.json).toMatchObject({ code: 'bad_request', message: 'bad request' });
    const wrongType = await call('alice', 'POST', '/portfolio/events/orders', orderBody({ count: 10 }));
    expect(wrongType.json).toMatchObject({
      code: 'bad_request',
      details: expect.stringContaining('count') as unknown,
    });
    const { ticker: _omit, ...missing } = orderBody();
    const gap = await call('alice', 'POST', '/portfolio/events/orders', missing);
    expect(gap.status).toBe(400);
    expect(ErrorEnvelope.parse(gap.json).error).toMatchObject({
      code: 'missing_parameters',
      details: 'ticker is required',
    });
  });
});

describe('batched create and cancel', () => {
  it('reports per-item errors with HTTP 201 and cancels per item', async () => {
    const { call } = buildPortfolioApp();
    const res = await call('alice', 'POST', '/portfolio/events/orders/batched', {
      orders: [
        orderBody({ client_order_id: 'b1' }),
        orderBody({ price: '0.999' }),
        orderBody({ client_order_id: 'b1' }),
      ],
    });
    expect(res.status).toBe(201);
    const { orders } = BatchCreateOrdersV2Response.parse(res.json);
    expect(orders[0]).toMatchObject({ client_order_id: 'b1', remaining_count: '10.00' });
    expect(orders[1]?.error).toMatchObject({ code: 'invalid_order' });
    expect(orders[2]?.error).toMatchObject({ code: 'order_already_exists' });
    const orderId = orders[0]?.order_id ?? '';

    const cancel = await call('alice', 'DELETE', '/portfolio/events/orders/batched', {
      orders: [{ order_id: orderId }, { order_id: 'nope' }],
    });
    expect(cancel.status).toBe(200);
    const cancelled = BatchCancelOrdersV2Response.parse(cancel.json).orders;
    expect(cancelled[0]).toMatchObject({ order_id: orderId, reduced_by: '10.00' });
    expect(cancelled[1]).toMatchObject({
      order_id: 'nope',
      reduced_by: '0.00',
      error: { code: 'order_not_found' },
    });
  });

  it('rejects an empty or oversized batch', async () => {
    const { call } = buildPortfolioApp();
    const empty = await call('alice', 'POST', '/portfolio/events/orders/batched', { orders: [] });
    expect(ErrorEnvelope.parse(empty.json).error.code).toBe('invalid_order');
    const big = await call('alice', 'POST', '/portfolio/events/orders/batched', {
      orders: Array(21).fill(orderBody()),
    });
    expect(big.status).toBe(400);
  });
});

describe('DELETE /portfolio/events/orders (cancel-all)', () => {
  it('answers 204 with no body and cancels every resting order', async () => {
    const { call } = buildPortfolioApp();
    await call('alice', 'POST', '/portfolio/events/orders', orderBody());
    await call('alice', 'POST', '/portfolio/events/orders', orderBody({ price: '0.40' }));
    const res = await call('alice', 'DELETE', '/portfolio/events/orders');
    expect(res.status).toBe(204);
    expect(res.json).toBeUndefined();
    const list = await call('alice', 'GET', '/portfolio/orders?status=resting');
    expect(list.json).toMatchObject({ orders: [], cursor: '' });
  });
});
