/**
 * The write policy (which writes a halted state refuses, priorities, unknown intents) with a
 * recording stand-in for KalshiHttp; the same paths run against the real sim in
 * agent/test/connector/reconcile/connector.sim.test.ts.
 */
import { ClientOrderId, OrderId, countE2, priceE4, type TradingState } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { KalshiRequestError } from './http/request-error.js';
import type { CallOptions } from './http/index.js';
import { OrderWrites, type OrderWritesDeps } from './order-writes.js';
import { InMemoryLocalState } from './reconcile/local-state.js';

const ORDER_ID = OrderId.parse('00000000-0000-4000-8000-000000000001');
const request = {
  ticker: 'KXTEST-A',
  clientOrderId: ClientOrderId.parse('coid-1'),
  side: 'bid' as const,
  countE2: countE2(100),
  priceE4: priceE4(4_500),
  timeInForce: 'good_till_canceled' as const,
  selfTradePrevention: 'taker_at_cross' as const,
};
const ack = { orderId: ORDER_ID, clientOrderId: 'coid-1', tsMs: 1 };

function setup(mode: TradingState['mode'], createFails?: KalshiRequestError) {
  const calls: { method: string; priority: string | undefined }[] = [];
  const record = (method: string, o?: CallOptions) => calls.push({ method, priority: o?.priority });
  const http: OrderWritesDeps['http'] = {
    createOrder: (_req, o) => {
      record('create', o);
      if (createFails !== undefined) return Promise.reject(createFails);
      return Promise.resolve({
        ...ack,
        fillCountE2: countE2(0),
        remainingCountE2: countE2(100),
        isFromDuplicateLookup: false,
      });
    },
    cancelOrder: (_id, _ticker, o) => {
      record('cancel', o);
      return Promise.resolve({ ...ack, reducedByE2: countE2(100) });
    },
    amendOrder: (_id, _req, o) => {
      record('amend', o);
      return Promise.resolve({ ...ack, remainingCountE2: undefined, fillCountE2: undefined });
    },
    decreaseOrder: (_id, _req, o) => {
      record('decrease', o);
      return Promise.resolve({ ...ack, remainingCountE2: countE2(50) });
    },
    getOrders: () => Promise.resolve({ items: [], cursor: undefined }),
  };
  let followUps = 0;
  const local = new InMemoryLocalState();
  const writes = new OrderWrites({
    http,
    local,
    tradingState: () => ({ mode, reason: 'Reconciling with the venue', changedBy: 'system', sinceMs: 0 }),
    onMayExist: () => (followUps += 1),
    nowMs: () => 5_000,
  });
  return { writes, calls, local, followUps: () => followUps };
}

describe('OrderWrites', () => {
  it('refuses creates and amends while halted without touching the venue; cancels and decreases still go', async () => {
    const { writes, calls } = setup('halted');
    expect(await writes.createOrder(request)).toEqual({
      status: 'refused',
      reason: 'Trading halted: Reconciling with the venue',
    });
    expect((await writes.amendOrder(ORDER_ID, { ...request, countE2: countE2(200) })).status).toBe('refused');
    expect((await writes.cancelOrder(ORDER_ID, 'KXTEST-A')).status).toBe('ok');
    expect((await writes.decreaseOrder(ORDER_ID, { reduceByE2: countE2(50) })).status).toBe('ok');
    expect(calls).toEqual([
      { method: 'cancel', priority: 'cancel' },
      { method: 'decrease', priority: 'cancel' },
    ]);
  });

  it('remembers an accepted resting order as ours in local state', async () => {
    const { writes, local } = setup('active');
    expect((await writes.createOrder(request)).status).toBe('ok');
    expect(local.read().openOrders).toEqual([
      {
        orderId: ORDER_ID,
        clientOrderId: 'coid-1',
        ticker: 'KXTEST-A',
        filledCountE2: 0,
        remainingCountE2: 100,
        isExternal: false,
        consecutiveMisses: 0,
      },
    ]);
  });

  it('lets Flatten All through a halted state at flatten priority', async () => {
    const { writes, calls } = setup('halted');
    expect((await writes.createOrder(request, { isFlatten: true })).status).toBe('ok');
    await writes.cancelOrder(ORDER_ID, 'KXTEST-A', { isFlatten: true });
    expect(calls).toEqual([
      { method: 'create', priority: 'flatten' },
      { method: 'cancel', priority: 'flatten' },
    ]);
  });

  it('records a lost create as an unknown intent and asks for a reconciliation, never resending', async () => {
    const lost = new KalshiRequestError({
      kind: 'outcome_unknown',
      endpoint: 'POST /portfolio/events/orders',
      httpStatus: undefined,
      venueCode: undefined,
      venueMessage: undefined,
      message: 'timed out after 1000 ms',
    });
    const { writes, calls, local, followUps } = setup('active', lost);
    expect(await writes.createOrder(request)).toEqual({
      status: 'outcome_unknown',
      message: 'timed out after 1000 ms',
    });
    expect(calls).toHaveLength(1);
    expect(local.read().unknownIntents).toEqual([
      { clientOrderId: 'coid-1', ticker: 'KXTEST-A', submittedAtMs: 5_000, checksWithoutMatch: 0 },
    ]);
    expect(followUps()).toBe(1);
  });

  it('does not reconcile after a plain venue rejection', async () => {
    const rejected = new KalshiRequestError({
      kind: 'rejection',
      endpoint: 'POST /portfolio/events/orders',
      httpStatus: 400,
      venueCode: 'invalid_order',
      venueMessage: 'post only cross',
      message: 'invalid order',
    });
    const { writes, local, followUps } = setup('active', rejected);
    expect(await writes.createOrder(request)).toEqual({
      status: 'rejected',
      venueCode: 'invalid_order',
      message: 'invalid order',
    });
    expect(local.read().unknownIntents).toEqual([]);
    expect(followUps()).toBe(0);
  });
});
