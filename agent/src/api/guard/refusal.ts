import type { Context } from 'hono';
import type { ErrorBody, ErrorCode } from '@pt/protocol';

/**
 * The statuses the guard answers with and the wire code of each. 421 Misdirected Request (a Host
 * this server does not serve) exists only here: on the wire it is still FORBIDDEN, so the
 * protocol's code list and the app's STATUS_BY_CODE stay as they are.
 */
const CODE_BY_REFUSAL_STATUS = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  421: 'FORBIDDEN',
} as const satisfies Record<number, ErrorCode>;

export type RefusalStatus = keyof typeof CODE_BY_REFUSAL_STATUS;

export interface Refusal {
  readonly status: RefusalStatus;
  /** The header at fault (`Host`, `Origin`, `Content-Type`, `Content-Length`); starts the message. */
  readonly field: string;
  readonly message: string;
  /** For the log only: why, in a few words (never header values that could hold secrets). */
  readonly reason: string;
}

export function refusalResponse(c: Context, refusal: Refusal): Response {
  const body: ErrorBody = {
    code: CODE_BY_REFUSAL_STATUS[refusal.status],
    message: `${refusal.field}: ${refusal.message}`,
    details: { field: refusal.field },
    retryable: false,
  };
  return c.json(body, refusal.status);
}
