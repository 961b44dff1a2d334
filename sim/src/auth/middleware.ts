import type { Context, MiddlewareHandler } from 'hono';
import type { KeyRegistry } from './key-registry.js';
import { verifyRequest, type AuthFailure } from './verify-request.js';

/** Hono variables set by `kalshiAuth` for the handlers behind it. */
export interface AuthVariables {
  userId: string;
  keyId: string;
}
export interface AuthEnv {
  Variables: AuthVariables;
}

/** The slice of SimContext auth needs (SimContext satisfies it structurally). */
export interface AuthContext {
  keys: KeyRegistry;
  clock: { nowMs(): number };
}

/**
 * Kalshi's observed 401 body (kalshi-api.md §2): the gRPC status text lands in `details`.
 * Code and message are both `authentication_error`.
 */
export function authErrorBody(failure: AuthFailure) {
  return {
    error: {
      code: 'authentication_error',
      message: 'authentication_error',
      details: `rpc error: code = Unauthenticated desc = ${failure}`,
    },
  };
}

/** The raw (still percent-encoded) path, which is what clients sign (`new URL(..).pathname`). */
export function rawPath(c: Context): string {
  return new URL(c.req.url).pathname;
}

/**
 * Rejects unsigned or badly signed requests with 401; sets `userId`/`keyId` otherwise. Idempotent:
 * when an outer mount already authenticated the request it does not verify twice.
 */
export function kalshiAuth(ctx: AuthContext): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (c.get('userId') !== undefined) return next();
    const result = verifyRequest(
      ctx.keys,
      { method: c.req.method, path: rawPath(c), headers: c.req.raw.headers },
      ctx.clock.nowMs(),
    );
    if (!result.isValid) return c.json(authErrorBody(result.failure), 401);
    c.set('userId', result.userId);
    c.set('keyId', result.keyId);
    return next();
  };
}
