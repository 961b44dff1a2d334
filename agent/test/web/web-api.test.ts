/**
 * The agent endpoints the web needs, on the REAL agent process against the REAL simulator:
 * `order.updated` on the `orders` stream for every lifecycle step of an order (placed, resting,
 * canceled), `GET /v1/markets` (the simulator's open markets with status, series, close time and
 * book liveness, parsed with the protocol schema), `GET /v1/sentiment` refused clearly without
 * vibe, and the risk settings read and written with the protocol's RiskSettings.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgentSentimentResponse,
  CredentialsOverview,
  EnvironmentOverview,
  ErrorBody,
  MarketsResponse,
  OrderResponse,
  RiskSettings,
  TradingState,
} from '@pt/protocol';
import type { Order, ServerMessage } from '@pt/protocol';
import { readyClient } from '../stream/stream-harness.js';
import type { SimAgent } from '../e2e/helpers.js';
import { callAgent, pairDevice, startSimAgent } from '../e2e/helpers.js';

let running: SimAgent | undefined;
let token = '';

beforeAll(async () => {
  running = await startSimAgent();
  ({ token } = await pairDevice(running));
}, 90_000);

afterAll(async () => {
  await running?.kill();
}, 30_000);

function agent(): SimAgent {
  if (running === undefined) throw new Error('agent not started');
  return running;
}

const call = (method: string, path: string, body?: unknown): Promise<Response> =>
  callAgent(agent().origin, token, method, path, body);

async function simOpenTickers(): Promise<string[]> {
  const sim = agent().sim;
  if (sim === undefined) throw new Error('no simulator');
  const res = await fetch(`${sim.rest}/markets?status=open&limit=1000`);
  const { markets } = (await res.json()) as { markets: { ticker: string }[] };
  return markets.map((m) => m.ticker);
}

async function waitForActive(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = TradingState.parse(await (await call('GET', '/v1/trading-state')).json());
    if (state.mode === 'active') return;
    if (Date.now() > deadline) throw new Error(`trading never became active: ${state.reason}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the agent endpoints the web uses', () => {
  it('lists the open markets of the venue with series, close time and liveness', async () => {
    const res = await call('GET', '/v1/markets');
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const listing = MarketsResponse.parse(JSON.parse(text));
    const open = await simOpenTickers();
    expect(open.length).toBeGreaterThan(0);
    expect(listing.isTruncated).toBe(false);
    expect(new Set(listing.markets.map((m) => m.ticker))).toEqual(new Set(open));
    const weather = listing.markets.find((m) => m.ticker.startsWith('KXHIGHNY'));
    expect(weather).toMatchObject({ status: 'active', seriesTicker: 'KXHIGHNY' });
    expect(weather?.closeTimeMs).toBeGreaterThan(0);
    // Nobody follows a book yet: no market is `live`.
    expect(listing.markets.every((m) => m.liveness === 'not_followed')).toBe(true);
    // Close times ascending (the soonest first).
    const closes = listing.markets.map((m) => m.closeTimeMs);
    expect(closes).toEqual([...closes].sort((a, b) => a - b));
  });

  it('refuses the sentiment view with a clear 503 when vibe is not configured', async () => {
    const res = await call('GET', '/v1/sentiment');
    expect(res.status).toBe(503);
    const body = ErrorBody.parse(await res.json());
    expect(body.message).toContain('vibe');
    expect(AgentSentimentResponse.safeParse(body).success).toBe(false);
  });

  it('reads and writes the risk settings with the protocol schema', async () => {
    const before = RiskSettings.parse(await (await call('GET', '/v1/risk/settings')).json());
    const wanted = { ...before, maxOpenOrders: before.maxOpenOrders - 1 };
    const put = await call('PUT', '/v1/risk/settings', wanted);
    expect(put.status).toBe(200);
    expect(RiskSettings.parse(await put.json())).toEqual(wanted);
    expect(RiskSettings.parse(await (await call('GET', '/v1/risk/settings')).json())).toEqual(wanted);
    const bad = await call('PUT', '/v1/risk/settings', { ...wanted, maxOrderNotionalE6: 1.5 });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('maxOrderNotionalE6');
  });

  it('publishes order.updated on the orders stream for each step of an order', async () => {
    await waitForActive();
    const client = await readyClient(agent().wsUrl, token, { origin: agent().origin });
    const updates: Order[] = [];
    client.send({ type: 'subscribe', streams: ['orders'], tickers: [] });
    while ((await client.next(10_000)).type !== 'subscribed');
    const ticker = (await simOpenTickers()).find((t) => t.startsWith('KXHIGHNY'));
    if (ticker === undefined) throw new Error('the sim serves no open KXHIGHNY market');
    const placed = await call('POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      maxSlippageE4: 9_999,
    });
    expect(placed.status).toBe(201);
    const { order } = OrderResponse.parse(await placed.json());
    if (order.orderId === null) throw new Error('a resting order has a venue id');
    expect((await call('DELETE', `/v1/orders/${order.orderId}`)).status).toBe(200);
    const deadline = Date.now() + 15_000;
    while (!updates.some((o) => o.status === 'canceled')) {
      const message: ServerMessage = await client.next(Math.max(1, deadline - Date.now()));
      if (message.type === 'order.updated' && message.order.clientOrderId === order.clientOrderId)
        updates.push(message.order);
    }
    client.ws.close();
    const statuses = updates.map((o) => o.status);
    expect(statuses[0]).toBe('submitting');
    expect(statuses).toContain('resting');
    expect(statuses.at(-1)).toBe('canceled');
  }, 60_000);

  it('stores a demo key and lists its id and fingerprint (never the key)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyId = randomUUID();
    const put = await call('PUT', '/v1/credentials', {
      environment: 'demo',
      keyId,
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const putText = await put.text();
    expect(put.status, putText).toBe(200);
    const listed = await call('GET', '/v1/credentials');
    const text = await listed.text();
    expect(listed.status, text).toBe(200);
    const overview = CredentialsOverview.parse(JSON.parse(text));
    expect(overview.credentials.map((c) => [c.environment, c.keyId])).toEqual([['demo', keyId]]);
    expect(text).not.toContain('PRIVATE KEY');
    const environment = await call('GET', '/v1/environment');
    const overviewText = await environment.text();
    expect(environment.status, overviewText).toBe(200);
    expect(EnvironmentOverview.parse(JSON.parse(overviewText)).blockers.demo).not.toContain('KEYS_MISSING');
  });
});
