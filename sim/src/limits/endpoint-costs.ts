import type { BucketName } from './tiers.js';

export const DEFAULT_COST = 10;

export interface EndpointCost {
  method: string;
  /** Route pattern relative to `/trade-api/v2`, `:param` style as in Kalshi's rate-limit page. */
  path: string;
  cost: number;
}

/**
 * Non-default costs (kalshi-api.md §5, live list 2026-08-15). Batch cancel is charged per item.
 * Cancel-all (`DELETE /portfolio/events/orders`) "costs one cancel" only per an UNCONFIRMED
 * secondary source; we keep the defensive default of 10 and so do not list it.
 */
export const ENDPOINT_COSTS: readonly EndpointCost[] = [
  { method: 'DELETE', path: '/portfolio/events/orders/:order_id', cost: 2 },
  { method: 'DELETE', path: '/portfolio/events/orders/batched', cost: 2 },
  { method: 'GET', path: '/portfolio/orders/:order_id', cost: 2 },
  { method: 'POST', path: '/communications/quotes', cost: 2 },
  { method: 'GET', path: '/communications/quotes/:quote_id', cost: 2 },
  { method: 'DELETE', path: '/communications/quotes/:quote_id', cost: 2 },
  { method: 'POST', path: '/account/api_usage_level/upgrade', cost: 30 },
];

// Literal sub-paths that a `:param` segment must not swallow (`/orders/batched` is no order id).
const RESERVED_SEGMENTS = new Set(['batched', 'queue_positions']);

function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return false;
  return want.every((segment, i) => {
    const actual = got[i] ?? '';
    return segment.startsWith(':') ? actual !== '' && !RESERVED_SEGMENTS.has(actual) : segment === actual;
  });
}

// Paths under these prefixes that are not GETs drain the write bucket (RL: "order placement,
// amends, cancels, order groups, and the RFQ quote flow"); every other request is a read.
const WRITE_PREFIXES = [
  '/portfolio/events/orders',
  '/portfolio/order_groups',
  '/portfolio/orders',
  '/communications',
];

export interface Charge {
  bucket: BucketName;
  cost: number;
}

/**
 * Bucket and token cost of one request. `apiPath` is relative to `/trade-api/v2`; `itemCount` is
 * the number of orders in a batch body ("batch endpoints don't save tokens": cost × items).
 */
export function classifyEndpoint(method: string, apiPath: string, itemCount = 1): Charge {
  const upper = method.toUpperCase();
  const path = apiPath.length > 1 ? apiPath.replace(/\/+$/, '') : apiPath;
  const isWrite = upper !== 'GET' && upper !== 'HEAD' && WRITE_PREFIXES.some((p) => path.startsWith(p));
  const bucket: BucketName = isWrite ? 'write' : 'read';
  const listed = ENDPOINT_COSTS.find((entry) => entry.method === upper && matches(entry.path, path));
  const unitCost = listed?.cost ?? DEFAULT_COST;
  const isBatch = path.endsWith('/batched');
  return { bucket, cost: unitCost * (isBatch ? Math.max(1, itemCount) : 1) };
}
