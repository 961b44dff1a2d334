/**
 * The static site over the real app: the real guard first, the site among the public routes, and a
 * real bearer-token API behind it (a real DeviceRegistry on a temp dir), as agent-api.ts wires them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '@pt/protocol';
import { bearerAuth } from '../../auth/bearer.middleware.js';
import { DeviceRegistry } from '../../auth/device-registry.js';
import type { ApiEnv } from '../api-env.js';
import { createApp } from '../app.js';
import { createRequestGuard } from '../guard/index.js';
import { staticSiteRoutes } from './static-site.js';

const PORT = 4100;
const HOST = `127.0.0.1:${PORT}`;
const work = mkdtempSync(join(tmpdir(), 'pt-static-'));
const root = join(work, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(
  join(root, 'index.html'),
  '<!doctype html><title>PT</title><script src="/assets/app-Ab12.js"></script>',
);
writeFileSync(join(root, 'assets', 'app-Ab12.js'), 'console.log(1)');
writeFileSync(join(root, 'sw.js'), 'self.skipWaiting()');
const BIG_JS = `export const rows = [${'1234567890,'.repeat(400)}];`;
writeFileSync(join(root, 'assets', 'big-Cd34.js'), BIG_JS);
writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"PT"}');
writeFileSync(join(work, 'secret.txt'), 'do not serve');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function app(siteRoot = root): Hono {
  const logger = pino({ level: 'silent' });
  const devices = new DeviceRegistry({ dataDir: join(work, 'data'), idleExpiryDays: 30 });
  const protectedRoutes = new Hono<ApiEnv>().get('/v1/status', (c) => c.json({ ok: true }));
  return createApp({
    logger,
    health: () => ({ status: 'ok', version: '0.0.0', protocolVersion: 1, environment: 'sim' }),
    guard: createRequestGuard({ port: () => PORT, allowedOrigins: [], logger }),
    publicRoutes: [staticSiteRoutes({ root: siteRoot })],
    protectedApi: { authenticate: bearerAuth(devices), routes: [protectedRoutes] },
  });
}

const get = (path: string, init: RequestInit & { host?: string } = {}): Promise<Response> =>
  Promise.resolve(
    app().request(path, { ...init, headers: { host: init.host ?? HOST, ...(init.headers ?? {}) } }),
  );

describe('staticSiteRoutes over the real app', () => {
  it('serves index.html at / with no-cache and the CSP of the built app', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${PORT}`);
    expect(await res.text()).toContain('<title>PT</title>');
  });

  it('serves hashed assets immutable, the service worker and manifest revalidated', async () => {
    const asset = await get('/assets/app-Ab12.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const sw = await get('/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(await sw.text()).toBe('self.skipWaiting()');
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
  });

  it('answers app routes such as /pair with index.html (the fragment never reaches the server)', async () => {
    for (const path of ['/pair', '/orders/open', '/activity', '/panel/market']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>PT</title>');
    }
  });

  it('answers HEAD without a body', async () => {
    const res = await get('/assets/app-Ab12.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('14');
    expect(await res.text()).toBe('');
  });

  it('answers a missing file with an extension 404, never index.html', async () => {
    const res = await get('/assets/gone-1234.js');
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(await res.json()).code).toBe('NOT_FOUND');
  });

  it('never serves a file outside the build directory', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/%00']) {
      const res = await get(path);
      expect(await res.text(), path).not.toContain('do not serve');
    }
  });

  it('leaves the API alone: /v1 paths still need a token, and writes are not static', async () => {
    const status = await get('/v1/status');
    expect(status.status).toBe(401);
    const unknown = await get('/v1/nothing-here');
    expect(unknown.status).toBe(401);
    const post = await get('/pair', {
      method: 'POST',
      headers: { origin: `http://${HOST}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).not.toBe(200);
  });

  it('redirects localhost:PORT to the canonical origin (one origin for the service worker and IndexedDB)', async () => {
    const res = await get('/pair?x=1', { host: `localhost:${PORT}` });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe(`http://127.0.0.1:${PORT}/pair?x=1`);
  });

  it('says how to build the app when web/dist is missing', async () => {
    const res = await app(join(work, 'nowhere')).request('/', { headers: { host: HOST } });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:web');
  });

  it('gzips text files for a client that accepts it, and only then', async () => {
    const zipped = await get('/assets/big-Cd34.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(BIG_JS.length / 4);
    expect(gunzipSync(bytes).toString()).toBe(BIG_JS);
    const plain = await get('/assets/big-Cd34.js', { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BIG_JS);
    // Below 1 KiB nothing is gained: sent as is.
    const small = await get('/sw.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
  });
});
