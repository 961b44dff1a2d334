/**
 * Per-key token buckets: `capacity` requests at once, refilled at `refillPerSecond`. A request
 * without a token is refused with the time until the next one (the route answers 429 with
 * Retry-After in whole seconds).
 */
export interface RateLimitOptions {
  capacity: number;
  refillPerSecond: number;
  nowMs?: () => number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export class KeyedTokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();
  private readonly nowMs: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  take(key: string): TakeResult {
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.capacity, atMs: now };
    const refilled = (Math.max(0, now - bucket.atMs) / 1000) * this.options.refillPerSecond;
    bucket.tokens = Math.min(this.options.capacity, bucket.tokens + refilled);
    bucket.atMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return {
      ok: false,
      retryAfterMs: Math.ceil(((1 - bucket.tokens) / this.options.refillPerSecond) * 1000),
    };
  }
}
