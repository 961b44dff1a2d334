import { z } from 'zod';
import type { Logger } from 'pino';
import type { ContractMonitor } from '../contract/contract-monitor.js';
import { KalshiRequestError } from './request-error.js';

export interface ParseContext {
  /** `GET /markets/{ticker}`: method plus path template, the "where" of a contract violation. */
  endpoint: string;
  contract: ContractMonitor;
  logger: Logger;
  /** A write answered 2xx: a broken answer leaves the outcome unknown (reconcile, never resubmit). */
  isWrite?: boolean;
}

/**
 * Parses a venue response FAIL CLOSED: any issue (missing or mistyped required field, a value that
 * is not valid fixed-point) fails the request with a `contract` error naming the first field, and
 * every broken field is reported to the contract monitor (red light). Never a default value.
 * Extra fields the schema does not know are tolerated and reported once each.
 */
export function parseVenue<S extends z.ZodType>(schema: S, body: unknown, ctx: ParseContext): z.output<S> {
  // Unknown fields first: after a rename, the new name next to the missing old one is the clue.
  for (const field of unknownFields(schema, body, '')) {
    if (ctx.contract.reportUnknownField('rest', ctx.endpoint, field)) {
      ctx.logger.warn({ endpoint: ctx.endpoint, field }, 'venue sent a field the client does not know');
    }
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues;
    for (const issue of issues.slice(0, 10)) {
      ctx.contract.reportViolation({
        source: 'rest',
        where: ctx.endpoint,
        field: issuePath(issue.path),
        message: issue.message,
      });
    }
    const first = issues[0];
    const field = first === undefined ? '(root)' : issuePath(first.path);
    ctx.logger.error(
      { endpoint: ctx.endpoint, field, issueCount: issues.length },
      'venue response broke the API contract',
    );
    throw new KalshiRequestError({
      kind: 'contract',
      endpoint: ctx.endpoint,
      httpStatus: undefined,
      venueCode: undefined,
      venueMessage: undefined,
      field,
      isOutcomeUnknown: ctx.isWrite === true,
      message: `${ctx.endpoint}: response field '${field}' ${first?.message ?? 'is invalid'}`,
    });
  }
  return result.data;
}

function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : String(key)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/**
 * Walks the input beside the schema and yields dotted paths of object keys the schema does not
 * declare. Array indices collapse to `[]` so one new field in 1,000 markets is one report.
 */
export function* unknownFields(schema: z.core.$ZodType, value: unknown, path: string): Generator<string> {
  const inner = unwrap(schema);
  if (inner instanceof z.core.$ZodObject) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const shape = inner._zod.def.shape;
    for (const [key, child] of Object.entries(value)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const childSchema = shape[key];
      if (childSchema === undefined) yield childPath;
      else yield* unknownFields(childSchema, child, childPath);
    }
  } else if (inner instanceof z.core.$ZodArray) {
    if (!Array.isArray(value)) return;
    for (const item of value) yield* unknownFields(inner._zod.def.element, item, `${path}[]`);
  }
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.core.$ZodOptional || current instanceof z.core.$ZodNullable) {
      current = current._zod.def.innerType;
    } else if (current instanceof z.core.$ZodPipe) current = current._zod.def.in;
    else return current;
  }
}
