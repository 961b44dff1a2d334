import { Hono } from 'hono';
import { ENVIRONMENT_PATH, SwitchEnvironmentRequest } from '@pt/protocol';
import type { EnvironmentRuntime } from '../../environment/index.js';
import type { ApiEnv } from '../api-env.js';
import { parseJsonBody } from '../guard/json-body.js';

/**
 * `GET /v1/environment`: the current environment and, per target, what stands in the way of a
 * switch. `POST /v1/environment` (SwitchEnvironmentRequest): switches and answers the new overview,
 * or refuses with 409 CONFLICT (`details.blockers`) / 422 VALIDATION_FAILED naming the field.
 * Protected: the acknowledgement records the paired device that gave it.
 */
export function environmentRoutes(runtime: Pick<EnvironmentRuntime, 'overview' | 'switchTo'>): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get(ENVIRONMENT_PATH, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await runtime.overview());
    })
    .post(ENVIRONMENT_PATH, async (c) => {
      const request = await parseJsonBody(c, SwitchEnvironmentRequest);
      const overview = await runtime.switchTo(request, c.get('device'));
      c.header('Cache-Control', 'no-store');
      return c.json(overview);
    });
}
