/**
 * V2 order writes against the real simulator: create (201) → list → amend → decrease → cancel,
 * batched create with a per-item error, batched cancel, a 409 duplicate client_order_id resolved
 * by lookup, cancel-all and order groups.
 */
import { countE2, priceE4 } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKalshiRequestError } from '../../../src/connectors/kalshi/http/index.js';
import type { CreateOrderRequest, VenueMarket } from '../../../src/connectors/kalshi/http/index.js';
import { clientOrderId, pickRestingMarket, startSimHttp } from './sim-http.js';
import type { SimHttp } from './sim-http.js';

let env: SimHttp;
let market: VenueMarket;

beforeAll(async () => {
  env = await startSimHttp({ seed: 12 });
  market = await pickRestingMarket(env.http);
});
afterAll(async () => {
  await env.sim.stop();
});

/** A 1¢ YES bid: below the market, so it rests. */
function restingBid(label: string, overrides: Partial<CreateOrderRequest> = {}): CreateOrderRequest {
  return {
    ticker: market.ticker,
    clientOrderId: clientOrderId(label),
    side: 'bid',
    countE2: countE2(300),
    priceE4: priceE4(100),
    timeInForce: 'good_till_canceled',
    selfTradePrevention: 'taker_at_cross',
    ...overrides,
  };
}

describe('V2 orders against the simulator', () => {
  it('create (201) → list → amend → decrease → cancel', async () => {
    const request = restingBid('life');
    const ack = await env.http.createOrder(request);
    expect(ack).toMatchObject({
      clientOrderId: request.clientOrderId,
      fillCountE2: 0,
      remainingCountE2: 300,
      isFromDuplicateLookup: false,
    });

    const listed = await env.http.getOrders({ ticker: market.ticker, status: 'resting' });
    const order = listed.items.find((o) => o.orderId === ack.orderId);
    expect(order).toMatchObject({
      status: 'resting',
      yesPriceE4: 100,
      noPriceE4: 9_900,
      remainingCountE2: 300,
      outcomeSide: 'yes',
      bookSide: 'bid',
    });
    expect((await env.http.getOrder(ack.orderId)).clientOrderId).toBe(request.clientOrderId);

    const amended = await env.http.amendOrder(ack.orderId, {
      ticker: market.ticker,
      side: 'bid',
      priceE4: priceE4(200),
      countE2: countE2(500),
    });
    expect(amended.remainingCountE2).toBe(500);
    expect((await env.http.getOrder(amended.orderId)).yesPriceE4).toBe(200);

    const decreased = await env.http.decreaseOrder(amended.orderId, { reduceByE2: countE2(100) });
    expect(decreased.remainingCountE2).toBe(400);

    const cancelled = await env.http.cancelOrder(amended.orderId, market.ticker);
    expect(cancelled.reducedByE2).toBe(400);
    expect((await env.http.getOrder(amended.orderId)).status).toBe('canceled');
  });

  it('a create the venue refuses is a rejection with the venue code', async () => {
    const bad = restingBid('bad', { priceE4: priceE4(150) }); // 1.5¢ is off the 1¢ grid
    const error = await env.http.createOrder(bad).catch((e: unknown) => e);
    expect(isKalshiRequestError(error) && error.kind).toBe('rejection');
    expect(isKalshiRequestError(error) && error.venueCode).toBeTruthy();
  });

  it('409 duplicate client_order_id → the existing order, looked up, not a failure', async () => {
    const request = restingBid('dup');
    const first = await env.http.createOrder(request);
    const second = await env.http.createOrder(request);
    expect(second).toMatchObject({ orderId: first.orderId, isFromDuplicateLookup: true });
    const mine = (await env.http.getOrders({ ticker: market.ticker })).items.filter(
      (o) => o.clientOrderId === request.clientOrderId,
    );
    expect(mine).toHaveLength(1);
    await env.http.cancelOrder(first.orderId, market.ticker);
  });

  it('batched create with a per-item error, then batched cancel', async () => {
    const offGrid = restingBid('b3', { priceE4: priceE4(150) });
    const results = await env.http.batchCreateOrders([restingBid('b1'), offGrid, restingBid('b2')]);
    expect(results.map((r) => r.isOk)).toEqual([true, false, true]);
    const failed = results[1];
    expect(failed?.isOk === false && failed.error.code).toBeTruthy();
    const ids = results.flatMap((r) => (r.isOk ? [r.value.orderId] : []));
    const cancels = await env.http.batchCancelOrders([
      ...ids.map((orderId) => ({ orderId, ticker: market.ticker })),
    ]);
    expect(cancels.every((c) => c.isOk && c.value.reducedByE2 === 300)).toBe(true);
  });

  it('cancel-all leaves nothing resting', async () => {
    await env.http.createOrder(restingBid('all1'));
    await env.http.createOrder(restingBid('all2'));
    await env.http.cancelAllOrders({ priority: 'flatten' });
    expect((await env.http.getOrders({ status: 'resting' })).items).toEqual([]);
  });

  it('order groups: create, attach an order, trigger cancels it, limit, reset, delete', async () => {
    const groupId = await env.http.createOrderGroup(countE2(10_000));
    const ack = await env.http.createOrder(restingBid('grp', { orderGroupId: groupId }));
    const group = await env.http.getOrderGroup(groupId);
    expect(group.orderIds).toContain(ack.orderId);
    expect(group.contractsLimitE2).toBe(10_000);
    expect((await env.http.getOrderGroups()).map((g) => g.orderGroupId)).toContain(groupId);
    await env.http.triggerOrderGroup(groupId);
    expect((await env.http.getOrder(ack.orderId)).status).toBe('canceled');
    await env.http.setOrderGroupLimit(groupId, countE2(20_000));
    await env.http.resetOrderGroup(groupId);
    expect((await env.http.getOrderGroup(groupId)).contractsLimitE2).toBe(20_000);
    await env.http.deleteOrderGroup(groupId);
  });

  it('kept the contract light green', () => {
    expect(env.contract.state().violations).toEqual([]);
  });
});
