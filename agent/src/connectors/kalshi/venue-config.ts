/**
 * Where the connector talks to, per trading environment. Demo and live use Kalshi's recommended
 * dedicated `external-api*` hosts (kalshi-api.md §1, docs since 2026-05-07); the simulator's URLs
 * come from configuration (it picks a free port at start). The same connector code runs against
 * all three: only these URLs and the key differ.
 *
 * Validated with zod because a wrong URL is a money problem: a demo key sent to production, or a
 * live order sent over plain http. Demo/live must be https/wss on Kalshi's hosts; sim must be
 * http/ws on loopback, so a sim configuration can never reach a real venue.
 */
import { z } from 'zod';
import type { TradingEnvironment } from '@pt/protocol';

export interface VenueUrls {
  /** REST base, ends with `/trade-api/v2` (no trailing slash). */
  restBaseUrl: string;
  /** WebSocket URL, ends with `/trade-api/ws/v2`. */
  wsUrl: string;
}

export interface VenueConfig extends VenueUrls {
  environment: TradingEnvironment;
}

export const KALSHI_VENUE_URLS = {
  demo: {
    restBaseUrl: 'https://external-api.demo.kalshi.co/trade-api/v2',
    wsUrl: 'wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2',
  },
  live: {
    restBaseUrl: 'https://external-api.kalshi.com/trade-api/v2',
    wsUrl: 'wss://external-api-ws.kalshi.com/trade-api/ws/v2',
  },
} as const satisfies Record<'demo' | 'live', VenueUrls>;

const REST_PATH = '/trade-api/v2';
const WS_PATH = '/trade-api/ws/v2';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Kalshi's hosts for each real environment (recommended and still-supported shared ones). */
const KALSHI_HOSTS: Record<'demo' | 'live', ReadonlySet<string>> = {
  demo: new Set(['external-api.demo.kalshi.co', 'external-api-ws.demo.kalshi.co', 'demo-api.kalshi.co']),
  live: new Set(['external-api.kalshi.com', 'external-api-ws.kalshi.com', 'api.elections.kalshi.com']),
};

function venueUrl(
  label: string,
  protocol: string,
  path: string,
  isHostAllowed: (host: string) => boolean,
  hostRule: string,
) {
  return z
    .string()
    .transform((text) => text.replace(/\/+$/, ''))
    .pipe(z.url({ error: `${label} must be a URL` }))
    .superRefine((text, ctx) => {
      // zod v4 runs refinements even after the url check failed; that issue is already reported.
      if (!URL.canParse(text)) return;
      const url = new URL(text);
      if (url.protocol !== protocol)
        ctx.addIssue({ code: 'custom', message: `${label} must use ${protocol}//` });
      if (!isHostAllowed(url.hostname))
        ctx.addIssue({ code: 'custom', message: `${label} host ${url.hostname} is not ${hostRule}` });
      if (url.pathname !== path) ctx.addIssue({ code: 'custom', message: `${label} path must be ${path}` });
      if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
        ctx.addIssue({ code: 'custom', message: `${label} must not carry a query, fragment or credentials` });
    });
}

function urlsSchema(environment: TradingEnvironment) {
  if (environment === 'sim') {
    const isLoopback = (host: string) => LOOPBACK_HOSTS.has(host);
    return z.object({
      restBaseUrl: venueUrl('restBaseUrl', 'http:', REST_PATH, isLoopback, 'loopback'),
      wsUrl: venueUrl('wsUrl', 'ws:', WS_PATH, isLoopback, 'loopback'),
    });
  }
  const hosts = KALSHI_HOSTS[environment];
  const isKalshi = (host: string) => hosts.has(host);
  const rule = `a Kalshi ${environment} host`;
  return z.object({
    restBaseUrl: venueUrl('restBaseUrl', 'https:', REST_PATH, isKalshi, rule),
    wsUrl: venueUrl('wsUrl', 'wss:', WS_PATH, isKalshi, rule),
  });
}

/**
 * The venue URLs for an environment. Demo and live default to Kalshi's recommended hosts (an
 * override must still be a Kalshi host of the same environment); sim requires both URLs (from the
 * simulator's ready line or configuration). Throws a ZodError naming the field otherwise.
 */
export function resolveVenueConfig(
  environment: TradingEnvironment,
  overrides: Partial<VenueUrls> = {},
): VenueConfig {
  const defaults: Partial<VenueUrls> = environment === 'sim' ? {} : KALSHI_VENUE_URLS[environment];
  const urls = urlsSchema(environment).parse({ ...defaults, ...overrides });
  return { environment, ...urls };
}
