import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { pino } from 'pino';
import { z } from 'zod';
import { createApp } from '../../src/api/app.js';
import { createRequestGuard, parseJsonBody } from '../../src/api/guard/index.js';
import type { RequestGuard } from '../../src/api/guard/index.js';

export const ALLOWED_EXTRA_ORIGIN = 'https://app.example.com';
export const MAX_BODY_BYTES = 64 * 1024;

const Order = z.strictObject({ ticker: z.string().min(1), count: z.int().positive() });

export interface GuardedApp {
  readonly app: Hono;
  readonly guard: RequestGuard;
  /** How many times any test route ran: a refusal must leave it unchanged (no side effect). */
  readonly calls: () => number;
  /** Every log line written so far (JSON text). */
  readonly logs: () => string;
  /** Change the port the guard believes it listens on (as after `--port 0` resolves). */
  readonly setPort: (port: number) => void;
}

/**
 * The real `createApp` with the real guard first, plus routes that count their calls: reads and
 * writes under /v1 (public, so a refusal can only come from the guard) and a PWA page.
 */
export function guardedApp(port: number): GuardedApp {
  let currentPort = port;
  let calls = 0;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const guard = createRequestGuard({
    port: () => currentPort,
    allowedOrigins: [ALLOWED_EXTRA_ORIGIN],
    logger,
  });
  const routes = new Hono()
    .get('/v1/things', (c) => {
      calls += 1;
      return c.json({ things: [] });
    })
    .post('/v1/orders', async (c) => {
      calls += 1;
      const order = await parseJsonBody(c, Order);
      return c.json({ accepted: order }, 201);
    })
    .put('/v1/settings', async (c) => {
      calls += 1;
      return c.json(await parseJsonBody(c, z.record(z.string(), z.unknown())));
    })
    .delete('/v1/things/:id', (c) => {
      calls += 1;
      return c.body(null, 204);
    })
    .get('/app', (c) => {
      calls += 1;
      return c.html('<!doctype html><title>PWA</title>');
    });
  const app = createApp({
    logger,
    health: () => ({ status: 'ok', version: '0.0.0', protocolVersion: 1, environment: 'sim' }),
    guard,
    publicRoutes: [routes],
  });
  return {
    app,
    guard,
    calls: () => calls,
    logs: () => lines.join(''),
    setPort: (next) => {
      currentPort = next;
    },
  };
}

export interface Probe {
  readonly method?: string;
  readonly path?: string;
  /** Omit for the canonical `127.0.0.1:PORT`; `null` sends no Host header at all. */
  readonly host?: string | null;
  readonly origin?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | ReadableStream<Uint8Array>;
}

/** One request through `app.request`, with the Host header exactly as given (Node allows it). */
export function probe(target: GuardedApp, port: number, p: Probe): Promise<Response> {
  const headers = new Headers(p.headers);
  if (p.host !== null) headers.set('host', p.host ?? `127.0.0.1:${port}`);
  if (p.origin !== undefined) headers.set('origin', p.origin);
  const init: RequestInit & { duplex?: 'half' } = { method: p.method ?? 'GET', headers };
  // Framed as a real client frames it: a string with its Content-Length, a stream chunked.
  if (typeof p.body === 'string') {
    init.body = p.body;
    if (!headers.has('content-length')) headers.set('content-length', String(Buffer.byteLength(p.body)));
  } else if (p.body !== undefined) {
    init.body = p.body;
    init.duplex = 'half';
    headers.set('transfer-encoding', 'chunked');
  }
  return Promise.resolve(target.app.request(`http://127.0.0.1:${port}${p.path ?? '/v1/things'}`, init));
}

/** The `access-control-*` response headers, to assert that a refusal carries none. */
export function corsHeaderNames(res: Response): string[] {
  return [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
