/**
 * The simulator's REST faults, each with its stated expected outcome:
 * - 5xx on create → outcome unknown (nothing retried), resolved by client_order_id lookup;
 * - lost response (accepted, never answered) → timeout → outcome unknown → found by client_order_id;
 * - 2xx create without an order object → rejection, contract light red;
 * - schema drift (renamed / dropped field) → contract error naming the field, light red, no data;
 * - a skewed clock → 401 → auth error with a clock-skew hint;
 * - 429 burst → every request still completes (retried after the bucket refills).
 */
import { countE2, priceE4 } from '@pt/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isKalshiRequestError } from '../../../src/connectors/kalshi/http/index.js';
import type {
  CreateOrderRequest,
  KalshiRequestError,
  VenueMarket,
} from '../../../src/connectors/kalshi/http/index.js';
import { clientOrderId, pickRestingMarket, startSimHttp } from './sim-http.js';
import type { SimHttp } from './sim-http.js';

let env: SimHttp;
let market: VenueMarket;

beforeAll(async () => {
  env = await startSimHttp({ seed: 13 });
  market = await pickRestingMarket(env.http);
});
afterEach(async () => {
  await env.sim.admin('/faults', undefined, 'DELETE');
});
afterAll(async () => {
  await env.sim.stop();
});

async function fault(path: string, body: Record<string, unknown>): Promise<void> {
  const res = await env.sim.admin(path, body);
  expect(res.status).toBe(200);
}

async function failure(promise: Promise<unknown>): Promise<KalshiRequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isKalshiRequestError(error)) throw new Error(`expected a KalshiRequestError, got ${String(error)}`);
  return error;
}

function restingBid(label: string): CreateOrderRequest {
  return {
    ticker: market.ticker,
    clientOrderId: clientOrderId(label),
    side: 'bid',
    countE2: countE2(200),
    priceE4: priceE4(100),
    timeInForce: 'good_till_canceled',
    selfTradePrevention: 'taker_at_cross',
  };
}

