import { allowedHosts, checkHost, isLoopbackAlias } from './host.js';
import type { OriginAllowList } from './origin.js';
import { declaredBody, isJsonContentType } from './body-rules.js';
import type { Refusal } from './refusal.js';
import { isApiPath } from './security-headers.js';

/** What the guard looks at; taken from the raw request headers (the Host header, not the URL). */
export interface RequestFacts {
  readonly method: string;
  readonly path: string;
  readonly headers: Headers;
}

export interface ScreenPolicy {
  readonly port: number;
  readonly origins: OriginAllowList;
  readonly maxBodyBytes: number;
}

export type Screening =
  | { readonly kind: 'pass' }
  | { readonly kind: 'refuse'; readonly refusal: Refusal }
  | { readonly kind: 'preflight'; readonly origin: string }
  | { readonly kind: 'redirect-canonical' };

/** Methods that change nothing: no Origin needed unless they read the API from a foreign page. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

const PASS: Screening = { kind: 'pass' };

function refuse(refusal: Refusal): Screening {
  return { kind: 'refuse', refusal };
}

/** The Host rule, shared with WS upgrades. */
export function hostRefusal(host: string | undefined, port: number): Refusal | undefined {
  const verdict = checkHost(host, port);
  if (verdict.ok) return undefined;
  return {
    status: 421,
    field: 'Host',
    message: `this agent answers only ${allowedHosts(port).join(', ')} (DNS rebinding protection)`,
    reason: verdict.reason,
  };
}

/** Why an Origin that is not on the allow-list (or absent, or `null`) was refused. */
export function originRefusal(origin: string | undefined): Refusal {
  return {
    status: 403,
    field: 'Origin',
    message: 'this origin may not use the agent API (add it to allowedOrigins in config.json)',
    reason: origin === undefined ? 'missing Origin' : 'Origin not on the allow-list',
  };
}

/**
 * The network-surface rules in order: Host on everything; preflights answered here (allowed
 * origins only); safe methods refused only for a foreign Origin on the API; everything else needs
 * an allowed Origin, a sane declared size and a JSON content type. Nothing here reads the body.
 */
export function screenRequest(facts: RequestFacts, policy: ScreenPolicy): Screening {
  const host = facts.headers.get('host') ?? undefined;
  const origin = facts.headers.get('origin') ?? undefined;
  const badHost = hostRefusal(host, policy.port);
  if (badHost !== undefined) return refuse(badHost);

  const isAllowedOrigin = policy.origins.isAllowed(origin);
  if (facts.method === 'OPTIONS') {
    return isAllowedOrigin ? { kind: 'preflight', origin } : refuse(originRefusal(origin));
  }

  const isUpgrade = facts.headers.get('upgrade')?.toLowerCase() === 'websocket';
  if (SAFE_METHODS.has(facts.method) && !isUpgrade) {
    const api = isApiPath(facts.path);
    if (api && origin !== undefined && !isAllowedOrigin) return refuse(originRefusal(origin));
    return !api && isLoopbackAlias(host, policy.port) ? { kind: 'redirect-canonical' } : PASS;
  }

  if (!isAllowedOrigin) return refuse(originRefusal(origin));
  return bodyRefusal(facts, policy.maxBodyBytes) ?? PASS;
}

function bodyRefusal(facts: RequestFacts, maxBodyBytes: number): Screening | undefined {
  const { headers } = facts;
  const declared = declaredBody(headers);
  if (declared.kind === 'none') return undefined;
  if (declared.kind === 'invalid') {
    return refuse({
      status: 400,
      field: 'Content-Length',
      message: 'not a byte count',
      reason: 'invalid Content-Length',
    });
  }
  if (declared.kind === 'sized' && declared.bytes > maxBodyBytes) {
    return refuse(tooLarge(maxBodyBytes));
  }
  if (!isJsonContentType(headers.get('content-type') ?? undefined)) {
    return refuse({
      status: 415,
      field: 'Content-Type',
      message: 'expected application/json',
      reason: 'body is not JSON',
    });
  }
  return undefined;
}

export function tooLarge(maxBodyBytes: number): Refusal {
  return {
    status: 413,
    field: 'Content-Length',
    message: `request body larger than ${maxBodyBytes} bytes`,
    reason: 'body too large',
  };
}
