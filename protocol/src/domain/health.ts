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

/** One loaded (or refused) model in the models component (agent/src/ml ModelRegistry). */
export const ModelHealth = z.object({
  name: z.string().min(1),
  /** null when the model was refused before it loaded (no verified manifest entry). */
  version: z.string().min(1).nullable(),
  /** `ready`: verified and fresh; `stale`: older than the configured max age; `refused`: never ran. */
  state: z.enum(['ready', 'stale', 'refused']),
  /** The model gate the strategies read: open only when ready. */
  gate: z.enum(['open', 'closed']),
  isStale: z.boolean(),
  trainedAtMs: TimestampMs.nullable(),
  /** Now − trainedAt when checked, floored to the hour (a pushed health changes at most hourly); null when refused. */
  ageMs: z.int().min(0).nullable(),
  /** Why the gate is closed (stale or refused), null when open. */
  reason: z.string().min(1).nullable(),
});
export type ModelHealth = z.infer<typeof ModelHealth>;

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
    /** The ONNX models (issue 10); optional so an older agent's health still parses. */
    models: ComponentHealth.extend({ models: z.array(ModelHealth) }).optional(),
  }),
  checkedAtMs: TimestampMs,
});
export type HealthDetail = z.infer<typeof HealthDetail>;
