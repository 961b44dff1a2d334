import { z } from 'zod';

/** Unauthenticated liveness endpoint. Answers before auth, so it carries nothing sensitive. */
export const HEALTH_PATH = '/v1/health';

/** Coarse agent status: `starting` until ready, `degraded` while any component is red. */
export const AgentStatus = z.enum(['starting', 'ok', 'degraded', 'stopping']);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const HealthResponse = z.object({
  status: AgentStatus,
  version: z.string().min(1),
  protocolVersion: z.int().min(1),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
