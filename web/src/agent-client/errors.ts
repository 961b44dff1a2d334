/**
 * The client's two error shapes (house style §7.8): queries throw AgentRequestError; commands the
 * UI branches on return `{ ok: true, data } | { ok: false, error }`. The error carries the agent's
 * ErrorBody code, or a client-side code when the agent could not be reached or answered off-schema.
 */
import type { ErrorBody, ErrorCode } from '@pt/protocol';

export type ClientErrorCode = ErrorCode | 'AGENT_UNREACHABLE' | 'BAD_RESPONSE';

export interface ClientError {
  readonly code: ClientErrorCode;
  readonly message: string;
  /** HTTP status, or null when no response came. */
  readonly status: number | null;
  readonly details?: ErrorBody['details'];
  readonly retryable: boolean;
}

export type CommandResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ClientError };

export class AgentRequestError extends Error {
  override name = 'AgentRequestError';
  constructor(readonly error: ClientError) {
    super(error.message);
  }
}

/** The rule and detail of a RISK_DENIED / TRADING_HALTED refusal (`details { rule, detail }`). */
export function denialOf(error: ClientError): { rule: string; detail: string } | null {
  const rule = error.details?.['rule'];
  const detail = error.details?.['detail'];
  if (typeof rule !== 'string') return null;
  return { rule, detail: typeof detail === 'string' ? detail : error.message };
}
