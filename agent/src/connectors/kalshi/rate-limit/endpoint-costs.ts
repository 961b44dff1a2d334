/**
 * Which bucket a request drains and how many tokens it costs. Kalshi: the Write bucket is "order
 * placement, amends, cancels, order groups, and the RFQ quote flow"; everything else is Read.
 * "Batch endpoints don't save tokens": a batch costs the per-item cost times the items.
 */
import type { EndpointCostEntry, EndpointCosts } from './config.js';
import { DEFAULT_ENDPOINT_COSTS } from './config.js';
import type { RateBucket } from './types.js';

export interface RequestCharge {
  bucket: RateBucket;
  cost: number;
}

// Non-GET requests under these prefixes are writes.
const WRITE_PREFIXES = [
  '/portfolio/events/orders',
  '/portfolio/order_groups',
  '/portfolio/orders',
  '/communications',
];
// Literal segments a `:param` must not swallow (`/orders/batched` is not an order id).
const RESERVED_SEGMENTS = new Set(['batched', 'queue_positions']);

function matches(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length !== segments.length) return false;
  return pattern.every((want, i) => {
    const got = segments[i] ?? '';
    return want.startsWith(':') ? got !== '' && !RESERVED_SEGMENTS.has(got) : want === got;
  });
}

interface CompiledEntry {
  method: string;
  segments: readonly string[];
  cost: number;
}

function normalise(apiPath: string): string {
  const withoutQuery = apiPath.split('?')[0] ?? '';
  const relative = withoutQuery.startsWith('/trade-api/v2')
    ? withoutQuery.slice('/trade-api/v2'.length)
    : withoutQuery;
  return relative.length > 1 ? relative.replace(/\/+$/, '') : relative;
}

/** The cost table from `/account/endpoint_costs` (or the documented defaults). */
export class EndpointCostTable {
  private readonly defaultCost: number;
  private readonly entries: readonly CompiledEntry[];

  constructor(costs: EndpointCosts = DEFAULT_ENDPOINT_COSTS) {
    checkCost('defaultCost', costs.defaultCost);
    this.defaultCost = costs.defaultCost;
    this.entries = costs.endpointCosts.map((entry: EndpointCostEntry, i) => {
      checkCost(`endpointCosts[${i}].cost`, entry.cost);
      return {
        method: entry.method.toUpperCase(),
        segments: normalise(entry.path).split('/'),
        cost: entry.cost,
      };
    });
  }

  /**
   * Bucket and cost of one request. `apiPath` may include `/trade-api/v2` and a query string;
   * `itemCount` is the number of orders in a `/batched` body.
   */
  charge(method: string, apiPath: string, itemCount = 1): RequestCharge {
    const upper = method.toUpperCase();
    const path = normalise(apiPath);
    const isWrite =
      upper !== 'GET' && upper !== 'HEAD' && WRITE_PREFIXES.some((prefix) => path.startsWith(prefix));
    const segments = path.split('/');
    const listed = this.entries.find((entry) => entry.method === upper && matches(entry.segments, segments));
    const unitCost = listed?.cost ?? this.defaultCost;
    const items = path.endsWith('/batched') ? Math.max(1, itemCount) : 1;
    return { bucket: isWrite ? 'write' : 'read', cost: unitCost * items };
  }
}

function checkCost(field: string, cost: number): void {
  if (!Number.isSafeInteger(cost) || cost < 0) {
    throw new RangeError(`${field} must be a non-negative integer, got ${String(cost)}`);
  }
}
