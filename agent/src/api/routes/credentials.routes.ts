import { Hono } from 'hono';
import { z } from 'zod';
import { CREDENTIALS_PATH, KeyedEnvironment, PutCredentialsRequest, validationErrorBody } from '@pt/protocol';
import type { CredentialsOverview, StoredCredentials } from '@pt/protocol';
import type { CredentialsStore } from '../../keychain/types.js';
import { AgentError } from '../../lib/errors.js';
import type { ApiEnv } from '../api-env.js';
import { parseJsonBody } from '../guard/json-body.js';

const EnvironmentParams = z.strictObject({ environment: KeyedEnvironment });

/**
 * Kalshi keys in the OS keychain, behind the bearer middleware (the onboarding wizard):
 * `GET /v1/credentials` (keychain state + what is stored), `PUT /v1/credentials` (import; the key
 * is validated, then stored in the keychain only), `DELETE /v1/credentials/:environment` (204, or
 * 404 when nothing was stored). Responses carry key ids and fingerprints, never the key.
 * No keychain → 503 KEYCHAIN_UNAVAILABLE saying how to enable one.
 */
export function credentialsRoutes(store: CredentialsStore): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get(CREDENTIALS_PATH, async (c) => {
      const body: CredentialsOverview = await store.overview();
      c.header('Cache-Control', 'no-store');
      return c.json(body);
    })
    .put(CREDENTIALS_PATH, async (c) => {
      const request = await parseJsonBody(c, PutCredentialsRequest);
      const body: StoredCredentials = await store.put(request);
      c.header('Cache-Control', 'no-store');
      return c.json(body);
    })
    .delete(`${CREDENTIALS_PATH}/:environment`, async (c) => {
      const parsed = EnvironmentParams.safeParse({ environment: c.req.param('environment') });
      if (!parsed.success) {
        const body = validationErrorBody(parsed.error);
        throw new AgentError(body.code, body.message, {}, body.details);
      }
      const { environment } = parsed.data;
      if (!(await store.delete(environment))) {
        throw new AgentError(
          'NOT_FOUND',
          `environment: no ${environment} key in the OS keychain`,
          {},
          { field: 'environment' },
        );
      }
      return c.body(null, 204);
    });
}
