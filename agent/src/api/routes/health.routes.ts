import { Hono } from 'hono';
import { HEALTH_PATH } from '@pt/protocol';
import type { HealthResponse } from '@pt/protocol';

/**
 * `GET /v1/health`: answered before any auth, so it says only whether the agent is up and which
 * versions it speaks; nothing about markets, orders or the account.
 */
export function healthRoutes(health: () => HealthResponse): Hono {
  return new Hono().get(HEALTH_PATH, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(health());
  });
}
