import { z } from 'zod';
import { TradingEnvironment } from '../domain/environment.js';

/** Unauthenticated liveness endpoint. Answers before auth, so it carries nothing sensitive. */
export const HEALTH_PATH = '/v1/health';

/** Coarse agent status: `starting` until ready, `degraded` while any component is red. */
export const AgentStatus = z.enum(['starting', 'ok', 'degraded', 'stopping']);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const HealthResponse = z.object({
  status: AgentStatus,
  version: z.string().min(1),
  protocolVersion: z.int().min(1),
  /** Which venue the agent trades on now, so every client can show it at all times. */
  environment: TradingEnvironment,
});
export type HealthResponse = z.infer<typeof HealthResponse>;
