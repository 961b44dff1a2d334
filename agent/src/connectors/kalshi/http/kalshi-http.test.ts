import { constants, verify } from 'node:crypto';
import { countE2, priceE4 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { json, makeHttp, scriptedFetch, testKeys } from '../../../../test/connector/http/doubles.js';
import type { FetchCall } from '../../../../test/connector/http/doubles.js';
import { isKalshiRequestError } from './request-error.js';
import type { KalshiRequestError } from './request-error.js';
import type { CreateOrderRequest } from './types.js';

const ORDER_ID = 'ee9f3b2c-1d5e-4c1a-9a57-3a1f0c2b7d10';
const CREATE: CreateOrderRequest = {
  ticker: 'KXFEDMENTION-26MAR-JUDY',
  clientOrderId: 'pt-1',
  side: 'bid',
  countE2: countE2(1000),
  priceE4: priceE4(5600),
  timeInForce: 'good_till_canceled',
  selfTradePrevention: 'taker_at_cross',
};
const ACK = {
  order_id: ORDER_ID,
  client_order_id: 'pt-1',
  fill_count: '0.00',
  remaining_count: '10.00',
  ts_ms: 5,
};

async function failure(promise: Promise<unknown>): Promise<KalshiRequestError> {
  try {
    await promise;
  } catch (error) {
    if (isKalshiRequestError(error)) return error;
    throw error;
  }
  throw new Error('expected a KalshiRequestError');
}

/** Never answers; rejects when the request's signal aborts (as fetch does on a timeout). */
function hang(_call: FetchCall, signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () =>
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted')),
    );
  });
}

