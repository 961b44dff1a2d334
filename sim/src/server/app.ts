import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { SimContext } from './context.js';
import { kalshiAuth } from '../auth/index.js';
import { rateLimit } from '../limits/index.js';
import { exchangeRoutes } from '../exchange/index.js';
import { portfolioRoutes } from '../rest/portfolio/index.js';
import { accountRoutes } from '../rest/account/index.js';
import { emptyMarketDeps, marketRoutes, type MarketDeps } from '../rest/markets/index.js';
import { restFaults } from '../faults/rest-faults.js';
import { adminRoutes } from '../faults/admin-routes.js';
import { benchRoutes } from './bench-routes.js';
import { BadRequestBodyError, badRequestBody, kalshiError } from '../lib/errors.js';

export const API_PREFIX = '/trade-api/v2';
export const WS_PATH = '/trade-api/ws/v2';

/**
 * The whole HTTP surface. Kalshi paths live under `/trade-api/v2`; the fault-injection admin API
 * lives under `/_sim` so that no fault switch can ever be reached through a Kalshi path.
 */
export function createSimApp(ctx: SimContext, market: MarketDeps = emptyMarketDeps()): Hono {
  const app = new Hono();
  app.route('/_sim', adminRoutes(ctx));
  app.route('/_sim', benchRoutes(ctx));

  const api = new Hono();
  api.use('*', restFaults(ctx));
  // Authenticated paths verify first, so the limiter charges the verified user; public reads are
  // charged only when signed (the limiter identifies signed callers itself).
  for (const path of ['/portfolio/*', '/account/*', '/exchange/user_data_timestamp']) {
    api.use(path, kalshiAuth(ctx));
  }
  api.use('*', rateLimit(ctx));
  api.route('/', exchangeRoutes(ctx));
  api.route('/', marketRoutes(ctx, market));
  api.route('/', portfolioRoutes(ctx));
  api.route('/', accountRoutes(ctx));
  app.route(API_PREFIX, api);

  app.notFound((c) =>
    kalshiError(c, 404, 'not_found', 'not found', `no route for ${c.req.method} ${c.req.path}`),
  );
  app.onError((err, c) => {
    // A body JSON.parse could not read, however it surfaced: Kalshi's top-level bad_request.
    if (err instanceof BadRequestBodyError) return badRequestBody(c, err.details);
    if (err instanceof SyntaxError) return badRequestBody(c, err.message);
    if (err instanceof HTTPException && err.status === 400) return badRequestBody(c, err.message);
    if (err instanceof HTTPException) return err.getResponse();
    ctx.log.error('unhandled request error', { path: c.req.path, err: String(err) });
    return kalshiError(c, 500, 'internal_server_error', 'internal server error');
  });
  return app;
}
