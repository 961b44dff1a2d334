import fc from 'fast-check';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '@pt/protocol';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import type { ApiEnv } from '../api/api-env.js';
import { createApp } from '../api/app.js';
import { bearerAuth } from './bearer.middleware.js';
import { DeviceRegistry } from './device-registry.js';

const ORIGIN = 'http://127.0.0.1:47821';
const DAY_MS = 86_400_000;
const temps: { remove: () => void }[] = [];

afterEach(() => {
  for (const temp of temps.splice(0)) temp.remove();
});

function setup(): {
  app: Hono;
  registry: DeviceRegistry;
  advance: (ms: number) => void;
} {
  const temp = makeTempDir('pt-bearer-');
  temps.push(temp);
  let t = 1_700_000_000_000;
  const registry = new DeviceRegistry({ dataDir: temp.dir, idleExpiryDays: 7, now: () => t });
  const whoami = new Hono<ApiEnv>().get('/v1/whoami', (c) => c.json(c.get('device')));
  const app = createApp({
    logger: silentLogger,
    health: () => ({ status: 'ok', version: '1.0.0', protocolVersion: 1, environment: 'sim' }),
    protectedApi: { authenticate: bearerAuth(registry), routes: [whoami] },
  });
  return { app, registry, advance: (ms) => void (t += ms) };
}

async function refusal(res: Response, status: number): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  return ErrorBody.parse(await res.json());
}

describe('bearerAuth', () => {
  it('lets a paired token through and sets the device', async () => {
    const { app, registry } = setup();
    const { token, device } = registry.pair('Laptop', ORIGIN);
    const res = await app.request('/v1/whoami', {
      headers: { authorization: `Bearer ${token}`, origin: ORIGIN },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deviceId: device.deviceId, name: 'Laptop', origin: ORIGIN });
    // No Origin (a same-origin GET may omit it): the token alone decides.
    const bare = await app.request('/v1/whoami', { headers: { authorization: `bearer ${token}` } });
    expect(bare.status).toBe(200);
  });

  it('refuses a missing header with 401, WWW-Authenticate and a message saying so', async () => {
    const { app } = setup();
    const res = await app.request('/v1/whoami');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = await refusal(res, 401);
    expect(body).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'missing' } });
    expect(body.message).toMatch(/^missing Authorization header/);
  });

  it.each([
    ['Basic dXNlcjpwYXNz'],
    ['Bearer'],
    ['Bearer short'],
    ['Bearer  AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    [`Bearer ${'A'.repeat(44)}`],
    [`Bearer ${'A'.repeat(42)}=`],
    [`Token ${'A'.repeat(43)}`],
  ])('refuses a malformed header %j', async (authorization) => {
    const { app } = setup();
    const res = await app.request('/v1/whoami', { headers: { authorization } });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await refusal(res, 401)).toMatchObject({ details: { reason: 'malformed' } });
  });

  it('refuses an unknown token', async () => {
    const { app } = setup();
    const res = await app.request('/v1/whoami', { headers: { authorization: `Bearer ${'A'.repeat(43)}` } });
    expect(await refusal(res, 401)).toMatchObject({ message: 'unknown token: pair this browser again' });
  });

  it('refuses a revoked token at once', async () => {
    const { app, registry } = setup();
    const { token, device } = registry.pair('Laptop', ORIGIN);
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.request('/v1/whoami', { headers })).status).toBe(200);
    registry.revoke(device.deviceId);
    const body = await refusal(await app.request('/v1/whoami', { headers }), 401);
    expect(body.message).toMatch(/^token revoked/);
  });

  it('refuses an idle-expired token ("pair this browser again") and forgets the device', async () => {
    const { app, registry, advance } = setup();
    const { token } = registry.pair('Laptop', ORIGIN);
    advance(7 * DAY_MS + 1);
    const body = await refusal(
      await app.request('/v1/whoami', { headers: { authorization: `Bearer ${token}` } }),
      401,
    );
    expect(body.message).toMatch(/^token expired.*pair this browser again$/);
    expect(registry.list()).toEqual([]);
  });

  it.each(['token', 'access_token', 'auth'])('refuses a token in the %s query parameter', async (name) => {
    const { app, registry } = setup();
    const { token } = registry.pair('Laptop', ORIGIN);
    const res = await app.request(`/v1/whoami?${name}=${token}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await refusal(res, 400);
    expect(body).toMatchObject({ code: 'BAD_REQUEST', details: { field: name } });
    expect(JSON.stringify(body)).not.toContain(token);
  });

  it('refuses the token from another origin, without refreshing its last use', async () => {
    const { app, registry, advance } = setup();
    const { token, device } = registry.pair('Laptop', ORIGIN);
    advance(DAY_MS);
    const res = await app.request('/v1/whoami', {
      headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:47821' },
    });
    expect(await refusal(res, 401)).toMatchObject({ details: { reason: 'origin' } });
    expect(registry.list()[0]?.lastUsedAtMs).toBe(device.lastUsedAtMs);
  });

  it('random Authorization headers never authenticate', async () => {
    const { app, registry } = setup();
    registry.pair('Laptop', ORIGIN);
    const header = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((t) => `Bearer ${t}`),
      fc.string().map((t) => `Bearer ${t}`),
    );
    await fc.assert(
      fc.asyncProperty(header, async (authorization) => {
        let res: Response;
        try {
          res = await app.request('/v1/whoami', { headers: { authorization } });
        } catch {
          return; // not a valid header value at all: fetch refuses to build the request
        }
        expect(res.status).toBe(401);
      }),
      { numRuns: 1_000 },
    );
  });
});
