import type { Context, MiddlewareHandler } from 'hono';
import type { KeyRegistry } from '../auth/key-registry.js';
import { rawPath, type AuthEnv } from '../auth/middleware.js';
import { verifyRequest } from '../auth/verify-request.js';
import { classifyEndpoint } from './endpoint-costs.js';
import type { RateLimiter } from './rate-limiter.js';

export const API_PREFIX = '/trade-api/v2';

/** The slice of SimContext rate limiting needs. */
export interface LimitContext {
  keys: KeyRegistry;
  limiter: RateLimiter;
  clock: { nowMs(): number };
}

/** Kalshi's 429 body is a bare string under `error` (not the usual object), with no headers. */
export const TOO_MANY_REQUESTS_BODY = { error: 'too many requests' } as const;

async function batchItemCount(c: Context): Promise<number> {
  try {
    // Hono caches the parsed body, so the handler can still read it after us.
    const body: unknown = await c.req.json();
    if (typeof body === 'object' && body !== null && 'orders' in body && Array.isArray(body.orders)) {
      return body.orders.length;
    }
  } catch {
    // Unparseable: charge one item and let the handler answer 400.
  }
  return 1;
}

function userOf(c: Context<AuthEnv>, ctx: LimitContext): string | undefined {
  const userId = c.get('userId');
  if (userId !== undefined) return userId;
  // Mounted before (or without) kalshiAuth: identify a correctly signed caller without rejecting.
  const result = verifyRequest(
    ctx.keys,
    { method: c.req.method, path: rawPath(c), headers: c.req.raw.headers },
    ctx.clock.nowMs(),
  );
  return result.isValid ? result.userId : undefined;
}

/**
 * Charges each authenticated request to its user's read or write bucket; 429 when the bucket does
 * not cover the cost. Unauthenticated public reads are not limited (their limits are UNCONFIRMED).
 */
export function rateLimit(ctx: LimitContext): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const userId = userOf(c, ctx);
    if (userId === undefined) return next();
    const fullPath = rawPath(c);
    const apiPath = fullPath.startsWith(API_PREFIX) ? fullPath.slice(API_PREFIX.length) || '/' : fullPath;
    const items = apiPath.endsWith('/batched') ? await batchItemCount(c) : 1;
    const charge = classifyEndpoint(c.req.method, apiPath, items);
    if (!ctx.limiter.tryConsume(userId, charge.bucket, charge.cost, ctx.clock.nowMs())) {
      return c.json(TOO_MANY_REQUESTS_BODY, 429);
    }
    return next();
  };
}
