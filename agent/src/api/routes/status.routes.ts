import { Hono } from 'hono';
import { STATUS_PATH } from '@pt/protocol';
import type { AgentStatus } from '@pt/protocol';
import type { HealthReporter } from '../../environment/index.js';
import type { ApiEnv } from '../api-env.js';

export interface StatusRoutesDeps {
  reporter: Pick<HealthReporter, 'status'>;
  /** The agent's own status (starting, ok, stopping); the reporter turns ok into degraded on a red light. */
  agentStatus: () => AgentStatus;
}

/** `GET /v1/status` (protected): environment, trading state, venue and data health. */
export function statusRoutes(deps: StatusRoutesDeps): Hono<ApiEnv> {
  return new Hono<ApiEnv>().get(STATUS_PATH, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(deps.reporter.status(deps.agentStatus()));
  });
}
