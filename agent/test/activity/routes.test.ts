/**
 * `GET /v1/activity` over a real loopback HTTP server: the real app, guard and bearer middleware
 * (a device paired in the real registry), the real feed on a real store.
 */
import { ACTIVITY_PATH, ActivityPage, ErrorBody, countE2, priceE4 } from '@pt/protocol';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlaced, riskDenied } from '../../src/activity/index.js';
import { createApp } from '../../src/api/app.js';
import { createRequestGuard } from '../../src/api/guard/index.js';
import { activityRoutes } from '../../src/api/routes/activity.routes.js';
import { startServer } from '../../src/api/server.js';
import type { RunningServer } from '../../src/api/server.js';
import { bearerAuth } from '../../src/auth/bearer.middleware.js';
import { DeviceRegistry } from '../../src/auth/device-registry.js';
import { activityWorld } from './harness.js';
import type { ActivityWorld } from './harness.js';

const logger = pino({ level: 'silent' });
const TICKER = 'KXHIGHNY-25NOV25-B58.5';

let w: ActivityWorld;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  w = activityWorld();
  let port = 0;
  const registry = new DeviceRegistry({ dataDir: w.dataDir, idleExpiryDays: 30 });
  const app = createApp({
    logger,
    health: () => ({ status: 'ok', version: '0.0.0', protocolVersion: 1, environment: 'sim' }),
    guard: createRequestGuard({ port: () => port, allowedOrigins: [], logger }),
    protectedApi: { authenticate: bearerAuth(registry), routes: [activityRoutes(w.feed)] },
  });
  server = await startServer(app, 0);
  port = server.port;
  token = registry.pair('Activity test', origin()).token;
  const terms = { side: 'bid' as const, priceE4: priceE4(5600), countE2: countE2(100) };
  await Promise.all(
    Array.from({ length: 25 }, (_, n) =>
      w.recorder.record(
        n % 5 === 0
          ? riskDenied({
              rule: 'MAX_ORDER_SIZE',
              detail: 'over 10 contracts',
              ticker: TICKER,
              clientOrderId: `pt-${n}`,
            })
          : orderPlaced(
              { ticker: n % 2 === 0 ? TICKER : 'KXCPI-25DEC-T0.3', clientOrderId: `pt-${n}` },
              terms,
            ),
      ),
    ),
  );
});

afterAll(async () => {
  await server.close(100);
  await w.close();
});

function origin(): string {
  return `http://127.0.0.1:${server.port}`;
}

function get(query: string, withToken = true): Promise<Response> {
  return fetch(`${origin()}${ACTIVITY_PATH}${query}`, {
    headers: { origin: origin(), ...(withToken ? { authorization: `Bearer ${token}` } : {}) },
  });
}

async function pageOf(query: string): Promise<ActivityPage> {
  const response = await get(query);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return ActivityPage.parse(await response.json());
}

describe('GET /v1/activity', () => {
  it('needs a token', async () => {
    expect((await get('', false)).status).toBe(401);
  });

  it('walks every page newest first through the opaque cursor', async () => {
    const all = await pageOf('?limit=500');
    expect(all.events).toHaveLength(25);
    expect(all.nextCursor).toBeNull();
    const walked: string[] = [];
    let query = '?limit=4';
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await pageOf(query);
      walked.push(...page.events.map((event) => event.id));
      if (page.nextCursor === null) break;
      query = `?limit=4&cursor=${page.nextCursor}`;
    }
    expect(walked).toEqual(all.events.map((event) => event.id));
  });

  it('filters by ticker and kind (comma-separated or repeated)', async () => {
    const risk = await pageOf(`?ticker=${TICKER}&kind=risk`);
    expect(risk.events).toHaveLength(5);
    expect(risk.events.every((event) => event.kind === 'risk' && event.ticker === TICKER)).toBe(true);
    const both = await pageOf('?kind=risk,order');
    const repeated = await pageOf('?kind=risk&kind=order');
    expect(both.events).toHaveLength(25);
    expect(repeated).toEqual(both);
    const none = await pageOf(`?sinceMs=${w.clock.nowMs + 1}`);
    expect(none).toEqual({ events: [], nextCursor: null });
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=501', 'limit'],
    ['?limit=ten', 'limit'],
    ['?kind=order,nope', 'kind[1]'],
    ['?ticker=lower', 'ticker'],
    ['?sinceMs=-5', 'sinceMs'],
    ['?untilMs=1.5', 'untilMs'],
    ['?cursor=***', 'cursor'],
    ['?cursor=bm9wZQ', 'cursor'],
    ['?bogus=1', 'bogus'],
    ['?limit=1&limit=2', 'limit'],
  ])('answers 422 naming the parameter for %s', async (query, field) => {
    const response = await get(query);
    expect(response.status).toBe(422);
    const body = ErrorBody.parse(await response.json());
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message.startsWith(`${field}: `)).toBe(true);
    expect(body.details).toMatchObject({ field });
  });
});
