import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { keyAdminRoutes } from './key-admin-routes.js';
import { DEFAULT_STARTING_BALANCE_E6, KeyRegistry } from './key-registry.js';
import { openAccounts } from './open-accounts.js';
import { kalshiAuth, type AuthEnv } from './middleware.js';
import { signRequest } from './sign-request.js';
import { makeTestKey } from './test-keys.js';

const alice = makeTestKey('key-alice', 'user-alice');
const NOW_MS = 1_764_000_000_000;

function buildApp(keys: KeyRegistry) {
  const ctx = { keys, clock: { nowMs: () => NOW_MS } };
  const api = new Hono<AuthEnv>();
  api.use('*', kalshiAuth(ctx));
  api.get('/portfolio/balance', (c) => c.json({ user: c.get('userId'), key: c.get('keyId') }));
  const app = new Hono();
  app.route('/trade-api/v2', api);
  app.route('/_sim', keyAdminRoutes(ctx));
  return app;
}

describe('kalshiAuth middleware', () => {
  it('signs the full mounted path and exposes the user to handlers', async () => {
    const app = buildApp(new KeyRegistry([alice.entry]));
    const path = '/trade-api/v2/portfolio/balance';
    const res = await app.request(`${path}?x=1`, {
      headers: signRequest('key-alice', alice.privateKey, 'GET', path, NOW_MS),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: 'user-alice', key: 'key-alice' });
  });

  it('answers 401 with the real Kalshi body shape', async () => {
    const app = buildApp(new KeyRegistry([alice.entry]));
    const headers = signRequest('key-alice', alice.privateKey, 'GET', '/portfolio/balance', NOW_MS);
    const res = await app.request('/trade-api/v2/portfolio/balance', { headers });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        code: 'authentication_error',
        message: 'authentication_error',
        details: 'rpc error: code = Unauthenticated desc = INCORRECT_API_KEY_SIGNATURE',
      },
    });
    expect((await app.request('/trade-api/v2/portfolio/balance')).status).toBe(401);
  });

  it('lets the admin route register a key that then authenticates', async () => {
    const keys = new KeyRegistry();
    const app = buildApp(keys);
    const bob = makeTestKey('key-bob');
    const added = await app.request('/_sim/keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([bob.entry]),
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ keys: [{ key_id: 'key-bob', user_id: 'key-bob' }] });
    const path = '/trade-api/v2/portfolio/balance';
    const res = await app.request(path, {
      headers: signRequest('key-bob', bob.privateKey, 'GET', path, NOW_MS),
    });
    expect(res.status).toBe(200);

    const bad = await app.request('/_sim/keys', { method: 'POST', body: JSON.stringify([{ key_id: 'k' }]) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('public_key_pem');
  });
});

describe('openAccounts and funded admin keys', () => {
  it('opens each new user once with the entry balance (default $10,000) and never re-funds', async () => {
    const deposits: [string, number][] = [];
    const accounts = new Set<string>(['existing']);
    const exchange = {
      hasAccount: (userId: string) => accounts.has(userId),
      deposit: (userId: string, amountE6: number) => {
        accounts.add(userId);
        deposits.push([userId, amountE6]);
      },
    };
    const keys = new KeyRegistry();
    const app = new Hono();
    app.route('/_sim', keyAdminRoutes({ keys, exchange }));
    const carol = makeTestKey('key-carol');
    const dave = makeTestKey('key-dave', 'existing');
    const post = (body: unknown) => app.request('/_sim/keys', { method: 'POST', body: JSON.stringify(body) });
    expect((await post([{ ...carol.entry, balance_dollars: '250.50' }, dave.entry])).status).toBe(201);
    expect((await post(carol.entry)).status).toBe(201);
    expect(deposits).toEqual([['key-carol', 250_500_000]]);
    const fresh = new KeyRegistry([makeTestKey('key-erin').entry]);
    expect(openAccounts(exchange, fresh.all())).toEqual(['key-erin']);
    expect(deposits.at(-1)).toEqual(['key-erin', DEFAULT_STARTING_BALANCE_E6]);
    expect((await post([{ ...carol.entry, balance_dollars: '1e9' }])).status).toBe(400);
  });
});
