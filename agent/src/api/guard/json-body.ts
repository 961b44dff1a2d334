import type { Context } from 'hono';
import type { z } from 'zod';
import { validationErrorBody } from '@pt/protocol';
import { AgentError } from '../../lib/errors.js';
import { isJsonContentType } from './body-rules.js';

/**
 * A route's JSON body, parsed and validated. The guard has already capped its size (413) and
 * checked its content type; the type is checked again here so a route is safe even without the
 * guard. Throws an AgentError the app's onError turns into the wire body: 415
 * UNSUPPORTED_MEDIA_TYPE, 400 BAD_REQUEST naming `(root)` for malformed JSON, 422
 * VALIDATION_FAILED naming the first bad field.
 */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new AgentError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Content-Type: expected application/json',
      {},
      { field: 'Content-Type' },
    );
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AgentError('BAD_REQUEST', '(root): malformed JSON body', {}, { field: '(root)' });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const body = validationErrorBody(parsed.error);
    throw new AgentError(body.code, body.message, {}, body.details);
  }
  return parsed.data;
}