describe('REST faults from the simulator', () => {
  it('5xx on create → outcome unknown, not retried; the lookup by client_order_id finds nothing placed', async () => {
    await fault('/faults/rest', {
      kind: 'http_5xx',
      status: 503,
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
    });
    const request = restingBid('5xx');
    const error = await failure(env.http.createOrder(request));
    expect(error).toMatchObject({ kind: 'outcome_unknown', outcomeUnknown: true, httpStatus: 503 });
    // The sim answers 5xx before the handler runs, so reconciliation must conclude "not placed".
    expect(await env.http.findOrderByClientOrderId(market.ticker, request.clientOrderId)).toBeUndefined();
  });

  it('lost response → timeout → outcome unknown → found by client_order_id', async () => {
    await fault('/faults/rest', {
      kind: 'lost_response',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      hold_ms: 5_000,
    });
    const { http } = env.client({ timeoutMs: 300 });
    const request = restingBid('lost');
    const error = await failure(http.createOrder(request));
    expect(error).toMatchObject({ kind: 'outcome_unknown', outcomeUnknown: true, httpStatus: undefined });
    const found = await env.http.findOrderByClientOrderId(market.ticker, request.clientOrderId);
    expect(found).toMatchObject({
      clientOrderId: request.clientOrderId,
      status: 'resting',
      remainingCountE2: 200,
    });
    if (found !== undefined) await env.http.cancelOrder(found.orderId, market.ticker);
  });

  it('2xx create without an order object → rejection (not pending), contract light red', async () => {
    await fault('/faults/rest', {
      kind: 'empty_success',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
    });
    const { http, contract } = env.client();
    const error = await failure(http.createOrder(restingBid('empty')));
    expect(error).toMatchObject({ kind: 'rejection', outcomeUnknown: false, field: 'order_id' });
    expect(contract.state().status).toBe('red');
    expect(contract.state().violations[0]).toMatchObject({
      where: 'POST /portfolio/events/orders',
      field: 'order_id',
    });
  });

  it('schema drift: a renamed field → contract error with the path, light red', async () => {
    await fault('/faults/drift', {
      field: 'yes_ask_dollars',
      rename_to: 'yes_ask_usd',
      path_prefix: '/markets',
    });
    const { http, contract } = env.client();
    const error = await failure(http.getMarket(market.ticker));
    expect(error).toMatchObject({
      kind: 'contract',
      code: 'VENUE_CONTRACT_BROKEN',
      field: 'market.yes_ask_dollars',
    });
    const state = contract.state();
    expect(state.status).toBe('red');
    expect(state.violations[0]).toMatchObject({
      source: 'rest',
      where: 'GET /markets/:ticker',
      field: 'market.yes_ask_dollars',
    });
    // The new name is visible as an unknown field next to the violation.
    expect(state.unknownFields.map((u) => u.field)).toEqual(['market.yes_ask_usd']);
  });

  it('schema drift on a create answer → contract error, outcome unknown, resolved by client_order_id', async () => {
    await fault('/faults/drift', {
      field: 'remaining_count',
      rename_to: 'remaining',
      count: 1,
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
    });
    const { http, contract } = env.client();
    const request = restingBid('drift');
    const error = await failure(http.createOrder(request));
    expect(error).toMatchObject({ kind: 'contract', field: 'remaining_count', outcomeUnknown: true });
    expect(contract.state().status).toBe('red');
    const found = await env.http.findOrderByClientOrderId(market.ticker, request.clientOrderId);
    expect(found?.status).toBe('resting');
    if (found !== undefined) await env.http.cancelOrder(found.orderId, market.ticker);
  });

  it('schema drift: a dropped field on a portfolio read → contract error, light red', async () => {
    await fault('/faults/drift', { field: 'balance_dollars', path_prefix: '/portfolio/balance' });
    const { http, contract } = env.client();
    const error = await failure(http.getBalance());
    expect(error).toMatchObject({ kind: 'contract', field: 'balance_dollars' });
    expect(contract.state().status).toBe('red');
  });

  it('a skewed client clock → 401 → auth error with the clock hint, not retried', async () => {
    const { http } = env.client({ nowMs: () => Date.now() - 60_000 });
    const error = await failure(http.getBalance());
    expect(error).toMatchObject({ kind: 'auth', code: 'UNAUTHORIZED', httpStatus: 401, retryable: false });
    expect(error.message).toMatch(/clock/);
  });

  it('429 burst → no lost request: every read completes after the bucket refills', async () => {
    await fault('/faults/rest', { kind: 'too_many_requests', count: 5, path_prefix: '/exchange/status' });
    const before = env.limiter.rateLimitedTotal;
    const results = await Promise.all(Array.from({ length: 8 }, () => env.http.getExchangeStatus()));
    expect(results).toHaveLength(8);
    expect(results.every((s) => s.isExchangeActive)).toBe(true);
    // All five injected 429s were seen (and reported to the limiter), and none was surfaced.
    expect(env.limiter.rateLimitedTotal - before).toBe(5);
  });

  it('429 on a write → retried (a 429 means not accepted): the order is placed exactly once', async () => {
    await fault('/faults/rest', {
      kind: 'too_many_requests',
      count: 2,
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
    });
    const before = env.limiter.rateLimitedTotal;
    const request = restingBid('429w');
    const ack = await env.http.createOrder(request);
    expect(ack.isFromDuplicateLookup).toBe(false);
    expect(env.limiter.rateLimitedTotal - before).toBe(2);
    const mine = (await env.http.getOrders({ ticker: market.ticker })).items.filter(
      (o) => o.clientOrderId === request.clientOrderId,
    );
    expect(mine).toHaveLength(1);
    await env.http.cancelOrder(ack.orderId, market.ticker);
  });
});
