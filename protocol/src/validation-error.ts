/**
 * zod failures → the one wire error shape. Both sides report bad input the same way: the message
 * starts with the field path (`order.changes[0].priceE4: …`) and `details` lists every issue.
 */
import type { z } from 'zod';
import type { ErrorBody } from './errors.js';

/** Caps `details.issues` so a huge bad payload cannot make a huge error. */
const MAX_REPORTED_ISSUES = 20;

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** `['order', 'changes', 0, 'priceE4']` → `"order.changes[0].priceE4"`; the root is `"(root)"`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  const text = path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = typeof segment === 'symbol' ? (segment.description ?? 'symbol') : segment;
      return index === 0 ? name : `.${name}`;
    })
    .join('');
  return text === '' ? '(root)' : text;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: formatIssuePath(issue.path), message: issue.message }));
}

/** A VALIDATION_FAILED body naming the first bad field; not retryable (the same input fails again). */
export function validationErrorBody(error: z.ZodError): ErrorBody {
  const issues = fieldIssues(error);
  const first = issues[0] ?? { field: '(root)', message: 'invalid input' };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return {
    code: 'VALIDATION_FAILED',
    message: `${first.field}: ${first.message}${more}`,
    details: { field: first.field, issues: issues.slice(0, MAX_REPORTED_ISSUES) },
    retryable: false,
  };
}
