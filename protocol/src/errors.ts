import { z } from 'zod';

/**
 * The closed set of error codes on the wire. Adding a code is an additive change; renaming or
 * removing one bumps PROTOCOL_VERSION.
 */
export const ErrorCode = z.enum([
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INCOMPATIBLE_PROTOCOL',
  'TRADING_HALTED',
  'RISK_DENIED',
  'OUTCOME_UNKNOWN',
  'VENUE_REJECTED',
  'VENUE_UNAVAILABLE',
  'VENUE_CONTRACT_BROKEN',
  'STORE_BUSY',
  'CONFIG_INVALID',
  'LOCKED',
  'KEYCHAIN_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The only error shape on the wire. `details` names the offending field(s) when there are any. */
export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string().min(1),
  details: z.record(z.string(), z.unknown()).optional(),
  retryable: z.boolean(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
