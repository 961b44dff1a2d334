/**
 * `/v1/orders` over a real loopback HTTP server: the real app, guard and bearer middleware (a
 * device paired in the real registry), TradingControls and the ExecutionHost over the real
 * EnvironmentRuntime on the simulator (real connector, real SQLite ledger).
 */
import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  CANCEL_ALL_PATH,
  CancelAllResponse,
  ErrorBody,
  ORDERS_PATH,
  OrderList,
  OrderResponse,
  type MarketTicker,
} from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createRequestGuard } from '../../src/api/guard/index.js';
import { ordersRoutes } from '../../src/api/routes/orders.routes.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { bearerAuth } from '../../src/auth/bearer.middleware.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { ExecutionHost, ExecutionService } from '../../src/execution/index.js';
import { TradingControls } from '../../src/trading-controls/index.js';
import { createHarness, eventually, logger, type Harness } from '../environment/harness.js';
import { startSimVenue, type SimVenue } from '../helpers/sim-venue.js';
import { requireKeychain } from '../keychain/keyring-env.js';
import { restingRequest } from './harness.js';

let sim: SimVenue;
let h: Harness;
let host: ExecutionHost;
let controls: TradingControls;
let server: RunningServer;
let token: string;
let ticker: MarketTicker;
let offline: ExecutionService;

beforeAll(async () => {
  await requireKeychain();
  sim = await startSimVenue({ seed: 41 });
  h = createHarness({ sim });
  await h.runtime.start();
  const connector = h.connectors[0];
  if (connector === undefined) throw new Error('no sim connector');
  await eventually(() => connector.tradingState().mode === 'active', 30_000);
  const markets = await connector.http.getMarkets({ status: 'open', limit: 200 });
  const market = markets.items.find((m) => m.ticker.startsWith('KXHIGHNY'));
  if (market === undefined) throw new Error('the sim serves no open KXHIGHNY market');
  ticker = market.ticker;
  connector.subscribeMarkets([ticker]);
  await eventually(() => connector.quotableBook(ticker) !== null);

  controls = new TradingControls({ runtime: h.runtime, logger });
  host = new ExecutionHost({
    runtime: h.runtime,
    logger,
    tradingState: () => controls.tradingState(),
    riskSettings: () => controls.riskSettings(),
  });
  // The same road with no venue: what the routes answer while none runs.
  offline = ExecutionService.open({ ledger: h.runtime.current().store.ledger, venue: () => null, logger });
  const registry = new DeviceRegistry({ dataDir: h.dataDir, idleExpiryDays: 30 });
  let port = 0;
  const app = createApp({
    logger,
    health: () => ({ status: 'ok', version: '0.0.0', protocolVersion: 1, environment: 'sim' }),
    guard: createRequestGuard({ port: () => port, allowedOrigins: [], logger }),
    protectedApi: {
      authenticate: bearerAuth(registry),
      routes: [
        ordersRoutes({
          execution: () => (offlineMode ? offline : host.current()),
        }),
      ],
    },
  });
  server = await startServer(app, 0);
  port = server.port;
  token = registry.pair('Orders test', origin()).token;
}, 90_000);

let offlineMode = false;

afterAll(async () => {
  offline.close();
  host.close();
  await server.close(100);
  // Not h.cleanup(): it clears the demo/live keychain entries other suites may be using.
  await h.runtime.stop();
  rmSync(h.dataDir, { recursive: true, force: true });
  await sim.stop();
});

function origin(): string {
  return `http://127.0.0.1:${server.port}`;
}

