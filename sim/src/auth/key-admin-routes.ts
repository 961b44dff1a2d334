import { Hono } from 'hono';
import type { AuthContext } from './middleware.js';
import { KeyRegistry } from './key-registry.js';
import { openAccounts, type AccountOpener } from './open-accounts.js';

export interface KeyAdminContext extends Pick<AuthContext, 'keys'> {
  /** When present, new keyed users get a funded account at once. */
  exchange?: AccountOpener;
}

/**
 * `POST /keys` (mounted by the server under `/_sim`, a loopback admin path): body is the same JSON
 * array as the `--keys` file, or a single entry. Answers 201 with the registered key ids/users and
 * opens a funded account for each new user.
 */
export function keyAdminRoutes(ctx: KeyAdminContext): Hono {
  const app = new Hono();
  app.post('/keys', async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ code: 'bad_request', message: 'bad request', details: 'body is not JSON' }, 400);
    }
    let added;
    try {
      added = ctx.keys.addAll(KeyRegistry.parseEntries(Array.isArray(raw) ? raw : [raw]));
    } catch (err) {
      const details = err instanceof Error ? err.message : String(err);
      return c.json({ error: { code: 'bad_request', message: 'bad request', details } }, 400);
    }
    if (ctx.exchange) openAccounts(ctx.exchange, added);
    return c.json({ keys: added.map((key) => ({ key_id: key.keyId, user_id: key.userId })) }, 201);
  });
  return app;
}
