import { describe, expect, it } from 'vitest';
import { KalshiRequestError, type KalshiFailureKind } from './http/request-error.js';
import { toWriteOutcome } from './write-outcome.js';

function failing(kind: KalshiFailureKind, venueCode?: string) {
  return () =>
    Promise.reject(
      new KalshiRequestError({
        kind,
        endpoint: 'POST /portfolio/events/orders',
        httpStatus: kind === 'outcome_unknown' ? 504 : 400,
        venueCode,
        venueMessage: undefined,
        message: `${kind} happened`,
      }),
    );
}

describe('toWriteOutcome', () => {
  it('passes the value through on success', async () => {
    expect(await toWriteOutcome(() => Promise.resolve(42))).toEqual({ status: 'ok', value: 42 });
  });

  it('keeps outcome_unknown distinct from a rejection', async () => {
    expect(await toWriteOutcome(failing('outcome_unknown'))).toEqual({
      status: 'outcome_unknown',
      message: 'outcome_unknown happened',
    });
    expect(await toWriteOutcome(failing('rejection', 'invalid_order'))).toEqual({
      status: 'rejected',
      venueCode: 'invalid_order',
      message: 'rejection happened',
    });
  });

  it('maps a contract break to a rejection and auth/rate limits/limiter aborts to refusals', async () => {
    expect((await toWriteOutcome(failing('contract'))).status).toBe('rejected');
    expect(await toWriteOutcome(failing('auth'))).toEqual({
      status: 'refused',
      reason: 'auth: auth happened',
    });
    expect((await toWriteOutcome(failing('rate_limited'))).status).toBe('refused');
    expect(await toWriteOutcome(() => Promise.reject(new Error('aborted')))).toEqual({
      status: 'refused',
      reason: 'aborted',
    });
  });
});
