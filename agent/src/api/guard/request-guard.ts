import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { DEFAULT_MAX_BODY_BYTES } from './body-rules.js';
import { addVaryOrigin, preflightHeaders, setCorsOrigin } from './cors.js';
import { createOriginAllowList } from './origin.js';
import { refusalResponse } from './refusal.js';
import type { Refusal } from './refusal.js';
import { hostRefusal, originRefusal, screenRequest, tooLarge } from './screen.js';
import { applySecurityHeaders } from './security-headers.js';
import type { GuardVerdict, RequestGuard } from './types.js';

export interface RequestGuardOptions {
  /** The bound port, read per request: with `--port 0` it is known only after listen. */
  readonly port: () => number;
  /** Origins the user added (config `allowedOrigins`), besides the canonical one. */
  readonly allowedOrigins: readonly string[];
  readonly logger: Logger;
  /** Request body cap in bytes; 64 KiB by default. */
  readonly maxBodyBytes?: number;
}

interface RefusalFacts {
  readonly method: string;
  readonly path: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
}

function factsOf(c: Context): RefusalFacts {
  return {
    method: c.req.method,
    path: c.req.path,
    host: c.req.header('host'),
    origin: c.req.header('origin'),
  };
}

/** Header values are attacker-chosen: logged cut short, and never Authorization. */
function clip(value: string | undefined): string | undefined {
  return value === undefined || value.length <= 200 ? value : `${value.slice(0, 200)}…`;
}

/**
 * The agent's network-surface defence; see ./README.md for the rules. Install it as the first
 * middleware (`createApp({ guard })`) and call `checkUpgrade` from the WS upgrade handler.
 */
export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const origins = createOriginAllowList(options.port, options.allowedOrigins);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const logRefusal = (refusal: Refusal, facts: RefusalFacts): void => {
    // Host and Origin refusals are the attacks this guard exists for; size and type are mistakes.
    const level = refusal.status === 421 || refusal.status === 403 ? 'warn' : 'debug';
    options.logger[level](
      {
        reason: refusal.reason,
        status: refusal.status,
        method: facts.method,
        path: clip(facts.path),
        host: clip(facts.host),
        origin: clip(facts.origin),
      },
      'request refused by the network guard',
    );
  };

  // Streams a body without Content-Length (chunked) and cuts it off past the cap.
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => {
      const refusal = tooLarge(maxBodyBytes);
      logRefusal(refusal, factsOf(c));
      return refusalResponse(c, refusal);
    },
  });

  const finish = (c: Context, res: Response, port: number, hasCors: boolean): void => {
    applySecurityHeaders(res.headers, { port, path: c.req.path });
    const origin = c.req.header('origin');
    if (hasCors && origins.isAllowed(origin)) setCorsOrigin(res.headers, origin);
    else addVaryOrigin(res.headers);
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    const port = options.port();
    const facts = {
      method: c.req.method,
      path: c.req.path,
      headers: c.req.raw.headers,
    };
    const screening = screenRequest(facts, { port, origins, maxBodyBytes });
    switch (screening.kind) {
      case 'refuse': {
        logRefusal(screening.refusal, factsOf(c));
        const res = refusalResponse(c, screening.refusal);
        finish(c, res, port, screening.refusal.status !== 421);
        return res;
      }
      case 'preflight': {
        const res = new Response(null, {
          status: 204,
          headers: preflightHeaders(screening.origin, facts.headers),
        });
        finish(c, res, port, true);
        return res;
      }
      case 'redirect-canonical': {
        const url = new URL(c.req.url);
        const res = c.redirect(`${origins.canonical()}${url.pathname}${url.search}`, 308);
        finish(c, res, port, false);
        return res;
      }
      case 'pass': {
        const early = await limitBody(c, next);
        if (early instanceof Response) c.res = early;
        finish(c, c.res, port, true);
        return undefined;
      }
    }
  };

  const checkUpgrade: RequestGuard['checkUpgrade'] = ({ host, origin }): GuardVerdict => {
    const port = options.port();
    const refusal =
      hostRefusal(host, port) ?? (origins.isAllowed(origin) ? undefined : originRefusal(origin));
    if (refusal === undefined) return { ok: true };
    logRefusal(refusal, { method: 'UPGRADE', path: '(websocket)', host, origin });
    return { ok: false, status: refusal.status === 421 ? 421 : 403, reason: refusal.reason };
  };

  return { middleware, checkUpgrade, canonicalOrigin: origins.canonical };
}
