import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedHosts } from '../../src/api/guard/index.js';
import { ALLOWED_EXTRA_ORIGIN, corsHeaderNames, guardedApp, probe } from './guard-harness.js';

const PORT = 47821;
const CANONICAL = `http://127.0.0.1:${PORT}`;
const ALLOWED = new Set(allowedHosts(PORT));

/** Printable ASCII: what fits in a header value (Headers trims outer whitespace, as Node does). */
const headerText = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});

/** Near misses of the allowed names: each one edited a little (a char added, dropped, or changed). */
const nearMiss = fc.tuple(fc.constantFrom(...ALLOWED), fc.nat(), headerText).map(([host, at, text]) => {
  const i = at % (host.length + 1);
  return `${host.slice(0, i)}${text}${host.slice(i + (at % 2))}`;
});

const hostLike = fc.oneof(
  headerText,
  nearMiss,
  fc.tuple(fc.domain(), fc.integer({ min: 0, max: 65535 })).map(([d, p]) => `${d}:${p}`),
  fc.tuple(fc.ipV4(), fc.constant(PORT)).map(([ip, p]) => `${ip}:${p}`),
  fc.ipV6().map((ip) => `[${ip}]:${PORT}`),
);

describe('guard properties', () => {
  it('any Host not on the allow-list gets 421 and no route runs', async () => {
    const target = guardedApp(PORT);
    await fc.assert(
      fc.asyncProperty(
        hostLike.filter((host) => !ALLOWED.has(host.trim().toLowerCase())),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'),
        fc.constantFrom('/v1/things', '/v1/orders', '/v1/settings', '/v1/things/1', '/app'),
        async (host, method, path) => {
          const res = await probe(target, PORT, {
            method,
            path,
            host,
            origin: CANONICAL,
            headers: { 'content-type': 'application/json' },
            ...(method === 'POST' || method === 'PUT' ? { body: '{"ticker":"K","count":1}' } : {}),
          });
          expect(res.status).toBe(421);
          expect(target.calls()).toBe(0);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('a foreign Origin never gets CORS headers and never writes', async () => {
    const target = guardedApp(PORT);
    const origin = fc
      .oneof(
        headerText,
        fc.webUrl().map((url) => new URL(url).origin),
        fc.constant('null'),
      )
      .filter((o) => o.trim() !== CANONICAL && o.trim() !== ALLOWED_EXTRA_ORIGIN && o.trim() !== '');
    await fc.assert(
      fc.asyncProperty(
        origin,
        fc.constantFrom('GET', 'POST', 'DELETE', 'OPTIONS'),
        async (foreign, method) => {
          const res = await probe(target, PORT, {
            method,
            path: method === 'POST' ? '/v1/orders' : method === 'DELETE' ? '/v1/things/2' : '/v1/things',
            origin: foreign,
            headers: { 'content-type': 'application/json', 'access-control-request-method': 'POST' },
            ...(method === 'POST' ? { body: '{"ticker":"K","count":1}' } : {}),
          });
          expect(res.status).toBe(403);
          expect(corsHeaderNames(res)).toEqual([]);
          expect(target.calls()).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
