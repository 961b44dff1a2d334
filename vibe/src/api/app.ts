/**
 * @module
 * The HTTP API (Hono). `GET /v1/health` is open and says only that the service runs; everything
 * else needs `Authorization: Bearer <api key>` and passes a per-key token bucket. Input is parsed
 * with the protocol schemas; every error is the protocol's ErrorBody naming the field.
 */
import {
  ErrorBody,
  SENTIMENT_HISTORY_PATH,
  SENTIMENT_PATH,
  SentimentHistoryQuery,
  SentimentQuery,
  validationErrorBody,
  type ErrorCode,
  type SentimentResponse,
} from '@pt/protocol';
import { Hono } from 'hono';
import type { Collector } from '../collectors/types.js';
import type { Log } from '../lib/log.js';
import type { TopicRule } from '../topics/rules.js';
import type { ApiKeys } from './api-keys.js';
import type { KeyedTokenBuckets } from './rate-limit.js';
import type { SentimentReader } from './sentiment-reader.js';

export interface AppDeps {
  keys: ApiKeys;
  limiter: KeyedTokenBuckets;
  reader: SentimentReader;
  rules: readonly TopicRule[];
  collectors: readonly Collector[];
  log: Log;
}

type Env = { Variables: { keyId: string } };

function fail(
  status: 400 | 401 | 404 | 429 | 500 | 503,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const body = ErrorBody.parse({ code, message, retryable: status === 429 || status === 503 });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function createApp(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>();
  const known = new Set(deps.rules.map((rule) => rule.topic));

  app.get('/v1/health', (c) => c.json({ status: 'ok' }));

  app.use('/v1/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
    const keyId = match?.[1] === undefined ? null : deps.keys.identify(match[1]);
    if (keyId === null) {
      return fail(401, 'UNAUTHORIZED', 'authorization: a valid "Bearer <api key>" header is required', {
        'www-authenticate': 'Bearer realm="vibe"',
      });
    }
    const take = deps.limiter.take(keyId);
    if (!take.ok) {
      const retryAfterS = Math.max(1, Math.ceil(take.retryAfterMs / 1000));
      return fail(429, 'RATE_LIMITED', `rate limit for key ${keyId} reached; retry later`, {
        'retry-after': String(retryAfterS),
      });
    }
    c.set('keyId', keyId);
    await next();
  });

  app.get(SENTIMENT_PATH, (c) => {
    const query = SentimentQuery.safeParse(c.req.query());
    if (!query.success) return c.json(validationErrorBody(query.error), 400);
    const unknown = query.data.topics.findIndex((topic) => !known.has(topic));
    if (unknown >= 0) {
      const topic = query.data.topics[unknown] ?? '';
      return fail(
        400,
        'VALIDATION_FAILED',
        `topics[${unknown}]: unknown topic "${topic}" (see GET /v1/topics)`,
      );
    }
    const topics = query.data.topics.map((topic) => deps.reader.topic(topic));
    if (topics.some((topic) => topic === null)) {
      return fail(503, 'VENUE_UNAVAILABLE', 'no aggregate computed yet; retry shortly');
    }
    const body: SentimentResponse = { topics: topics.filter((topic) => topic !== null) };
    return c.json(body);
  });

  app.get(SENTIMENT_HISTORY_PATH, (c) => {
    const query = SentimentHistoryQuery.safeParse(c.req.query());
    if (!query.success) return c.json(validationErrorBody(query.error), 400);
    if (!known.has(query.data.topic)) {
      return fail(404, 'NOT_FOUND', `topic: unknown topic "${query.data.topic}" (see GET /v1/topics)`);
    }
    return c.json(deps.reader.history(query.data));
  });

  app.get('/v1/topics', (c) =>
    c.json({ topics: deps.rules.map(({ topic, label, series }) => ({ topic, label, series })) }),
  );

  app.get('/v1/sources', (c) => c.json({ sources: deps.collectors.map((collector) => collector.health()) }));

  app.notFound((c) => fail(404, 'NOT_FOUND', `path: no route ${c.req.method} ${c.req.path}`));
  app.onError((err) => {
    deps.log.error({ err }, 'unhandled error in request');
    return fail(500, 'INTERNAL', 'Internal error');
  });
  return app;
}
