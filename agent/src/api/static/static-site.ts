/**
 * @module
 * Serves the built PWA (`web/dist`) from the agent's own origin: files by path, hashed assets
 * cached for a year (immutable), `index.html`, the service worker and the manifest never cached
 * without revalidation, and an app route (`/pair`, `/orders`, … : no file extension) answered with
 * `index.html` (SPA fallback). `/v1/*` and every method but GET/HEAD pass through untouched, so the
 * API, its auth and its 404s are unaffected. The guard in front has already checked Host,
 * redirected `localhost:PORT` to the canonical origin and set the CSP.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import type { ErrorBody } from '@pt/protocol';
import { isApiPath } from '../guard/index.js';
import { GzipCache, acceptsGzip, isCompressible } from './compression.js';
import { contentTypeFor } from './content-types.js';

export interface StaticSiteOptions {
  /** Directory holding the build (`index.html`, `assets/`, `sw.js`); see defaultWebRoot(). */
  readonly root: string;
}

/** Vite writes content-hashed names under assets/: safe to cache forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, sw.js, manifest, icons): revalidate each time. */
const REVALIDATE = 'no-cache';
const INDEX = 'index.html';

export function staticSiteRoutes(options: StaticSiteOptions): Hono {
  const root = resolve(options.root);
  const gzip = new GzipCache();
  return new Hono().use('*', async (c, next) => {
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || isApiPath(c.req.path)) return next();
    const file = filePath(root, c.req.path);
    if (file === null) return notFound(c.req.path);
    const reply = (found: FoundFile, cacheControl: string): Response => {
      const isGzip =
        acceptsGzip(c.req.header('accept-encoding')) &&
        isCompressible(extname(found.file), found.bytes.length);
      const body = isGzip ? gzip.get(found.file, found.version, found.bytes) : found.bytes;
      return send({ isHead: method === 'HEAD', body, name: found.file, cacheControl, isGzip });
    };
    const found = await readIfFile(file);
    if (found !== null) return reply(found, cacheFor(root, file));
    // An app route (no extension) is the app itself; a missing file with an extension is a 404.
    if (extname(file) !== '' && file !== join(root, INDEX)) return notFound(c.req.path);
    const index = await readIfFile(join(root, INDEX));
    if (index === null) return notBuilt();
    return reply(index, REVALIDATE);
  });
}

interface FoundFile {
  readonly file: string;
  readonly bytes: Buffer;
  /** Size and mtime: a new build under a running agent is a new version. */
  readonly version: string;
}

/** The file a URL path names inside root, or null when it would leave root. */
function filePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? INDEX : decoded.replace(/^\/+/, '');
  const full = resolve(root, relative);
  return full === root || full.startsWith(root + sep) ? full : null;
}

async function readIfFile(file: string): Promise<FoundFile | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return { file, bytes: await readFile(file), version: `${info.size}:${info.mtimeMs}` };
  } catch {
    return null;
  }
}

function cacheFor(root: string, file: string): string {
  return file.startsWith(join(root, 'assets') + sep) ? IMMUTABLE : REVALIDATE;
}

interface Reply {
  readonly isHead: boolean;
  readonly body: Buffer;
  readonly name: string;
  readonly cacheControl: string;
  readonly isGzip: boolean;
}

function send(reply: Reply): Response {
  const headers: Record<string, string> = {
    'Content-Type': contentTypeFor(extname(reply.name)),
    'Cache-Control': reply.cacheControl,
    'Content-Length': String(reply.body.length),
    // The answer depends on Accept-Encoding for every compressible file, gzipped or not.
    Vary: 'Accept-Encoding',
  };
  if (reply.isGzip) headers['Content-Encoding'] = 'gzip';
  return new Response(reply.isHead ? null : new Uint8Array(reply.body), { status: 200, headers });
}

function notFound(path: string): Response {
  const body: ErrorBody = { code: 'NOT_FOUND', message: `No file at ${path}`, retryable: false };
  return Response.json(body, { status: 404 });
}

function notBuilt(): Response {
  return new Response('The command center is not built: run `npm run build:web`, then reload.', {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE },
  });
}
