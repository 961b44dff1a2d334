/**
 * THE error classification table: every HTTP status (and every transport failure) maps to one
 * failure kind, separately for reads and writes. The difference matters only where the venue may
 * have acted on a write without telling us (408, 5xx, timeouts, dropped connections): a read is
 * simply retryable, a write is `outcome_unknown` and must be resolved by reconciliation by
 * client_order_id, never by blind resubmission.
 */
import type { KalshiFailureKind } from './request-error.js';

export type RequestKind = 'read' | 'write';

/** A failure that happened before any HTTP status arrived. */
export type TransportFailure = 'timeout' | 'connection';

interface Row {
  /** Human label for the table test and logs. */
  label: string;
  matches: (status: number) => boolean;
  read: KalshiFailureKind;
  write: KalshiFailureKind;
}

const is =
  (...codes: number[]) =>
  (status: number) =>
    codes.includes(status);

// Order matters: the first matching row wins.
const STATUS_TABLE: readonly Row[] = [
  // The venue refused the request and says why (error.code); nothing happened.
  { label: 'refused', matches: is(400, 403, 404, 409, 410), read: 'rejection', write: 'rejection' },
  { label: 'unauthenticated', matches: is(401), read: 'auth', write: 'auth' },
  // A 429 means not accepted: safe to retry writes too once the bucket refills.
  { label: 'rate limited', matches: is(429), read: 'rate_limited', write: 'rate_limited' },
  // Request timeout / server errors: a write may have reached the matching engine.
  { label: 'request timeout', matches: is(408), read: 'transport', write: 'outcome_unknown' },
  {
    label: 'server error',
    matches: (s) => s >= 500 && s <= 599,
    read: 'transport',
    write: 'outcome_unknown',
  },
  // Any other 4xx is the venue refusing a malformed request, except that for a write we cannot be
  // sure an unfamiliar status (e.g. a proxy's 499) did not follow acceptance.
  {
    label: 'other client error',
    matches: (s) => s >= 400 && s <= 499,
    read: 'rejection',
    write: 'outcome_unknown',
  },
  // 1xx/3xx/anything else is not a Kalshi answer at all (a proxy, a redirect we do not follow).
  { label: 'unexpected status', matches: () => true, read: 'transport', write: 'outcome_unknown' },
];

const TRANSPORT_TABLE: Record<TransportFailure, Record<RequestKind, KalshiFailureKind>> = {
  timeout: { read: 'transport', write: 'outcome_unknown' },
  connection: { read: 'transport', write: 'outcome_unknown' },
};

/** A non-2xx status → how to treat it. 2xx is success and never passed here. */
export function classifyStatus(status: number, kind: RequestKind): KalshiFailureKind {
  const row = STATUS_TABLE.find((r) => r.matches(status));
  // The last row matches everything; this is for the type checker.
  if (row === undefined) return kind === 'read' ? 'transport' : 'outcome_unknown';
  return row[kind];
}

export function classifyTransport(failure: TransportFailure, kind: RequestKind): KalshiFailureKind {
  return TRANSPORT_TABLE[failure][kind];
}

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}
