import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequestBody, kalshiError } from '../../lib/errors.js';
import type { EngineError } from '../../engine/index.js';

/** Kalshi's per-item / wrapped error object. */
export interface KalshiErrorObject {
  code: string;
  message: string;
  details: string;
}

/** A request problem: either Kalshi's top-level `bad_request` or a wrapped error. */
export interface RequestError {
  isTopLevelBadRequest: boolean;
  status: 400;
  error: KalshiErrorObject;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return field ? `${field}: ${issue.message}` : issue.message;
}

/**
 * Maps zod issues to Kalshi's classes: a value of the wrong JSON type → top-level `bad_request`
 * (kalshi-api.md §3.1); a missing required field → `missing_parameters`; everything else (enum
 * value, decimal format, range, unknown field) → `invalid_order`. Details name the field.
 */
export function requestErrorFromIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): RequestError {
  const wrongType = issues.find((i) => i.code === 'invalid_type' && valueAt(raw, i.path) !== undefined);
  if (wrongType) {
    return {
      isTopLevelBadRequest: true,
      status: 400,
      error: { code: 'bad_request', message: 'bad request', details: describe(wrongType) },
    };
  }
  const missing = issues.find((i) => i.code === 'invalid_type');
  if (missing) {
    const details = `${missing.path.map(String).join('.')} is required`;
    return {
      isTopLevelBadRequest: false,
      status: 400,
      error: { code: 'missing_parameters', message: 'missing parameters', details },
    };
  }
  const first = issues[0];
  const details = first ? describe(first) : 'invalid order';
  return {
    isTopLevelBadRequest: false,
    status: 400,
    error: { code: 'invalid_order', message: 'invalid order', details },
  };
}

export function requestErrorResponse(c: Context, err: RequestError): Response {
  if (err.isTopLevelBadRequest) return badRequestBody(c, err.error.details);
  return kalshiError(c, err.status, err.error.code, err.error.message, err.error.details);
}

export function engineErrorResponse(c: Context, err: EngineError): Response {
  return kalshiError(c, err.httpStatus, err.code, err.message, err.details);
}

export type Parsed<T> = { isOk: true; data: T } | { isOk: false; response: Response };

/** Reads and validates a JSON body; the failure carries the finished Kalshi-shaped response. */
export async function parseJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<Parsed<z.output<S>>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { isOk: false, response: badRequestBody(c, 'request body is not valid JSON') };
  }
  return parseValue(c, schema, raw);
}

export function parseValue<S extends z.ZodType>(c: Context, schema: S, raw: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { isOk: true, data: result.data };
  return { isOk: false, response: requestErrorResponse(c, requestErrorFromIssues(result.error.issues, raw)) };
}

/**
 * Query strings are all text, so any problem is a bad parameter rather than a bad order: wrapped
 * `bad_request` naming the parameter.
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S, raw: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { isOk: true, data: result.data };
  const first = result.error.issues[0];
  const details = first ? describe(first) : 'invalid query';
  return { isOk: false, response: kalshiError(c, 400, 'bad_request', 'bad request', details) };
}
