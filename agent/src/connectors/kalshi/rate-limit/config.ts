/**
 * Limiter configuration in plain, already-parsed values. The HTTP layer (K1) parses
 * `GET /account/limits` and `GET /account/endpoint_costs` with zod and hands the result to
 * `TokenBucketLimiter.configure`; nothing here touches the wire.
 */
import type { RateBucket } from './types.js';

/** One bucket as `/account/limits` reports it: `{ refill_rate, bucket_capacity }` (tokens/s, tokens). */
export interface BucketLimit {
  /** Whole tokens added per second. */
  refillPerSecond: number;
  /** Whole tokens the bucket holds when full (the burst). */
  capacity: number;
}

/** `GET /account/limits` → `{ usage_tier, read: {...}, write: {...} }`. */
export interface AccountLimits {
  /** For display only (e.g. "basic"); the numbers below are what the limiter uses. */
  usageTier?: string;
  read: BucketLimit;
  write: BucketLimit;
}

/** One row of `/account/endpoint_costs`: path relative to `/trade-api/v2`, `:param` segments. */
export interface EndpointCostEntry {
  method: string;
  path: string;
  cost: number;
}

/** `GET /account/endpoint_costs` → `{ default_cost, endpoint_costs: [...] }`. */
export interface EndpointCosts {
  defaultCost: number;
  endpointCosts: readonly EndpointCostEntry[];
}

/**
 * Basic tier, used until (or if never) `/account/limits` answers: 200 read / 100 write tokens/s;
 * the write bucket holds one second, the read bucket three (the live Basic account in kalshi-api.md
 * §5). Basic is the smallest tier, so these defaults can only under-use a larger account.
 */
export const BASIC_TIER_LIMITS: AccountLimits = {
  usageTier: 'basic',
  read: { refillPerSecond: 200, capacity: 600 },
  write: { refillPerSecond: 100, capacity: 100 },
};

/**
 * Known non-default costs (kalshi-api.md §5, live list 2026-08-15), used until
 * `/account/endpoint_costs` answers. Everything else costs `defaultCost`.
 */
export const DEFAULT_ENDPOINT_COSTS: EndpointCosts = {
  defaultCost: 10,
  endpointCosts: [
    { method: 'DELETE', path: '/portfolio/events/orders/:order_id', cost: 2 },
    { method: 'DELETE', path: '/portfolio/events/orders/batched', cost: 2 },
    { method: 'GET', path: '/portfolio/orders/:order_id', cost: 2 },
    { method: 'POST', path: '/communications/quotes', cost: 2 },
    { method: 'GET', path: '/communications/quotes/:quote_id', cost: 2 },
    { method: 'DELETE', path: '/communications/quotes/:quote_id', cost: 2 },
    { method: 'POST', path: '/account/api_usage_level/upgrade', cost: 30 },
  ],
};

/** Throws naming the field unless the limit is a positive safe integer pair. */
export function checkBucketLimit(bucket: RateBucket, limit: BucketLimit): void {
  for (const [field, value] of [
    ['refillPerSecond', limit.refillPerSecond],
    ['capacity', limit.capacity],
  ] as const) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new RangeError(`${bucket}.${field} must be a positive integer, got ${String(value)}`);
    }
  }
}
