/**
 * Conformance: the official SDK `kalshi-typescript` 3.30.0, unchanged, drives the real sim
 * process over loopback — exchange status, markets, order book, balance, V2 create (201), list
 * orders, cancel. The SDK signs requests itself with Date.now(), so this also proves our
 * RSA-PSS verification accepts the official client's signatures.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AxiosStatic } from 'axios' with { 'resolution-mode': 'require' };
import { Configuration, ExchangeApi, MarketApi, OrdersApi, PortfolioApi } from 'kalshi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimProcess, type RunningSimProcess } from './sim-process.js';

// The SDK is CommonJS and types its constructor with axios's CommonJS declarations; loading axios
// the same way gives the SDK exactly the axios module (and types) it was built against.
const axios = createRequire(import.meta.url)('axios') as AxiosStatic;

const KEY_ID = 'conformance-key';
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyEntry = {
  key_id: KEY_ID,
  public_key_pem: String(publicKey.export({ type: 'spki', format: 'pem' })),
};

let sim: RunningSimProcess;
let tmp: string;
let sdk: { exchange: ExchangeApi; market: MarketApi; portfolio: PortfolioApi; orders: OrdersApi };

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'sim-conformance-'));
  const keysFile = join(tmp, 'keys.json');
  writeFileSync(keysFile, JSON.stringify([keyEntry]));
  sim = await startSimProcess(['--keys', keysFile, '--seed', '42']);
  // Registering the same key again through the admin API opens its funded account if the CLI did
  // not already (it never re-funds), so the test does not depend on who funds keyed users.
  const admin = await fetch(`${sim.origin}/_sim/keys`, { method: 'POST', body: JSON.stringify([keyEntry]) });
  expect(admin.status).toBe(201);

  const configuration = new Configuration({
    apiKey: KEY_ID,
    privateKeyPem: String(privateKey.export({ type: 'pkcs8', format: 'pem' })),
    basePath: sim.ready.rest, // no trailing slash
  });
  // One axios instance per API object: the SDK adds its signing interceptor in each constructor.
  const make = <T>(
    Api: new (c: Configuration, base: string, instance: ReturnType<typeof axios.create>) => T,
  ) => new Api(configuration, sim.ready.rest, axios.create());
  sdk = {
    exchange: make(ExchangeApi),
    market: make(MarketApi),
    portfolio: make(PortfolioApi),
    orders: make(OrdersApi),
  };
}, 90_000);

afterAll(async () => {
  await sim?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('kalshi-typescript 3.30.0 against the sim', () => {
  it('reads exchange status', async () => {
    const { status, data } = await sdk.exchange.getExchangeStatus();
    expect(status).toBe(200);
    expect(data.exchange_active).toBe(true);
    expect(typeof data.trading_active).toBe('boolean');
  });

  it('lists open markets and reads a two-sided order book', async () => {
    const { data } = await sdk.market.getMarkets(
      100,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'open',
    );
    expect(data.markets.length).toBeGreaterThan(0);
    const market = data.markets.find((m) => m.price_level_structure === 'linear_cent') ?? data.markets[0];
    if (!market) throw new Error('no market');
    const book = await sdk.market.getMarketOrderbook(market.ticker);
    expect(book.status).toBe(200);
    expect(Array.isArray(book.data.orderbook_fp.yes_dollars)).toBe(true);
    expect(Array.isArray(book.data.orderbook_fp.no_dollars)).toBe(true);
    expect(
      book.data.orderbook_fp.yes_dollars.length + book.data.orderbook_fp.no_dollars.length,
    ).toBeGreaterThan(0);
  });

  it('reads the balance with integer cents and balance_dollars', async () => {
    const { status, data } = await sdk.portfolio.getBalance();
    expect(status).toBe(200);
    expect(Number.isInteger(data.balance)).toBe(true);
    expect(data.balance).toBeGreaterThan(0);
    expect(data.balance_dollars).toMatch(/^\d+\.\d{4}$/);
  });

  it('creates a V2 order (201), lists it, and cancels it', async () => {
    const { data: markets } = await sdk.market.getMarkets(1000);
    const market = markets.markets.find(
      (m) => m.status === 'active' && m.price_level_structure === 'linear_cent',
    );
    if (!market) throw new Error('no active linear_cent market');
    const { data: status } = await sdk.exchange.getExchangeStatus();
    const request = {
      ticker: market.ticker,
      side: 'bid' as const,
      count: '1',
      price: '0.01', // far below any recorded bid: it rests instead of trading
      time_in_force: 'good_till_canceled' as const,
      self_trade_prevention_type: 'taker_at_cross' as const,
      client_order_id: `conformance-${Date.now()}`,
    };
    if (!status.trading_active) {
      // Inside the Thursday maintenance window the venue must refuse placement.
      await expect(sdk.orders.createOrderV2(request)).rejects.toMatchObject({ response: { status: 400 } });
      return;
    }
    const created = await sdk.orders.createOrderV2(request);
    expect(created.status).toBe(201);
    expect(created.data.remaining_count).toBe('1.00');
    const orderId = created.data.order_id;

    const listed = await sdk.orders.getOrders(market.ticker, undefined, undefined, undefined, 'resting');
    expect(listed.data.orders.map((o) => o.order_id)).toContain(orderId);
    const order = listed.data.orders.find((o) => o.order_id === orderId);
    expect(order).toMatchObject({
      book_side: 'bid',
      yes_price_dollars: '0.0100',
      remaining_count_fp: '1.00',
    });

    const cancelled = await sdk.orders.cancelOrderV2(orderId);
    expect(cancelled.status).toBe(200);
    expect(cancelled.data.reduced_by).toBe('1.00');
    const after = await sdk.orders.getOrder(orderId);
    expect(after.data.order.status).toBe('canceled');
  });

  it('rejects a request signed by an unknown key with the Kalshi 401 body', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const api = new PortfolioApi(
      new Configuration({
        apiKey: 'unknown-key',
        privateKeyPem: String(stranger.privateKey.export({ type: 'pkcs8', format: 'pem' })),
        basePath: sim.ready.rest,
      }),
      sim.ready.rest,
      axios.create(),
    );
    await expect(api.getBalance()).rejects.toMatchObject({
      response: { status: 401, data: { error: { code: 'authentication_error' } } },
    });
  });
});
