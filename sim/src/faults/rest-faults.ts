import type { MiddlewareHandler } from 'hono';
import type { SimContext } from '../server/context.js';
import { applyDrift } from './drift.js';
import { kalshiError } from '../lib/errors.js';

/**
 * REST fault middleware for the Kalshi paths. Faults that replace the answer (5xx, 429) short-
 * circuit before the handler; faults about a lost or empty answer run the real handler first so
 * the exchange state really changes (the order really rests) and only the reply is damaged.
 */
export function restFaults(ctx: SimContext): MiddlewareHandler {
  return async (c, next) => {
    // Fast path: nothing armed, nothing to look up (this runs on every Kalshi request).
    if (ctx.faults.rest.length === 0 && ctx.faults.drift.length === 0) return next();
    const method = c.req.method;
    const path = c.req.path.replace(/^\/trade-api\/v2/, '');
    const fault = ctx.faults.takeRest(method, path);
    if (fault?.kind === 'too_many_requests') return c.json({ error: 'too many requests' }, 429);
    if (fault?.kind === 'http_5xx') {
      const status =
        fault.status === 502 || fault.status === 503 || fault.status === 504 ? fault.status : 500;
      return kalshiError(c, status, 'internal_server_error', 'internal server error', 'injected fault');
    }
    await next();
    if (fault?.kind === 'lost_response') {
      ctx.log.info('fault: holding response', { method, path });
      await holdThenDestroy(c.env, fault.holdMs);
      return;
    }
    if (fault?.kind === 'empty_success' && c.res.status >= 200 && c.res.status < 300) {
      c.res = new Response('{}', { status: c.res.status, headers: { 'content-type': 'application/json' } });
      return;
    }
    const drift = ctx.faults.takeDrift(method, path);
    if (drift.length === 0) return;
    if (!(c.res.headers.get('content-type') ?? '').includes('application/json')) return;
    let body: unknown = await c.res.json();
    for (const rule of drift) body = applyDrift(body, rule.field, rule.renameTo);
    c.res = new Response(JSON.stringify(body), {
      status: c.res.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** Keep the client waiting, then cut the connection without a reply. */
async function holdThenDestroy(env: unknown, holdMs: number): Promise<void> {
  if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
  const socket = socketOf(env);
  socket?.destroy();
}

function socketOf(env: unknown): { destroy(): void } | undefined {
  if (env === null || typeof env !== 'object' || !('incoming' in env)) return undefined;
  const incoming = env.incoming;
  if (incoming === null || typeof incoming !== 'object' || !('socket' in incoming)) return undefined;
  const socket = incoming.socket;
  if (socket === null || typeof socket !== 'object' || !('destroy' in socket)) return undefined;
  const destroy = socket.destroy;
  return typeof destroy === 'function' ? { destroy: () => void destroy.call(socket) } : undefined;
}
