import type { AuthenticatedDevice } from '../auth/types.js';

/** Hono context variables: the auth middleware sets `device` before any protected route runs. */
export interface ApiEnv {
  Variables: { device: AuthenticatedDevice };
}
