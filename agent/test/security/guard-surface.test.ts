import { describe, expect, it } from 'vitest';
import { ErrorBody } from '@pt/protocol';
import {
  ALLOWED_EXTRA_ORIGIN,
  MAX_BODY_BYTES,
  SECURITY_HEADERS,
  corsHeaderNames,
  guardedApp,
  probe,
} from './guard-harness.js';

const PORT = 47821;
const CANONICAL = `http://127.0.0.1:${PORT}`;
const ORDER = JSON.stringify({ ticker: 'KXTEST-1', count: 3 });
const JSON_HEADERS = { 'content-type': 'application/json' };

async function errorOf(res: Response): Promise<ErrorBody> {
  return ErrorBody.parse(await res.json());
}

/** DNS rebinding and its spellings: the browser sends the attacker's name (or a trick) in Host. */
const BAD_HOSTS = [
  `evil.com:${PORT}`,
  `127.0.0.1.nip.io:${PORT}`,
  `0.0.0.0:${PORT}`,
  `127.1:${PORT}`,
  `2130706433:${PORT}`,
  `localhost.:${PORT}`,
  `127.0.0.1.:${PORT}`,
  `user@127.0.0.1:${PORT}`,
  `user:pass@localhost:${PORT}`,
  `EVIL.COM:${PORT}`,
  `LOCALHOST.EVIL.COM:${PORT}`,
  `127.0.0.1:${PORT + 1}`,
  '127.0.0.1',
  'localhost',
  `[::ffff:127.0.0.1]:${PORT}`,
  `localhost:${PORT}.evil.com`,
];

describe('Host allow-list (DNS rebinding)', () => {
  it.each(BAD_HOSTS)('refuses Host %j with 421 FORBIDDEN before any route runs', async (host) => {
    const target = guardedApp(PORT);
    for (const method of ['GET', 'POST', 'DELETE', 'OPTIONS']) {
      const res = await probe(target, PORT, {
        method,
        host,
        origin: CANONICAL,
        path: method === 'DELETE' ? '/v1/things/1' : method === 'POST' ? '/v1/orders' : '/v1/things',
        headers: { ...JSON_HEADERS, 'access-control-request-method': 'POST' },
        ...(method === 'POST' ? { body: ORDER } : {}),
      });
      expect(res.status, `${method} ${host}`).toBe(421);
      expect(await errorOf(res)).toMatchObject({ code: 'FORBIDDEN', details: { field: 'Host' } });
      expect(corsHeaderNames(res)).toEqual([]);
    }
    const page = await probe(target, PORT, { host, path: '/app' });
    expect(page.status).toBe(421);
    expect(target.calls()).toBe(0);
  });

  it('refuses a request without Host', async () => {
    const target = guardedApp(PORT);
    const res = await probe(target, PORT, { host: null });
    expect(res.status).toBe(421);
    expect(target.calls()).toBe(0);
  });

  it('accepts the three loopback names, case-insensitively', async () => {
    const target = guardedApp(PORT);
    for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `[::1]:${PORT}`, `LocalHost:${PORT}`]) {
      const res = await probe(target, PORT, { host });
      expect(res.status, host).toBe(200);
    }
    expect(target.calls()).toBe(4);
  });

  it('reads the port at request time (known only after listen with --port 0)', async () => {
    const target = guardedApp(0);
    expect((await probe(target, PORT, {})).status).toBe(421);
    target.setPort(PORT);
    expect((await probe(target, PORT, {})).status).toBe(200);
    expect(target.guard.canonicalOrigin()).toBe(CANONICAL);
  });
});

