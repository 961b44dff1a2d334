/**
 * @module
 * Flatten All (protected): `POST /v1/flatten` (FlattenRequest, `{}` for the defaults) halts
 * trading, cancels every resting order and closes every venue position, answering the run's final
 * FlattenReport; a press while a run is going joins it (same flattenId). `GET /v1/flatten` is the
 * latest run's report, running or finished (404 NOT_FOUND before the first press).
 */
import { Hono } from 'hono';
import { FLATTEN_PATH, FlattenRequest } from '@pt/protocol';
import type { FlattenService } from '../../flatten/index.js';
import { AgentError } from '../../lib/errors.js';
import type { ApiEnv } from '../api-env.js';
import { parseJsonBody } from '../guard/json-body.js';

export function flattenRoutes(flatten: Pick<FlattenService, 'press' | 'latest'>): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .post(FLATTEN_PATH, async (c) => {
      const request = await parseJsonBody(c, FlattenRequest);
      const report = await flatten.press(request).done;
      c.header('Cache-Control', 'no-store');
      return c.json(report);
    })
    .get(FLATTEN_PATH, (c) => {
      const report = flatten.latest();
      if (report === null) throw new AgentError('NOT_FOUND', 'No Flatten All run yet');
      c.header('Cache-Control', 'no-store');
      return c.json(report);
    });
}
