import { describe, expect, it } from 'vitest';
import {
  CreateOrderGroupResponse,
  CreateOrderV2Response,
  ErrorEnvelope,
  GetOrderGroupResponse,
  GetOrderGroupsResponse,
} from './schemas.js';
import { buildPortfolioApp, orderBody } from './test-app.js';

describe('order groups', () => {
  it('create (201), get, list, limit update, trigger, reset, delete', async () => {
    const app = buildPortfolioApp();
    const created = await app.call('alice', 'POST', '/portfolio/order_groups/create', {
      contracts_limit_fp: '5',
    });
    expect(created.status).toBe(201);
    const { order_group_id: groupId } = CreateOrderGroupResponse.parse(created.json);
    const order = await app.call(
      'alice',
      'POST',
      '/portfolio/events/orders',
      orderBody({ order_group_id: groupId }),
    );
    const orderId = CreateOrderV2Response.parse(order.json).order_id;

    const got = GetOrderGroupResponse.parse(
      (await app.call('alice', 'GET', `/portfolio/order_groups/${groupId}`)).json,
    );
    expect(got).toMatchObject({
      contracts_limit_fp: '5.00',
      orders: [orderId],
      is_auto_cancel_enabled: true,
    });
    const list = GetOrderGroupsResponse.parse(
      (await app.call('alice', 'GET', '/portfolio/order_groups')).json,
    );
    expect(list.order_groups.map((g) => g.id)).toEqual([groupId]);
    expect(
      GetOrderGroupsResponse.parse((await app.call('bob', 'GET', '/portfolio/order_groups')).json)
        .order_groups,
    ).toEqual([]);

    const limit = await app.call('alice', 'PUT', `/portfolio/order_groups/${groupId}/limit`, {
      contracts_limit: 7,
    });
    expect(limit).toEqual({ status: 200, json: {} });
    const updated = GetOrderGroupResponse.parse(
      (await app.call('alice', 'GET', `/portfolio/order_groups/${groupId}`)).json,
    );
    expect(updated.contracts_limit_fp).toBe('7.00');

    // Trigger cancels the group's orders and blocks new ones until reset.
    expect((await app.call('alice', 'PUT', `/portfolio/order_groups/${groupId}/trigger`)).status).toBe(200);
    const blocked = await app.call(
      'alice',
      'POST',
      '/portfolio/events/orders',
      orderBody({ order_group_id: groupId }),
    );
    expect(blocked.status).toBe(400);
    expect(ErrorEnvelope.parse(blocked.json).error.code).toBe('order_group_triggered');
    const orderAfter = await app.call('alice', 'GET', `/portfolio/orders/${orderId}`);
    expect(orderAfter.json).toMatchObject({ order: { status: 'canceled' } });
    expect((await app.call('alice', 'PUT', `/portfolio/order_groups/${groupId}/reset`)).status).toBe(200);
    expect(
      (await app.call('alice', 'POST', '/portfolio/events/orders', orderBody({ order_group_id: groupId })))
        .status,
    ).toBe(201);

    expect((await app.call('alice', 'DELETE', `/portfolio/order_groups/${groupId}`)).status).toBe(200);
    expect((await app.call('alice', 'GET', `/portfolio/order_groups/${groupId}`)).status).toBe(404);
  });

  it('auto-cancels the group when the rolling contracts limit is hit', async () => {
    const app = buildPortfolioApp();
    const created = await app.call('alice', 'POST', '/portfolio/order_groups/create', { contracts_limit: 3 });
    const { order_group_id: groupId } = CreateOrderGroupResponse.parse(created.json);
    const res = await app.call(
      'alice',
      'POST',
      '/portfolio/events/orders',
      orderBody({ order_group_id: groupId, count: '10' }),
    );
    const orderId = CreateOrderV2Response.parse(res.json).order_id;
    await app.call(
      'bob',
      'POST',
      '/portfolio/events/orders',
      orderBody({ side: 'ask', price: '0.56', count: '3', time_in_force: 'immediate_or_cancel' }),
    );
    const after = await app.call('alice', 'GET', `/portfolio/orders/${orderId}`);
    expect(after.json).toMatchObject({ order: { status: 'canceled', fill_count_fp: '3.00' } });
  });

  it('validates the limit fields', async () => {
    const app = buildPortfolioApp();
    const both = await app.call('alice', 'POST', '/portfolio/order_groups/create', {
      contracts_limit: 1,
      contracts_limit_fp: '1',
    });
    expect(both.status).toBe(400);
    const neither = await app.call('alice', 'POST', '/portfolio/order_groups/create', {});
    expect(neither.status).toBe(400);
    expect((await app.call('alice', 'PUT', '/portfolio/order_groups/nope/trigger')).status).toBe(404);
  });
});
