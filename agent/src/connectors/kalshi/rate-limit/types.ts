/**
 * The contract between the HTTP client and the client-side rate limiter. Kalshi meters reads and
 * writes in separate token buckets (kalshi-api.md §5); the limiter makes requests wait for tokens
 * instead of provoking 429s, and serves higher priorities first.
 */
export type RateBucket = 'read' | 'write';

/** Lower number = served first. Cancels and Flatten All traffic go before new orders and reads. */
export const RequestPriority = {
  flatten: 0,
  cancel: 1,
  order: 2,
  read: 3,
} as const;
export type RequestPriority = keyof typeof RequestPriority;

export interface TokenRequest {
  bucket: RateBucket;
  /** Tokens this request costs (from /account/endpoint_costs; Kalshi's default is 10, cancel 2). */
  cost: number;
  priority: RequestPriority;
  /** Aborting gives up the wait (the request is then not sent). */
  signal?: AbortSignal;
}

export interface BucketBudget {
  /** Tokens available now (may be fractional while refilling; integer milli-tokens internally). */
  tokens: number;
  capacity: number;
  refillPerSecond: number;
  /** Requests waiting for this bucket. */
  waiting: number;
}

export interface RequestLimiter {
  /** Resolves when the tokens were taken; rejects if the signal aborts first. */
  acquire(request: TokenRequest): Promise<void>;
  /** The venue answered 429 anyway: drain the bucket so the next requests wait a full refill. */
  onRateLimited(bucket: RateBucket): void;
  /** The current budget, for the UI and health. */
  budget(): Record<RateBucket, BucketBudget>;
  /**
   * Optional (additive): the request granted for this exact `TokenRequest` object got its answer
   * (any status) or failed for good, so the venue has charged it. Kalshi charges a request when it
   * processes it, not when we send it; until then its tokens still sit in the venue's bucket, which
   * may be full and wasting refill. A limiter that knows which requests are still in flight can stay
   * below the venue's bucket whatever the latency. Call it once per granted `acquire`, in `finally`.
   */
  onSettled?(request: TokenRequest): void;
}
