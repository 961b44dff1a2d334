import type { VenueErrorInfo } from './types.js';

/**
 * Reads the venue's error from a non-2xx body. Kalshi wraps errors as
 * `{"error":{"code","message","details"}}`, but an unparseable request gets a top-level
 * `{"code","message","details"}` and a 429 gets `{"error":"too many requests"}` (a string): read
 * `error.code` first, fall back to the top-level `code`, then to the error string.
 */
export function readVenueError(body: unknown): VenueErrorInfo | undefined {
  if (!isRecord(body)) return undefined;
  const nested = body['error'];
  if (isRecord(nested)) {
    const fromNested = fromObject(nested);
    if (fromNested !== undefined) return fromNested;
  }
  const topLevel = fromObject(body);
  if (topLevel !== undefined) return topLevel;
  if (typeof nested === 'string' && nested !== '') {
    return { code: nested.trim().toLowerCase().replace(/\s+/g, '_'), message: nested, details: undefined };
  }
  return undefined;
}

function fromObject(o: Record<string, unknown>): VenueErrorInfo | undefined {
  const code = o['code'];
  if (typeof code !== 'string' || code === '') return undefined;
  const message = o['message'];
  const details = o['details'];
  return {
    code,
    message: typeof message === 'string' ? message : code,
    details: typeof details === 'string' && details !== '' ? details : undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
