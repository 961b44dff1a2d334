/**
 * @module
 * `GET /v1/strategies`: every strategy with its enablement, config (defaults filled in), markets
 * and last decision time in the current environment. `GET /v1/strategies/:id`: one (404 unknown).
 * `PUT /v1/strategies/:id` (UpdateStrategyRequest `{ isEnabled?, config? }`): enables, disables
 * or replaces the config (422 naming the field, e.g. `config.zThreshold`); recorded in the
 * environment's ledger with the device. Protected (bearer token).
 */
import { Hono } from 'hono';
import { STRATEGIES_PATH, UpdateStrategyRequest } from '@pt/protocol';
import { AgentError } from '../../lib/errors.js';
import type { StrategyHost } from '../../strategy-host/index.js';
import type { ApiEnv } from '../api-env.js';
import { parseJsonBody } from '../guard/json-body.js';

export function strategiesRoutes(host: Pick<StrategyHost, 'list' | 'update'>): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get(STRATEGIES_PATH, (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ strategies: host.list() });
    })
    .get(`${STRATEGIES_PATH}/:id`, (c) => {
      const found = host.list().find((s) => s.id === c.req.param('id'));
      if (found === undefined) throw new AgentError('NOT_FOUND', `no strategy ${c.req.param('id')}`);
      c.header('Cache-Control', 'no-store');
      return c.json(found);
    })
    .put(`${STRATEGIES_PATH}/:id`, async (c) => {
      const body = await parseJsonBody(c, UpdateStrategyRequest);
      const updated = await host.update(c.req.param('id'), body, c.get('device').deviceId);
      c.header('Cache-Control', 'no-store');
      return c.json(updated);
    });
}