describe('KalshiHttp requests', () => {
  it('signs the full path without the query and sends the query', async () => {
    const f = scriptedFetch(() => json({ markets: [], cursor: '' }));
    const { http } = makeHttp(f.fetch);
    await http.getMarkets({ status: 'open', tickers: ['A-1', 'B-2'], limit: 5 });
    const call = f.calls[0];
    expect(call?.url.pathname).toBe('/trade-api/v2/markets');
    expect(call?.url.searchParams.get('tickers')).toBe('A-1,B-2');
    expect(call?.url.searchParams.get('status')).toBe('open');
    const message = `${call?.headers['kalshi-access-timestamp']}GET/trade-api/v2/markets`;
    const isValid = verify(
      'sha256',
      Buffer.from(message),
      { key: testKeys().publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      Buffer.from(call?.headers['kalshi-access-signature'] ?? '', 'base64'),
    );
    expect(isValid).toBe(true);
    expect(call?.headers['kalshi-access-timestamp']).toBe('1700000000000');
  });

  it('charges each request to its bucket with its cost and priority', async () => {
    const cancelAck = { order_id: ORDER_ID, reduced_by: '1.00', ts_ms: 1 };
    const batchCancel = { orders: [1, 2, 3].map(() => ({ order_id: ORDER_ID, reduced_by: '0.00' })) };
    const f = scriptedFetch(
      () => json({ markets: [], cursor: '' }),
      () => json(ACK, 201),
      () => json(cancelAck),
      () => json(cancelAck),
      () => json(batchCancel),
    );
    const { http, limiter } = makeHttp(f.fetch);
    await http.getMarkets();
    await http.createOrder(CREATE);
    await http.cancelOrder(ORDER_ID, 'KXFEDMENTION-26MAR-JUDY');
    await http.cancelOrder(ORDER_ID, undefined, { priority: 'flatten' });
    await http.batchCancelOrders([{ orderId: ORDER_ID }, { orderId: ORDER_ID }, { orderId: ORDER_ID }]);
    expect(limiter.acquired).toEqual([
      { bucket: 'read', cost: 10, priority: 'read' },
      { bucket: 'write', cost: 10, priority: 'order' },
      { bucket: 'write', cost: 2, priority: 'cancel' },
      { bucket: 'write', cost: 2, priority: 'flatten' },
      { bucket: 'write', cost: 6, priority: 'cancel' },
    ]);
    expect(f.calls[1]?.body).toEqual({
      ticker: 'KXFEDMENTION-26MAR-JUDY',
      client_order_id: 'pt-1',
      side: 'bid',
      count: '10.00',
      price: '0.5600',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'taker_at_cross',
    });
    expect(f.calls[2]?.url.searchParams.get('market_ticker')).toBe('KXFEDMENTION-26MAR-JUDY');
  });

  it('fetches more than 100 order books in chunks of 100', async () => {
    const book = (ticker: string) => ({ ticker, orderbook_fp: { yes_dollars: [], no_dollars: [] } });
    const reply = (call: FetchCall) =>
      json({ orderbooks: (call.url.searchParams.get('tickers') ?? '').split(',').map(book) });
    const f = scriptedFetch(reply);
    const { http } = makeHttp(f.fetch);
    const tickers = Array.from({ length: 230 }, (_, i) => `M-${i}`);
    const books = await http.getOrderbooks(tickers);
    expect(books.map((b) => b.ticker)).toEqual(tickers);
    expect(f.calls.map((c) => (c.url.searchParams.get('tickers') ?? '').split(',').length)).toEqual([
      100, 100, 30,
    ]);
  });

  it('uses the live cost table once given', async () => {
    const f = scriptedFetch(() => json({ markets: [], cursor: '' }));
    const { http, limiter } = makeHttp(f.fetch);
    http.useEndpointCosts({ defaultCost: 7, endpointCosts: [] });
    await http.getMarkets();
    expect(limiter.acquired[0]?.cost).toBe(7);
  });
});

describe('KalshiHttp error classification', () => {
  it('429 → reports to the limiter and retries (reads and writes); no request is lost', async () => {
    const tooMany = () => json({ error: 'too many requests' }, 429);
    const f = scriptedFetch(
      tooMany,
      tooMany,
      () => json({ balance_dollars: '12.3400', portfolio_value: 100 }),
      tooMany,
      () => json(ACK, 201),
    );
    const { http, limiter } = makeHttp(f.fetch);
    const balance = await http.getBalance();
    expect(balance.balanceE6).toBe(12_340_000);
    expect(balance.portfolioValueE6).toBe(1_000_000);
    const ack = await http.createOrder(CREATE);
    expect(ack.orderId).toBe(ORDER_ID);
    expect(limiter.rateLimited).toEqual(['read', 'read', 'write']);
    expect(limiter.acquired).toHaveLength(5);
  });

  it('reports every granted request as settled, answered or not, so the limiter can release it', async () => {
    const tooMany = () => json({ error: 'too many requests' }, 429);
    const f = scriptedFetch(
      tooMany,
      () => json({ balance_dollars: '1.0000', portfolio_value: 0 }),
      () => Promise.reject(new TypeError('fetch failed')),
      hang,
    );
    const { http, limiter } = makeHttp(f.fetch, { timeoutMs: 20 });
    await http.getBalance();
    await failure(http.createOrder(CREATE));
    await failure(http.getBalance());
    expect(limiter.acquired).toHaveLength(4);
    expect(limiter.settledCount).toBe(4);
    expect(limiter.inFlight.size).toBe(0);
  });

  it('429 past the retry limit → rate_limited, retryable', async () => {
    const f = scriptedFetch(() => json({ error: 'too many requests' }, 429));
    const { http } = makeHttp(f.fetch, { maxRateLimitRetries: 2 });
    const error = await failure(http.getBalance());
    expect(error.kind).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    expect(f.calls).toHaveLength(3);
  });

  it('401 → auth error with a clock-skew hint', async () => {
    const body = {
      error: {
        code: 'authentication_error',
        message: 'authentication_error',
        details: 'INCORRECT_API_KEY_SIGNATURE',
      },
    };
    const { http } = makeHttp(scriptedFetch(() => json(body, 401)).fetch);
    const error = await failure(http.getBalance());
    expect(error.kind).toBe('auth');
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toMatch(/clock/);
    expect(error.retryable).toBe(false);
  });

  it('400 → rejection with the venue code, not retried', async () => {
    const body = { error: { code: 'invalid_order', message: 'invalid order', details: 'post only cross' } };
    const f = scriptedFetch(() => json(body, 400));
    const { http } = makeHttp(f.fetch);
    const error = await failure(http.createOrder(CREATE));
    expect(error).toMatchObject({
      kind: 'rejection',
      venueCode: 'invalid_order',
      httpStatus: 400,
      outcomeUnknown: false,
    });
    expect(f.calls).toHaveLength(1);
  });

  it('500 on a read → transport, retryable; on a write → outcome unknown, never retried', async () => {
    const f = scriptedFetch(() => json({ error: { code: 'internal', message: 'x' } }, 500));
    const { http } = makeHttp(f.fetch);
    const read = await failure(http.getOrders());
    expect(read).toMatchObject({ kind: 'transport', retryable: true, outcomeUnknown: false });
    const write = await failure(http.createOrder(CREATE));
    expect(write).toMatchObject({
      kind: 'outcome_unknown',
      retryable: false,
      outcomeUnknown: true,
      code: 'OUTCOME_UNKNOWN',
    });
    expect(f.calls).toHaveLength(2);
  });

  it('a timeout on a write → outcome unknown; on a read → transport', async () => {
    const f = scriptedFetch(hang);
    const { http } = makeHttp(f.fetch, { timeoutMs: 20 });
    expect((await failure(http.createOrder(CREATE))).kind).toBe('outcome_unknown');
    expect((await failure(http.cancelOrder(ORDER_ID))).kind).toBe('outcome_unknown');
    expect((await failure(http.getBalance())).kind).toBe('transport');
  });

  it('a dropped connection on a write → outcome unknown', async () => {
    const f = scriptedFetch(() => Promise.reject(new TypeError('fetch failed')));
    const { http } = makeHttp(f.fetch);
    expect(await failure(http.createOrder(CREATE))).toMatchObject({
      kind: 'outcome_unknown',
      outcomeUnknown: true,
    });
  });

  it('a non-JSON 502 page is still classified by its status', async () => {
    const f = scriptedFetch(() => new Response('<html>bad gateway</html>', { status: 502 }));
    const { http } = makeHttp(f.fetch);
    expect((await failure(http.createOrder(CREATE))).kind).toBe('outcome_unknown');
  });
});

describe('KalshiHttp create', () => {
  it('a 201 without an order id is a rejection (not pending) and turns the contract light red', async () => {
    const { http, contract } = makeHttp(scriptedFetch(() => json({}, 201)).fetch);
    const error = await failure(http.createOrder(CREATE));
    expect(error).toMatchObject({ kind: 'rejection', outcomeUnknown: false, field: 'order_id' });
    expect(contract.state().status).toBe('red');
  });

  it('a 2xx create with an order id but a broken field → contract error with outcome unknown', async () => {
    const { http, contract } = makeHttp(
      scriptedFetch(() => json({ ...ACK, remaining_count: 10 }, 201)).fetch,
    );
    const error = await failure(http.createOrder(CREATE));
    expect(error).toMatchObject({ kind: 'contract', field: 'remaining_count', outcomeUnknown: true });
    expect(contract.state().violations[0]).toMatchObject({
      where: 'POST /portfolio/events/orders',
      field: 'remaining_count',
    });
  });

  it('a broken read answer is a contract error without outcome unknown', async () => {
    const { http } = makeHttp(
      scriptedFetch(() => json({ balance_dollars: 12.34, portfolio_value: 0 })).fetch,
    );
    expect(await failure(http.getBalance())).toMatchObject({
      kind: 'contract',
      field: 'balance_dollars',
      outcomeUnknown: false,
    });
  });

  it('409 duplicate client_order_id → looks the order up instead of failing', async () => {
    const duplicate = {
      error: { code: 'order_already_exists', message: 'order with this client_order_id already exists' },
    };
    const order = venueOrder({ client_order_id: 'pt-1', fill_count_fp: '2.00', remaining_count_fp: '8.00' });
    const f = scriptedFetch(
      () => json(duplicate, 409),
      () =>
        json({
          orders: [
            venueOrder({ order_id: 'aa9f3b2c-1d5e-4c1a-9a57-3a1f0c2b7d10', client_order_id: 'other' }),
          ],
          cursor: 'p2',
        }),
      () => json({ orders: [order], cursor: '' }),
    );
    const { http } = makeHttp(f.fetch);
    const ack = await http.createOrder(CREATE);
    expect(ack).toMatchObject({
      orderId: ORDER_ID,
      fillCountE2: 200,
      remainingCountE2: 800,
      isFromDuplicateLookup: true,
    });
    expect(f.calls[1]?.url.searchParams.get('ticker')).toBe(CREATE.ticker);
    expect(f.calls[2]?.url.searchParams.get('cursor')).toBe('p2');
  });

  it('409 duplicate but not listed yet → outcome unknown', async () => {
    const duplicate = { error: { code: 'order_already_exists', message: 'exists' } };
    const f = scriptedFetch(
      () => json(duplicate, 409),
      () => json({ orders: [], cursor: '' }),
    );
    const { http } = makeHttp(f.fetch);
    expect((await failure(http.createOrder(CREATE))).kind).toBe('outcome_unknown');
  });

  it('batch create returns per-item results', async () => {
    const body = {
      orders: [
        ACK,
        {
          client_order_id: 'pt-2',
          error: { code: 'invalid_order', message: 'invalid order', details: 'post only cross' },
        },
        { client_order_id: 'pt-3' },
      ],
    };
    const f = scriptedFetch(() => json(body, 201));
    const { http, limiter } = makeHttp(f.fetch);
    const results = await http.batchCreateOrders([
      CREATE,
      { ...CREATE, clientOrderId: 'pt-2' },
      { ...CREATE, clientOrderId: 'pt-3' },
    ]);
    expect(results[0]).toMatchObject({ isOk: true, value: { orderId: ORDER_ID } });
    expect(results[1]).toMatchObject({
      isOk: false,
      error: { code: 'invalid_order' },
      clientOrderId: 'pt-2',
    });
    expect(results[2]).toMatchObject({
      isOk: false,
      error: { code: 'missing_order_id' },
      clientOrderId: 'pt-3',
    });
    expect(limiter.acquired[0]).toEqual({ bucket: 'write', cost: 30, priority: 'order' });
  });
});

function venueOrder(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    order_id: ORDER_ID,
    user_id: 'u',
    client_order_id: 'pt-1',
    ticker: CREATE.ticker,
    side: 'yes',
    action: 'buy',
    outcome_side: 'yes',
    book_side: 'bid',
    type: 'limit',
    status: 'resting',
    yes_price_dollars: '0.5600',
    no_price_dollars: '0.4400',
    fill_count_fp: '0.00',
    remaining_count_fp: '10.00',
    initial_count_fp: '10.00',
    taker_fill_cost_dollars: '0.000000',
    maker_fill_cost_dollars: '0.000000',
    taker_fees_dollars: '0.000000',
    maker_fees_dollars: '0.000000',
    created_time: '2026-11-25T12:00:00Z',
    last_update_time: '2026-11-25T12:00:01Z',
    ...overrides,
  };
}
