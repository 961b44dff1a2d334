import type { MiddlewareHandler } from 'hono';

/** What the guard decided about a request or a WS upgrade; a refusal has no side effect. */
export type GuardVerdict =
  { readonly ok: true } | { readonly ok: false; readonly status: 403 | 421; readonly reason: string };

/**
 * The agent's network surface defence (DNS rebinding, CSRF, cross-site WS hijacking): Host
 * allow-list on everything, Origin allow-list on state-changing requests and WS upgrades, CORS only
 * for allow-listed origins, size and content-type limits, security headers.
 */
export interface RequestGuard {
  /** First middleware of the app. */
  readonly middleware: MiddlewareHandler;
  /** The same Host + Origin rules for a WS upgrade (Origin is required there). */
  checkUpgrade(headers: {
    readonly host?: string | undefined;
    readonly origin?: string | undefined;
  }): GuardVerdict;
  /** The agent's own origin, e.g. `http://127.0.0.1:47821` (known once the server listens). */
  canonicalOrigin(): string;
}
