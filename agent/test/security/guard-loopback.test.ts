import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '@pt/protocol';
import { startServer } from '../../src/api/server.js';
import type { RunningServer } from '../../src/api/server.js';
import { ALLOWED_EXTRA_ORIGIN, MAX_BODY_BYTES, SECURITY_HEADERS, guardedApp } from './guard-harness.js';
import type { GuardedApp } from './guard-harness.js';
import { rawRequest } from './guard-http.js';

let target: GuardedApp;
let server: RunningServer;
let port: number;
let canonical: string;

beforeAll(async () => {
  // --port 0 as in production: the guard learns the port only after listen.
  target = guardedApp(0);
  server = await startServer(target.app, 0);
  port = server.port;
  target.setPort(port);
  canonical = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server.close(100);
});

function write(extra: { headers?: Record<string, string>; chunks?: string[]; origin?: string }) {
  return {
    method: 'POST',
    path: '/v1/orders',
    host: `127.0.0.1:${port}`,
    headers: { origin: extra.origin ?? canonical, 'content-type': 'application/json', ...extra.headers },
    chunks: extra.chunks ?? [JSON.stringify({ ticker: 'KX', count: 1 })],
  };
}

describe('guard over a real loopback server', () => {
  it('answers the loopback names and refuses rebinding names with 421', async () => {
    const before = target.calls();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await rawRequest(port, { host, path: '/v1/things' })).status, host).toBe(200);
    }
    for (const host of [
      `evil.com:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `0.0.0.0:${port}`,
      `127.1:${port}`,
      `localhost.:${port}`,
    ]) {
      const res = await rawRequest(port, { host, path: '/v1/things' });
      expect(res.status, host).toBe(421);
      expect(ErrorBody.parse(JSON.parse(res.body))).toMatchObject({ code: 'FORBIDDEN' });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(target.calls()).toBe(before + 3);
  });

  it('never runs a route for a malformed or missing Host (the adapter may refuse it first)', async () => {
    const before = target.calls();
    for (const host of [`user@127.0.0.1:${port}`, `127.0.0.1:${port}/x`, null]) {
      const res = await rawRequest(port, { host, path: '/v1/things' });
      expect([400, 421], String(host)).toContain(res.status);
    }
    expect(target.calls()).toBe(before);
  });

  it('refuses writes without an allowed Origin', async () => {
    const before = target.calls();
    for (const origin of ['https://evil.example', 'null']) {
      expect((await rawRequest(port, write({ origin }))).status, origin).toBe(403);
    }
    const bare = write({});
    const { origin: _origin, ...noOrigin } = bare.headers;
    expect((await rawRequest(port, { ...bare, headers: noOrigin })).status).toBe(403);
    expect(target.calls()).toBe(before);
    expect((await rawRequest(port, write({}))).status).toBe(201);
  });

  it('lets a body-less write through without a Content-Type (as browsers send it)', async () => {
    const before = target.calls();
    const framings: Record<string, string>[] = [{}, { 'content-length': '0' }];
    for (const framing of framings) {
      const res = await rawRequest(port, {
        method: 'DELETE',
        path: '/v1/things/1',
        host: `127.0.0.1:${port}`,
        headers: { origin: canonical, ...framing },
      });
      expect(res.status).toBe(204);
    }
    expect(target.calls()).toBe(before + 2);
  });

  it('answers 413 on a declared oversize body at once, before the body arrives', async () => {
    const before = target.calls();
    const res = await rawRequest(port, {
      ...write({ headers: { 'content-length': String(10 * 1024 * 1024) }, chunks: ['{"ticker":"'] }),
      leaveOpen: true,
    });
    expect(res.status).toBe(413);
    expect(ErrorBody.parse(JSON.parse(res.body))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(target.calls()).toBe(before);
  });

  it('answers 413 on a chunked body that grows past the limit', async () => {
    const before = target.calls();
    const chunk = 'x'.repeat(8 * 1024);
    const chunks = Array.from({ length: Math.ceil((MAX_BODY_BYTES * 2) / chunk.length) }, () => chunk);
    const res = await rawRequest(port, write({ chunks }));
    expect(res.status).toBe(413);
    expect(target.calls()).toBe(before);
  });

  it('answers 415 for a non-JSON body and 400 for malformed JSON', async () => {
    expect((await rawRequest(port, write({ headers: { 'content-type': 'text/plain' } }))).status).toBe(415);
    const bad = await rawRequest(port, write({ chunks: ['{"ticker":'] }));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ code: 'BAD_REQUEST', details: { field: '(root)' } });
  });

  it('answers preflights only for allowed origins, with Private Network Access', async () => {
    const ask = (origin: string) =>
      rawRequest(port, {
        method: 'OPTIONS',
        path: '/v1/orders',
        host: `127.0.0.1:${port}`,
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-private-network': 'true',
        },
      });
    const allowed = await ask(ALLOWED_EXTRA_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_EXTRA_ORIGIN);
    expect(allowed.headers['access-control-allow-private-network']).toBe('true');
    const foreign = await ask('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(Object.keys(foreign.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('sends the security headers and the CSP over the wire', async () => {
    const res = await rawRequest(port, { host: `127.0.0.1:${port}`, path: '/app' });
    expect(res.status).toBe(200);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name], name).toBe(value);
    expect(res.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${port}`);
    const redirect = await rawRequest(port, { host: `localhost:${port}`, path: '/app' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.location).toBe(`${canonical}/app`);
  });
});
