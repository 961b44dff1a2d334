import { z } from 'zod';
import { MarketTicker } from '../ids.js';
import { AgentStatus } from '../rest/health.js';
import { TimestampMs } from '../timestamp.js';
import { TradingEnvironment } from './environment.js';

export const HealthLight = z.enum(['green', 'amber', 'red']);
export type HealthLight = z.infer<typeof HealthLight>;

export const ComponentHealth = z.object({
  light: HealthLight,
  /** One line a trader can act on ("Kalshi WS reconnecting, attempt 3"). */
  detail: z.string().min(1),
  /** When the light last changed colour. */
  sinceMs: TimestampMs,
});
export type ComponentHealth = z.infer<typeof ComponentHealth>;

/** Full health for the paired UI (the unauthenticated /v1/health carries only AgentStatus). */
export const HealthDetail = z.object({
  status: AgentStatus,
  environment: TradingEnvironment,
  components: z.object({
    /** Venue reachability, exchange status, token budget. */
    venue: ComponentHealth,
    /** Red when venue responses stop matching our schemas (fail closed on drift). */
    apiContract: ComponentHealth,
    /** Market data freshness; `staleTickers` names the markets that went quiet. */
    dataLiveness: ComponentHealth.extend({ staleTickers: z.array(MarketTicker) }),
    store: ComponentHealth,
    sentiment: ComponentHealth,
  }),
  checkedAtMs: TimestampMs,
});
export type HealthDetail = z.infer<typeof HealthDetail>;
