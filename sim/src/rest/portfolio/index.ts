import { Hono } from 'hono';
import { kalshiAuth, type AuthEnv } from '../../auth/middleware.js';
import { syncTradingPause } from '../../exchange/pause-sync.js';
import { createRoutes } from './create-routes.js';
import type { PortfolioContext } from './engine-port.js';
import { orderGroupRoutes } from './order-group-routes.js';
import { orderRoutes } from './order-routes.js';
import { queueRoutes } from './queue-routes.js';
import { readRoutes } from './read-routes.js';

export type { PortfolioContext, PortfolioEngine } from './engine-port.js';
export * as PortfolioSchemas from './schemas.js';

/**
 * Everything under `/portfolio` (kalshi-api.md §3.2–3.3). Authenticates itself (idempotently, so
 * an outer `kalshiAuth` is fine) and brings the engine's pause flag up to date with the
 * maintenance schedule before every request, so place/amend are refused inside the window.
 */
export function portfolioRoutes(ctx: PortfolioContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/portfolio/*', kalshiAuth(ctx), async (_c, next) => {
    syncTradingPause(ctx);
    await next();
  });
  // Batched routes first: `/orders/batched` must not be taken as an order id.
  app.route('/', createRoutes(ctx));
  app.route('/', orderRoutes(ctx));
  app.route('/', orderGroupRoutes(ctx));
  app.route('/', queueRoutes(ctx)); // before /portfolio/orders/:order_id
  app.route('/', readRoutes(ctx));
  return app;
}
