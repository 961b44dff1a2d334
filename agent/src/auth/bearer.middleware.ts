import type { Context, MiddlewareHandler } from 'hono';
import type { ErrorBody } from '@pt/protocol';
import type { ApiEnv } from '../api/api-env.js';
import { TOKEN_PATTERN } from './device-token.js';
import type { TokenChecker, TokenRefusal } from './types.js';

/** Query parameters a client might put a token in; any of them is refused outright (URLs get logged). */
export const TOKEN_QUERY_PARAMS: readonly string[] = ['token', 'access_token', 'auth'];

const REFUSAL_MESSAGES: Readonly<Record<TokenRefusal | 'missing' | 'malformed' | 'origin', string>> = {
  missing: 'missing Authorization header: send `Authorization: Bearer <token>` (pair this browser first)',
  malformed: 'malformed Authorization header: expected `Bearer <token>` with a 43-character token',
  unknown: 'unknown token: pair this browser again',
  revoked: 'token revoked: this device was unpaired; pair this browser again',
  expired: 'token expired after going unused too long: pair this browser again',
  origin: 'token belongs to another origin: pair this browser again from this page',
};

function unauthorized(c: Context<ApiEnv>, reason: keyof typeof REFUSAL_MESSAGES): Response {
  const body: ErrorBody = {
    code: 'UNAUTHORIZED',
    message: REFUSAL_MESSAGES[reason],
    details: { field: 'authorization', reason },
    retryable: false,
  };
  return c.json(body, 401, { 'WWW-Authenticate': 'Bearer' });
}

/**
 * `Authorization: Bearer <token>` and nothing else (no cookies, no query string). A token in the
 * URL is refused with 400 before anything else looks at it, and never logged. A token used from an
 * origin other than the one that paired is refused. On success `c.get('device')` is the device.
 */
export function bearerAuth(tokens: TokenChecker): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const query = new URL(c.req.url).searchParams;
    const inQuery = TOKEN_QUERY_PARAMS.find((name) => query.has(name));
    if (inQuery !== undefined) {
      const body: ErrorBody = {
        code: 'BAD_REQUEST',
        message: `${inQuery}: tokens are never accepted in the URL; send them in the Authorization header`,
        details: { field: inQuery },
        retryable: false,
      };
      return c.json(body, 400);
    }
    const header = c.req.header('authorization');
    if (header === undefined || header === '') return unauthorized(c, 'missing');
    const match = /^Bearer (\S+)$/i.exec(header);
    const token = match?.[1];
    if (token === undefined || !TOKEN_PATTERN.test(token)) return unauthorized(c, 'malformed');
    const result = tokens.check(token);
    if (!result.ok) return unauthorized(c, result.reason);
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== result.device.origin) return unauthorized(c, 'origin');
    tokens.touch(result.device.deviceId);
    c.set('device', result.device);
    await next();
  };
}
