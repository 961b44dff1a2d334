import { AgentError } from '../lib/errors.js';

/** VALIDATION_FAILED naming the field, shaped like protocol `validationErrorBody` (never the value). */
export function invalidField(field: string, message: string): AgentError {
  return new AgentError(
    'VALIDATION_FAILED',
    `${field}: ${message}`,
    {},
    { field, issues: [{ field, message }] },
  );
}
