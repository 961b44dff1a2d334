import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { KeyRegistry } from '../auth/key-registry.js';
import { kalshiAuth, type AuthEnv } from '../auth/middleware.js';
import { signRequest } from '../auth/sign-request.js';
import { makeTestKey } from '../auth/test-keys.js';
import { accountRoutes } from '../rest/account/index.js';
import { rateLimit } from './middleware.js';
import { RateLimiter } from './rate-limiter.js';

const alice = makeTestKey('key-alice');

function setup() {
  let nowMs = 1_764_000_000_000;
  const ctx = {
    keys: new KeyRegistry([alice.entry]),
    limiter: new RateLimiter('basic'),
    clock: { nowMs: () => nowMs },
  };
  const api = new Hono<AuthEnv>();
  api.use('/portfolio/*', kalshiAuth(ctx), rateLimit(ctx));
  api.use('/account/*', kalshiAuth(ctx), rateLimit(ctx));
  api.post('/portfolio/events/orders', (c) => c.json({ ok: true }, 201));
  api.delete('/portfolio/events/orders/batched', async (c) => c.json(await c.req.json()));
  api.route('/', accountRoutes(ctx));
  const app = new Hono();
  app.route('/trade-api/v2', api);
  const call = (method: string, apiPath: string, body?: unknown) =>
    app.request(`/trade-api/v2${apiPath}`, {
      method,
      headers: {
        ...signRequest('key-alice', alice.privateKey, method, `/trade-api/v2${apiPath}`, nowMs),
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { call, advanceMs: (ms: number) => (nowMs += ms) };
}

describe('rateLimit middleware', () => {
  it('answers 429 with the bare-string body and no Retry-After once the write bucket is empty', async () => {
    const { call, advanceMs } = setup();
    for (let i = 0; i < 10; i++) expect((await call('POST', '/portfolio/events/orders')).status).toBe(201);
    const limited = await call('POST', '/portfolio/events/orders');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'too many requests' });
    expect(limited.headers.get('retry-after')).toBeNull();
    // Reads use their own bucket.
    expect((await call('GET', '/account/limits')).status).toBe(200);
    advanceMs(100); // 100 ms at 100 tokens/s = exactly one create
    expect((await call('POST', '/portfolio/events/orders')).status).toBe(201);
    expect((await call('POST', '/portfolio/events/orders')).status).toBe(429);
  });

  it('charges a batch cancel per item and leaves the body readable for the handler', async () => {
    const { call } = setup();
    const orders = Array.from({ length: 50 }, (_, i) => ({ order_id: `o${i}` }));
    const res = await call('DELETE', '/portfolio/events/orders/batched', { orders });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ orders });
    // 50 × 2 = 100 tokens: the Basic write bucket is now empty.
    expect(
      (await call('DELETE', '/portfolio/events/orders/batched', { orders: [{ order_id: 'x' }] })).status,
    ).toBe(429);
  });
});

describe('accountRoutes', () => {
  it('reports Basic limits and endpoint costs in the documented shapes', async () => {
    const { call } = setup();
    const limits = await call('GET', '/account/limits');
    expect(await limits.json()).toEqual({
      usage_tier: 'basic',
      read: { refill_rate: 200, bucket_capacity: 600 },
      write: { refill_rate: 100, bucket_capacity: 100 },
      grants: [],
    });
    const costs: unknown = await (await call('GET', '/account/endpoint_costs')).json();
    expect(costs).toMatchObject({ default_cost: 10 });
    const listed = JSON.stringify(costs);
    expect(listed).toContain('{"method":"DELETE","path":"/portfolio/events/orders/:order_id","cost":2}');
    expect(listed).toContain('{"method":"GET","path":"/portfolio/orders/:order_id","cost":2}');
  });
});