function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${origin()}${path}`, {
    method,
    headers: {
      origin: origin(),
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function errorOf(response: Response, status: number): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  return ErrorBody.parse(await response.json());
}

describe('/v1/orders', () => {
  it('places (201), answers the same clientOrderId with the same order (200), lists it first', async () => {
    const clientOrderId = `ticket-${randomUUID()}`;
    const placed = await call('POST', ORDERS_PATH, restingRequest(ticker, clientOrderId));
    expect(placed.status).toBe(201);
    expect(placed.headers.get('cache-control')).toBe('no-store');
    const { order } = OrderResponse.parse(await placed.json());
    expect(order).toMatchObject({ status: 'resting', clientOrderId, origin: { kind: 'manual' } });
    const again = await call('POST', ORDERS_PATH, restingRequest(ticker, clientOrderId));
    expect(again.status).toBe(200);
    expect(OrderResponse.parse(await again.json()).order.orderId).toBe(order.orderId);
    const list = OrderList.parse(await (await call('GET', ORDERS_PATH)).json());
    expect(list.orders[0]?.status).toBe('resting');
    expect(list.orders.filter((o) => o.clientOrderId === clientOrderId)).toHaveLength(1);
  });

  it('names the bad field (422 VALIDATION_FAILED)', async () => {
    const body = await errorOf(
      await call('POST', ORDERS_PATH, { ...restingRequest(ticker), countE2: 0 }),
      422,
    );
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'countE2' } });
    expect(body.message.startsWith('countE2')).toBe(true);
    const unknownField = await errorOf(
      await call('POST', ORDERS_PATH, { ...restingRequest(ticker), extra: 1 }),
      422,
    );
    expect(unknownField.code).toBe('VALIDATION_FAILED');
    const badId = await errorOf(await call('DELETE', `${ORDERS_PATH}/not-an-id`), 422);
    expect(badId).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'orderId' } });
    expect(badId.message.startsWith('orderId')).toBe(true);
    const emptyAmend = await errorOf(await call('PATCH', `${ORDERS_PATH}/${randomUUID()}`, {}), 422);
    expect(emptyAmend).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'priceE4' } });
    const notOurs = await errorOf(await call('DELETE', `${ORDERS_PATH}/${randomUUID()}`), 404);
    expect(notOurs.details).toMatchObject({ field: 'orderId' });
  });

  it('a denial is 422 RISK_DENIED with { rule, detail }; a halt is 409 TRADING_HALTED', async () => {
    const big = await errorOf(
      await call('POST', ORDERS_PATH, { ...restingRequest(ticker), countE2: 1_000_000 }),
      422,
    );
    expect(big).toMatchObject({ code: 'RISK_DENIED', details: { rule: 'MAX_ORDER_SIZE' } });
    expect(typeof big.details?.['detail']).toBe('string');
    const fat = await errorOf(
      await call('POST', ORDERS_PATH, { ...restingRequest(ticker), maxSlippageE4: 10 }),
      422,
    );
    expect(fat).toMatchObject({ code: 'RISK_DENIED', details: { rule: 'FAT_FINGER' } });

    const device = { deviceId: 'dev_ordertest0001', name: 'Orders test', origin: origin() };
    await controls.setMode({ mode: 'halted', reason: 'orders route test' }, device);
    try {
      const halted = await errorOf(await call('POST', ORDERS_PATH, restingRequest(ticker)), 409);
      expect(halted).toMatchObject({ code: 'TRADING_HALTED', details: { rule: 'TRADING_HALTED' } });
    } finally {
      await controls.setMode({ mode: 'active', reason: 'orders route test done' }, device);
    }
  });

  it('amends (through risk), cancels, and cancel-all empties the venue', async () => {
    const placed = OrderResponse.parse(
      await (await call('POST', ORDERS_PATH, restingRequest(ticker))).json(),
    );
    const orderId = placed.order.orderId ?? '';
    // The amend meets the fat-finger guard again (default $0.10): a price a little under the mid.
    const book = h.connectors[0]?.quotableBook(ticker);
    const [bid, ask] = [book?.yesBids[0]?.priceE4 ?? 1, book?.yesAsks[0]?.priceE4 ?? 9_999];
    const priceE4 = Math.max(1, Math.floor((bid + ask) / 2) - 500);
    expect(priceE4).toBeLessThan(ask);
    const amended = await call('PATCH', `${ORDERS_PATH}/${orderId}`, { priceE4, countE2: 300 });
    expect(amended.status).toBe(200);
    expect(OrderResponse.parse(await amended.json()).order).toMatchObject({ priceE4, countE2: 300 });
    const tooBig = await errorOf(
      await call('PATCH', `${ORDERS_PATH}/${orderId}`, { countE2: 1_000_000 }),
      422,
    );
    expect(tooBig).toMatchObject({ code: 'RISK_DENIED', details: { rule: 'MAX_ORDER_SIZE' } });
    const canceled = await call('DELETE', `${ORDERS_PATH}/${orderId}`);
    expect(canceled.status).toBe(200);
    expect(OrderResponse.parse(await canceled.json()).order.status).toBe('canceled');

    await call('POST', ORDERS_PATH, restingRequest(ticker));
    const all = await call('POST', CANCEL_ALL_PATH);
    expect(all.status).toBe(200);
    const result = CancelAllResponse.parse(await all.json());
    expect(result.canceled.length).toBeGreaterThan(0);
    expect(result.unknown).toEqual([]);
    const list = OrderList.parse(await (await call('GET', ORDERS_PATH)).json());
    expect(list.orders.filter((o) => o.status === 'resting')).toEqual([]);
  });

  it('answers 503 VENUE_UNAVAILABLE without a venue', async () => {
    offlineMode = true;
    try {
      const body = await errorOf(await call('POST', ORDERS_PATH, restingRequest(ticker)), 503);
      expect(body).toMatchObject({ code: 'VENUE_UNAVAILABLE', retryable: true });
      expect((await errorOf(await call('POST', CANCEL_ALL_PATH), 503)).code).toBe('VENUE_UNAVAILABLE');
    } finally {
      offlineMode = false;
    }
  });
});