describe('Origin allow-list', () => {
  const writes = [
    { method: 'POST', path: '/v1/orders', body: ORDER },
    { method: 'PUT', path: '/v1/settings', body: '{}' },
    { method: 'DELETE', path: '/v1/things/7' },
    { method: 'PATCH', path: '/v1/settings', body: '{}' },
  ];

  it.each([
    ['a foreign Origin', 'https://evil.example'],
    ['Origin: null', 'null'],
    ['a near-miss of the canonical origin', `http://localhost:${PORT}`],
    ['the canonical origin with a trailing slash', `${CANONICAL}/`],
    ['the allowed origin over http', 'http://app.example.com'],
    ['no Origin at all', undefined],
  ])('refuses every write from %s with 403 and no side effect', async (_label, origin) => {
    const target = guardedApp(PORT);
    for (const write of writes) {
      const res = await probe(target, PORT, {
        ...write,
        headers: JSON_HEADERS,
        ...(origin ? { origin } : {}),
      });
      expect(res.status, write.method).toBe(403);
      expect(await errorOf(res)).toMatchObject({ code: 'FORBIDDEN', details: { field: 'Origin' } });
      expect(corsHeaderNames(res)).toEqual([]);
    }
    expect(target.calls()).toBe(0);
  });

  it('lets writes through from the canonical and the configured origins', async () => {
    const target = guardedApp(PORT);
    const own = await probe(target, PORT, {
      method: 'POST',
      path: '/v1/orders',
      origin: CANONICAL,
      headers: JSON_HEADERS,
      body: ORDER,
    });
    expect(own.status).toBe(201);
    const extra = await probe(target, PORT, {
      method: 'POST',
      path: '/v1/orders',
      origin: ALLOWED_EXTRA_ORIGIN,
      headers: JSON_HEADERS,
      body: ORDER,
    });
    expect(extra.status).toBe(201);
    expect(extra.headers.get('access-control-allow-origin')).toBe(ALLOWED_EXTRA_ORIGIN);
    expect(extra.headers.get('vary')).toMatch(/origin/i);
    expect(target.calls()).toBe(2);
  });

  it('refuses API reads from a foreign or null Origin, allows them without one', async () => {
    const target = guardedApp(PORT);
    for (const origin of ['https://evil.example', 'null']) {
      const res = await probe(target, PORT, { origin });
      expect(res.status, origin).toBe(403);
      expect(corsHeaderNames(res)).toEqual([]);
      expect((await probe(target, PORT, { method: 'HEAD', origin })).status).toBe(403);
    }
    expect(target.calls()).toBe(0);
    expect((await probe(target, PORT, {})).status).toBe(200);
    const allowed = await probe(target, PORT, { origin: ALLOWED_EXTRA_ORIGIN });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_EXTRA_ORIGIN);
  });

  it('serves PWA pages to any Origin but without CORS headers for a foreign one', async () => {
    const target = guardedApp(PORT);
    const res = await probe(target, PORT, { path: '/app', origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(corsHeaderNames(res)).toEqual([]);
  });

  it('requires an allowed Origin on a WS upgrade that reaches the app', async () => {
    const target = guardedApp(PORT);
    const upgrade = { connection: 'Upgrade', upgrade: 'websocket' };
    expect((await probe(target, PORT, { headers: upgrade })).status).toBe(403);
    expect((await probe(target, PORT, { headers: upgrade, origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect(target.calls()).toBe(0);
  });
});

describe('checkUpgrade', () => {
  const { guard } = guardedApp(PORT);
  it.each([
    [{ host: `127.0.0.1:${PORT}`, origin: CANONICAL }, true, undefined],
    [{ host: `localhost:${PORT}`, origin: ALLOWED_EXTRA_ORIGIN }, true, undefined],
    [{ host: `evil.com:${PORT}`, origin: CANONICAL }, false, 421],
    [{ host: undefined, origin: CANONICAL }, false, 421],
    [{ host: `127.0.0.1:${PORT}`, origin: undefined }, false, 403],
    [{ host: `127.0.0.1:${PORT}`, origin: 'null' }, false, 403],
    [{ host: `127.0.0.1:${PORT}`, origin: 'https://evil.example' }, false, 403],
  ])('%j → ok=%s', (headers, ok, status) => {
    const verdict = guard.checkUpgrade(headers);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.status).toBe(status);
  });
});

describe('CORS preflight', () => {
  const preflight = (origin: string | undefined, extra: Record<string, string> = {}) => ({
    method: 'OPTIONS',
    path: '/v1/orders',
    ...(origin === undefined ? {} : { origin }),
    headers: {
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
      ...extra,
    },
  });

  it('answers an allowed origin with its exact origin, never *', async () => {
    const target = guardedApp(PORT);
    const res = await probe(target, PORT, preflight(ALLOWED_EXTRA_ORIGIN));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED_EXTRA_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE');
    expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/origin/i);
    expect(res.headers.get('access-control-allow-private-network')).toBeNull();
    expect(target.calls()).toBe(0);
  });

  it.each([['https://evil.example'], ['null'], [undefined]])(
    'refuses origin %j with 403 and no CORS headers',
    async (origin) => {
      const target = guardedApp(PORT);
      const res = await probe(
        target,
        PORT,
        preflight(origin, { 'access-control-request-private-network': 'true' }),
      );
      expect(res.status).toBe(403);
      expect(corsHeaderNames(res)).toEqual([]);
    },
  );

  it('answers Chrome Private / Local Network Access preflights for an allowed origin', async () => {
    const target = guardedApp(PORT);
    const pna = await probe(
      target,
      PORT,
      preflight(ALLOWED_EXTRA_ORIGIN, { 'access-control-request-private-network': 'true' }),
    );
    expect(pna.status).toBe(204);
    expect(pna.headers.get('access-control-allow-private-network')).toBe('true');
    const lna = await probe(
      target,
      PORT,
      preflight(ALLOWED_EXTRA_ORIGIN, { 'access-control-request-local-network': 'true' }),
    );
    expect(lna.headers.get('access-control-allow-local-network')).toBe('true');
    expect(lna.headers.get('access-control-allow-private-network')).toBeNull();
  });
});

describe('request bodies', () => {
  const post = (
    body: string | ReadableStream<Uint8Array>,
    headers: Record<string, string> = JSON_HEADERS,
  ) => ({
    method: 'POST',
    path: '/v1/orders',
    origin: CANONICAL,
    headers,
    body,
  });

  it('refuses a declared oversize body with 413 before the route runs', async () => {
    const target = guardedApp(PORT);
    const big = JSON.stringify({ ticker: 'x'.repeat(MAX_BODY_BYTES), count: 1 });
    const res = await probe(target, PORT, post(big));
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(target.calls()).toBe(0);
  });

  it('cuts off an undeclared (streamed) oversize body with 413 before the route runs', async () => {
    const target = guardedApp(PORT);
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        // Endless: the guard must stop reading, not wait for the end.
        controller.enqueue(chunk);
      },
    });
    const res = await probe(target, PORT, post(stream));
    expect(res.status).toBe(413);
    expect(target.calls()).toBe(0);
    expect(pulled).toBeLessThan(16);
  });

  it('accepts a body just under the limit', async () => {
    const target = guardedApp(PORT);
    const body = JSON.stringify({ ticker: 'x'.repeat(MAX_BODY_BYTES - 40), count: 1 });
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect((await probe(target, PORT, post(body))).status).toBe(201);
  });

  it.each([
    ['no Content-Type', {}],
    ['text/plain (a CORS-simple type)', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['JSON in another charset', { 'content-type': 'application/json; charset=iso-8859-1' }],
  ])('refuses a body with %s: 415, route never runs', async (_label, headers) => {
    const target = guardedApp(PORT);
    const res = await probe(target, PORT, post(ORDER, headers));
    expect(res.status).toBe(415);
    expect(await errorOf(res)).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { field: 'Content-Type' },
    });
    expect(target.calls()).toBe(0);
  });

  it('answers malformed JSON with 400 naming (root)', async () => {
    const target = guardedApp(PORT);
    for (const body of ['{"ticker":', 'not json', '']) {
      const res = await probe(target, PORT, post(body));
      expect(res.status, body).toBe(400);
      const error = await errorOf(res);
      expect(error).toMatchObject({ code: 'BAD_REQUEST', details: { field: '(root)' } });
      expect(error.message.startsWith('(root)')).toBe(true);
    }
  });

  it('answers a schema failure with 422 naming the field', async () => {
    const target = guardedApp(PORT);
    const res = await probe(target, PORT, post(JSON.stringify({ ticker: 'KX', count: -1 })));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'count' } });
    expect(error.message.startsWith('count:')).toBe(true);
  });

  it('refuses a Content-Length that is not a byte count', async () => {
    const target = guardedApp(PORT);
    // app.request lets us lie about framing; over a socket Node's parser refuses this itself.
    const res = await probe(target, PORT, {
      method: 'DELETE',
      path: '/v1/things/1',
      origin: CANONICAL,
      headers: { 'content-length': '-5' },
    });
    expect(res.status).toBe(400);
    expect(target.calls()).toBe(0);
  });
});

