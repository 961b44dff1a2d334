import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody, HealthResponse } from '@pt/protocol';
import type { Logger } from 'pino';
import { isAgentError } from '../lib/errors.js';
import type { ApiEnv } from './api-env.js';
import { STATUS_BY_CODE, codeForStatus } from './error-status.js';
import type { RequestGuard } from './guard/types.js';
import { healthRoutes } from './routes/health.routes.js';

export interface AppDeps {
  logger: Logger;
  /** Current health, computed on each request (status changes as the agent starts and stops). */
  health: () => HealthResponse;
  /** Network defence (Host/Origin allow-lists, CORS, limits, headers): the first middleware. */
  guard?: RequestGuard;
  /** Routes answered without a token (pairing). Health is always public. */
  publicRoutes?: readonly Hono[];
  /** Everything else: the bearer-token middleware, then the routes behind it. */
  protectedApi?: {
    readonly authenticate: MiddlewareHandler<ApiEnv>;
    readonly routes: readonly Hono<ApiEnv>[];
  };
}

const INTERNAL_ERROR: ErrorBody = { code: 'INTERNAL', message: 'Internal error', retryable: false };

/**
 * The HTTP API. Resources mount with `.route`; `onError` is the one place an exception becomes a
 * wire body, so no stack, cause or internal message ever reaches a client.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  if (deps.guard !== undefined) app.use('*', deps.guard.middleware);
  app.route('/', healthRoutes(deps.health));
  for (const routes of deps.publicRoutes ?? []) app.route('/', routes);
  if (deps.protectedApi !== undefined) {
    const { authenticate, routes } = deps.protectedApi;
    const api = new Hono<ApiEnv>();
    api.use('*', authenticate);
    for (const group of routes) api.route('/', group);
    app.route('/', api);
  }

  app.notFound((c) => {
    const body: ErrorBody = {
      code: 'NOT_FOUND',
      message: `No route for ${c.req.method} ${c.req.path}`,
      retryable: false,
    };
    return c.json(body, 404);
  });

  app.onError((err, c) => {
    if (isAgentError(err)) {
      const status = STATUS_BY_CODE[err.code];
      if (status >= 500) deps.logger.error({ err }, 'request failed');
      return c.json(err.toBody(), status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const body: ErrorBody = {
        code: codeForStatus(err.status),
        message: err.message || 'Bad request',
        retryable: false,
      };
      return c.json(body, err.status);
    }
    deps.logger.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error in request');
    return c.json(INTERNAL_ERROR, 500);
  });

  return app;
}
