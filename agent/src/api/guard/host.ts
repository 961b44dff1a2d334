import type { GuardVerdict } from './types.js';

/**
 * The only names this agent answers to. A DNS-rebinding page reaches 127.0.0.1 under its own name
 * (`evil.com`, `127.0.0.1.nip.io`), so the browser sends that name in Host; refusing every other
 * name is what defeats it.
 */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/**
 * Exact match against {@link allowedHosts}, compared lower-cased: host names are case-insensitive
 * (RFC 9110 §4.2.3) and `LOCALHOST` is still the loopback name, so refusing it would protect
 * nothing. No other normalisation: a trailing dot, userinfo, a default or missing port, `0.0.0.0`,
 * `127.1` or any other spelling of loopback is refused, because none of them is what a browser
 * on our own pages sends.
 */
export function checkHost(host: string | undefined, port: number): GuardVerdict {
  if (host === undefined || host === '') {
    return { ok: false, status: 421, reason: 'missing Host header' };
  }
  const wanted = host.toLowerCase();
  if (allowedHosts(port).includes(wanted)) return { ok: true };
  return { ok: false, status: 421, reason: 'Host is not one of the agent loopback names' };
}

/** `localhost:PORT` / `[::1]:PORT`: allowed, but not the canonical origin the PWA should run on. */
export function isLoopbackAlias(host: string | undefined, port: number): boolean {
  const wanted = host?.toLowerCase();
  return wanted === `localhost:${port}` || wanted === `[::1]:${port}`;
}
