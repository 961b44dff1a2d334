import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Kalshi's error envelope: `{"error":{"code","message","details"}}`. `details` is omitted when
 * empty, as the real API does outside batch responses (kalshi-api.md §3.1).
 */
export function kalshiError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: string,
): Response {
  const error = details === undefined || details === '' ? { code, message } : { code, message, details };
  return c.json({ error }, status);
}

/**
 * Thrown for a body that is not JSON (or not the right JSON types). Kalshi answers these with a
 * TOP-LEVEL `{"code":"bad_request",...}` rather than the wrapped envelope (kalshi-api.md §3.1).
 */
export class BadRequestBodyError extends Error {
  constructor(readonly details: string) {
    super(`bad request: ${details}`);
    this.name = 'BadRequestBodyError';
  }
}

export function badRequestBody(c: Context, details: string): Response {
  return c.json({ code: 'bad_request', message: 'bad request', details }, 400);
}
