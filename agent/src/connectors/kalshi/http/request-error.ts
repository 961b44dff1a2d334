import { AgentError } from '../../../lib/errors.js';
import type { ErrorCode } from '@pt/protocol';

/**
 * How a failed venue request is to be handled. One of:
 * - `rejection`: the venue refused it (400/403/404/409/410); `venueCode` says why. Not retried.
 * - `rate_limited`: 429 (the client retries after the bucket refills before surfacing this).
 * - `auth`: 401 (bad key, bad signature, clock skew).
 * - `outcome_unknown`: a write that may or may not have been accepted (408/5xx/timeout/dropped
 *   connection). Reconcile by client_order_id; never resubmit blindly.
 * - `contract`: the answer broke the API contract (missing/mistyped field, 2xx without an order).
 * - `transport`: a read that failed in transit (timeout, 5xx, dropped connection); retryable.
 */
export type KalshiFailureKind =
  'rejection' | 'rate_limited' | 'auth' | 'outcome_unknown' | 'contract' | 'transport';

export interface KalshiRequestErrorInit {
  kind: KalshiFailureKind;
  /** `GET /portfolio/orders` style: method plus the path template. */
  endpoint: string;
  httpStatus: number | undefined;
  /** The venue's error code (`error.code`, else top-level `code`), if it sent one. */
  venueCode: string | undefined;
  venueMessage: string | undefined;
  /** For `contract`: the dotted field path that broke. */
  field?: string;
  /**
   * For `contract` on a write: the venue answered 2xx (so it probably acted) but the answer is
   * unusable; the caller must reconcile as for an unknown outcome.
   */
  isOutcomeUnknown?: boolean;
  message: string;
  cause?: unknown;
}

const CODE_BY_KIND: Record<KalshiFailureKind, ErrorCode> = {
  rejection: 'VENUE_REJECTED',
  rate_limited: 'RATE_LIMITED',
  auth: 'UNAUTHORIZED',
  outcome_unknown: 'OUTCOME_UNKNOWN',
  contract: 'VENUE_CONTRACT_BROKEN',
  transport: 'VENUE_UNAVAILABLE',
};

/** A venue request failure, typed so callers branch on `kind`, never on message text. */
export class KalshiRequestError extends AgentError {
  override name = 'KalshiRequestError';
  readonly kind: KalshiFailureKind;
  readonly endpoint: string;
  readonly httpStatus: number | undefined;
  readonly venueCode: string | undefined;
  readonly field: string | undefined;

  constructor(init: KalshiRequestErrorInit) {
    super(
      CODE_BY_KIND[init.kind],
      init.message,
      {
        retryable: init.kind === 'transport' || init.kind === 'rate_limited',
        outcomeUnknown: init.kind === 'outcome_unknown' || init.isOutcomeUnknown === true,
      },
      {
        endpoint: init.endpoint,
        ...(init.httpStatus === undefined ? {} : { httpStatus: init.httpStatus }),
        ...(init.venueCode === undefined ? {} : { venueCode: init.venueCode }),
        ...(init.venueMessage === undefined ? {} : { venueMessage: init.venueMessage }),
        ...(init.field === undefined ? {} : { field: init.field }),
      },
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.httpStatus = init.httpStatus;
    this.venueCode = init.venueCode;
    this.field = init.field;
  }
}

export function isKalshiRequestError(err: unknown): err is KalshiRequestError {
  return err instanceof KalshiRequestError;
}