describe('response headers', () => {
  it('puts the security headers on every kind of answer', async () => {
    const target = guardedApp(PORT);
    const answers = [
      await probe(target, PORT, {}),
      await probe(target, PORT, { path: '/app' }),
      await probe(target, PORT, { path: '/v1/nope' }),
      await probe(target, PORT, { host: `evil.com:${PORT}` }),
      await probe(target, PORT, { method: 'POST', path: '/v1/orders' }),
      await probe(target, PORT, { method: 'OPTIONS', origin: ALLOWED_EXTRA_ORIGIN }),
      await probe(target, PORT, {
        method: 'POST',
        path: '/v1/orders',
        origin: CANONICAL,
        headers: JSON_HEADERS,
        body: '{',
      }),
    ];
    for (const res of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(res.headers.get(name), `${res.status} ${name}`).toBe(value);
      }
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('access-control-allow-origin')).not.toBe('*');
    }
    expect(answers[0]?.headers.get('cache-control')).toBe('no-store');
    expect(answers[2]?.headers.get('cache-control')).toBe('no-store');
    expect(answers[1]?.headers.get('cache-control')).toBeNull();
  });

  it('redirects a page on localhost or [::1] to the canonical origin, but not the API', async () => {
    const target = guardedApp(PORT);
    for (const host of [`localhost:${PORT}`, `[::1]:${PORT}`]) {
      const page = await probe(target, PORT, { host, path: '/app?x=1' });
      expect(page.status).toBe(308);
      expect(page.headers.get('location')).toBe(`${CANONICAL}/app?x=1`);
    }
    expect(target.calls()).toBe(0);
    expect((await probe(target, PORT, { host: `localhost:${PORT}` })).status).toBe(200);
  });
});

describe('refusal logs', () => {
  it('logs the reason and never the Authorization header', async () => {
    const target = guardedApp(PORT);
    const secret = 'Bearer marker-9f3c1d7e-secret-token';
    await probe(target, PORT, { host: `evil.com:${PORT}`, headers: { authorization: secret } });
    await probe(target, PORT, {
      method: 'POST',
      path: '/v1/orders',
      origin: 'null',
      headers: { authorization: secret },
    });
    const logs = target.logs();
    expect(logs).toContain('Host is not one of the agent loopback names');
    expect(logs).toContain('Origin not on the allow-list');
    expect(logs).not.toContain('marker-9f3c1d7e');
  });
});
