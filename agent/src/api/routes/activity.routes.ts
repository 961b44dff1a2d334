import { Hono } from 'hono';
import { ACTIVITY_PATH, ActivityQuery, validationErrorBody } from '@pt/protocol';
import type { ActivityPage } from '@pt/protocol';
import type { ActivityFeed } from '../../activity/index.js';
import { AgentError } from '../../lib/errors.js';
import type { ApiEnv } from '../api-env.js';

const KNOWN_PARAMS = new Set(Object.keys(ActivityQuery.shape));

/**
 * `GET /v1/activity?ticker=&kind=&sinceMs=&untilMs=&cursor=&limit=`: the current environment's
 * activity, newest first (ActivityPage). A bad, unknown or repeated parameter is 422
 * VALIDATION_FAILED whose message starts with its name (`details.field`); `kind` may repeat or be
 * comma-separated. Protected (behind the bearer middleware).
 */
export function activityRoutes(feed: Pick<ActivityFeed, 'page'>): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get(ACTIVITY_PATH, (c) => {
    const parsed = ActivityQuery.safeParse(flattenParams(c.req.queries()));
    if (!parsed.success) {
      const body = validationErrorBody(parsed.error);
      throw new AgentError(body.code, body.message, {}, body.details);
    }
    const page: ActivityPage = feed.page(parsed.data);
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });
}

/** One string per parameter: repeated `kind`s join with commas; anything else may appear once. */
function flattenParams(queries: Record<string, string[]>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, values] of Object.entries(queries)) {
    if (!KNOWN_PARAMS.has(name)) throw paramError(name, 'unknown query parameter');
    if (values.length > 1 && name !== 'kind') throw paramError(name, 'given more than once');
    params[name] = values.join(',');
  }
  return params;
}

function paramError(name: string, message: string): AgentError {
  const field = name.length > 64 ? `${name.slice(0, 64)}…` : name;
  return new AgentError(
    'VALIDATION_FAILED',
    `${field}: ${message}`,
    {},
    {
      field,
      issues: [{ field, message }],
    },
  );
}
