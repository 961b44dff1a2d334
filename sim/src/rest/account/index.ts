import { Hono } from 'hono';
import { kalshiAuth, type AuthContext, type AuthEnv } from '../../auth/middleware.js';
import { DEFAULT_COST, ENDPOINT_COSTS } from '../../limits/endpoint-costs.js';
import type { RateLimiter } from '../../limits/rate-limiter.js';

export interface AccountContext extends AuthContext {
  limiter: RateLimiter;
}

/**
 * `GET /account/limits` and `GET /account/endpoint_costs` (kalshi-api.md §5; TS
 * `GetAccountApiLimitsResponse`, `GetAccountEndpointCostsResponse`).
 */
export function accountRoutes(ctx: AccountContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/account/*', kalshiAuth(ctx));

  app.get('/account/limits', (c) => {
    const userId = c.get('userId');
    const tier = ctx.limiter.tierOf(userId);
    const limits = ctx.limiter.limitsOf(userId);
    return c.json({
      usage_tier: tier,
      read: { refill_rate: limits.read.refillPerSec, bucket_capacity: limits.read.capacity },
      write: { refill_rate: limits.write.refillPerSec, bucket_capacity: limits.write.capacity },
      // Basic is the sign-up tier and needs no grant; higher tiers are modelled as manual grants.
      grants:
        tier === 'basic' ? [] : [{ exchange_instance: 'event_contract', level: tier, source: 'manual' }],
    });
  });

  app.get('/account/endpoint_costs', (c) =>
    c.json({
      default_cost: DEFAULT_COST,
      endpoint_costs: ENDPOINT_COSTS.map(({ method, path, cost }) => ({ method, path, cost })),
    }),
  );
  return app;
}
