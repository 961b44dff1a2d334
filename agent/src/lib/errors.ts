import type { ErrorBody, ErrorCode } from '@pt/protocol';

/** What a caller can do about a failure (freqtrade's taxonomy, Nautilus's is_retryable / outcome-unknown). */
export interface AgentErrorFlags {
  /** Trying the same operation again later may succeed (timeouts, 429, 5xx). */
  retryable?: boolean;
  /**
   * A write may have reached the venue but we cannot prove whether it was accepted: reconcile by
   * client order id, never resubmit blindly.
   */
  outcomeUnknown?: boolean;
}

/**
 * An operational failure at an I/O edge, typed with a protocol error code. Expected outcomes
 * (a risk denial, a missing book) are values, not AgentErrors; broken invariants are plain Errors
 * that crash the process so start-up recovery runs.
 */
export class AgentError extends Error {
  override name = 'AgentError';
  readonly retryable: boolean;
  readonly outcomeUnknown: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    flags: AgentErrorFlags = {},
    readonly details?: Record<string, unknown>,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.retryable = flags.retryable ?? false;
    this.outcomeUnknown = flags.outcomeUnknown ?? false;
  }

  /** The wire body: code, message, field details; never the stack or the cause. */
  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      retryable: this.retryable,
    };
  }
}

export function isAgentError(err: unknown): err is AgentError {
  return err instanceof AgentError;
}
