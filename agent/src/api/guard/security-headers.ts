import { canonicalOriginFor } from './origin.js';

/** `/v1` and everything under it is the API; every other path is the served PWA. */
export function isApiPath(path: string): boolean {
  return path === '/v1' || path.startsWith('/v1/');
}

/**
 * The CSP of the served PWA: its own scripts, styles and images only (no third-party anything, no
 * inline script), its API and stream on the canonical origin, never framed, no forms, no plugins.
 * `connect-src` names the ws: URL explicitly because older engines do not extend 'self' to ws:.
 */
export function buildContentSecurityPolicy(port: number): string {
  const origin = canonicalOriginFor(port);
  const wsOrigin = origin.replace(/^http:/, 'ws:');
  return [
    "default-src 'self'",
    "script-src 'self'",
    `connect-src 'self' ${wsOrigin}`,
    "img-src 'self' data:",
    "style-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Headers every response carries, whatever answered it (a route, a refusal, the 404 handler). */
const ALWAYS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function applySecurityHeaders(headers: Headers, options: { port: number; path: string }): void {
  for (const [name, value] of Object.entries(ALWAYS)) headers.set(name, value);
  headers.set('Content-Security-Policy', buildContentSecurityPolicy(options.port));
  // API answers carry account state and must never sit in a cache.
  if (isApiPath(options.path)) headers.set('Cache-Control', 'no-store');
}
