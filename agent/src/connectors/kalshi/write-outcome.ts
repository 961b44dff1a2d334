/**
 * Maps a failed venue write to a typed outcome, so the execution layer branches on `status` and
 * the one dangerous case — a write that may have happened — cannot be mistaken for a rejection.
 */
import { isKalshiRequestError } from './http/request-error.js';
import type { WriteOutcome } from './venue-connector.js';

export function failedWriteOutcome(err: unknown): Exclude<WriteOutcome<never>, { status: 'ok' }> {
  if (!isKalshiRequestError(err)) {
    // Thrown before anything was sent: the limiter was aborted or closed.
    return { status: 'refused', reason: err instanceof Error ? err.message : String(err) };
  }
  switch (err.kind) {
    case 'outcome_unknown':
      return { status: 'outcome_unknown', message: err.message };
    case 'rejection':
    case 'contract':
      // A 2xx that breaks the contract (e.g. a create without an order id) is a rejection per
      // issue 5; the connector still reconciles afterwards in case the venue did act on it.
      return { status: 'rejected', venueCode: err.venueCode, message: err.message };
    case 'rate_limited':
    case 'auth':
    case 'transport':
      return { status: 'refused', reason: `${err.kind}: ${err.message}` };
  }
}

export async function toWriteOutcome<T>(write: () => Promise<T>): Promise<WriteOutcome<T>> {
  try {
    return { status: 'ok', value: await write() };
  } catch (err) {
    return failedWriteOutcome(err);
  }
}
