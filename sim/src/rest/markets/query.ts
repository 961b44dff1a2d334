import type { Context } from 'hono';
import type { z } from 'zod';
import { kalshiError } from '../../lib/errors.js';

/** Parses a query with zod; on failure answers 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(
  c: Context,
  schema: S,
): { ok: true; value: z.output<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const message = issue?.message ?? 'invalid';
  const details = message.startsWith(`${field}:`) ? message : `${field}: ${message}`;
  return { ok: false, response: kalshiError(c, 400, 'bad_request', 'bad request', details) };
}
