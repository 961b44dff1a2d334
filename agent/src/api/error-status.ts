import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '@pt/protocol';

/** HTTP status per protocol error code; a Record so a new code cannot be added without a status. */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INCOMPATIBLE_PROTOCOL: 426,
  TRADING_HALTED: 409,
  RISK_DENIED: 422,
  // The venue may have acted: 502 says "upstream trouble", the body says "reconcile, do not resend".
  OUTCOME_UNKNOWN: 502,
  VENUE_REJECTED: 422,
  VENUE_UNAVAILABLE: 503,
  VENUE_CONTRACT_BROKEN: 502,
  STORE_BUSY: 503,
  CONFIG_INVALID: 400,
  LOCKED: 423,
  KEYCHAIN_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Hono's own HTTPExceptions (body limit, malformed input in middleware) mapped back to a code. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
  }
}
