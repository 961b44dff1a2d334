import { z } from 'zod';
import { ActivityEvent, ActivityKind } from '../domain/activity.js';
import { MarketTicker } from '../ids.js';

/** `GET /v1/activity?ticker=&kind=&sinceMs=&untilMs=&cursor=&limit=`: newest first, paginated. */
export const ACTIVITY_PATH = '/v1/activity';
export const MAX_ACTIVITY_PAGE = 500;

const QueryInt = z
  .string()
  .regex(/^\d{1,15}$/, 'expected a non-negative integer')
  .transform(Number);

/** Query-string parameters (strings on the wire, parsed here). `kind` may repeat: comma-separated. */
export const ActivityQuery = z.strictObject({
  ticker: MarketTicker.optional(),
  kind: z
    .string()
    .transform((text) => text.split(','))
    .pipe(z.array(ActivityKind).min(1))
    .optional(),
  sinceMs: QueryInt.optional(),
  untilMs: QueryInt.optional(),
  /** Opaque, from the previous page's `nextCursor`. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a cursor from a previous page')
    .optional(),
  limit: QueryInt.pipe(z.int().min(1).max(MAX_ACTIVITY_PAGE)).optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

export const ActivityPage = z.strictObject({
  events: z.array(ActivityEvent),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ActivityPage = z.infer<typeof ActivityPage>;
