/** What a cross-origin caller may send; the API authenticates by bearer token, never cookies. */
export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type';
export const CORS_ALLOW_METHODS = 'GET, POST, PUT, DELETE';
/** Seconds a browser may cache a preflight (Chrome caps it at 2 h anyway). */
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * Preflight request headers for a public page calling a more private address: Chrome's Private
 * Network Access sent `…-Private-Network`; the draft's rename to Local Network Access used
 * `…-Local-Network`. Chrome's current LNA is a user permission prompt without a preflight, but
 * older builds still ask, so both are answered (only for an allowed origin).
 */
const NETWORK_ACCESS_HEADERS = [
  ['Access-Control-Request-Private-Network', 'Access-Control-Allow-Private-Network'],
  ['Access-Control-Request-Local-Network', 'Access-Control-Allow-Local-Network'],
] as const;

/** Headers of a 204 preflight answer to an allowed origin (the caller has checked the origin). */
export function preflightHeaders(allowedOrigin: string, request: Headers): Headers {
  const headers = new Headers();
  setCorsOrigin(headers, allowedOrigin);
  headers.set('Access-Control-Allow-Methods', CORS_ALLOW_METHODS);
  headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
  headers.set('Access-Control-Max-Age', String(CORS_MAX_AGE_SECONDS));
  for (const [asked, answer] of NETWORK_ACCESS_HEADERS) {
    if (request.get(asked)?.toLowerCase() === 'true') headers.set(answer, 'true');
  }
  return headers;
}

/** The exact allowed origin, echoed; never `*`, never a foreign origin, never credentials. */
export function setCorsOrigin(headers: Headers, allowedOrigin: string): void {
  headers.set('Access-Control-Allow-Origin', allowedOrigin);
  addVaryOrigin(headers);
}

/** Every answer depends on Origin (refused, or allowed with CORS headers): caches must key on it. */
export function addVaryOrigin(headers: Headers): void {
  const vary = headers.get('Vary');
  if (vary === null) headers.set('Vary', 'Origin');
  else if (!/(^|,)\s*origin\s*(,|$)/i.test(vary)) headers.set('Vary', `${vary}, Origin`);
}
