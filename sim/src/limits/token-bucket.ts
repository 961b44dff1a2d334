import type { BucketLimit } from './tiers.js';

/**
 * A token bucket kept in milli-tokens so refill over integer milliseconds is exact:
 * `refillPerSec` tokens/s is exactly `refillPerSec` milli-tokens per ms. Starts full.
 */
export class TokenBucket {
  private milliTokens: number;
  private lastRefillMs: number;

  constructor(
    private readonly limit: BucketLimit,
    nowMs: number,
  ) {
    this.milliTokens = limit.capacity * 1000;
    this.lastRefillMs = nowMs;
  }

  private refill(nowMs: number): void {
    // A clock shifted backwards must not mint or burn tokens; just re-anchor.
    const elapsedMs = Math.max(0, nowMs - this.lastRefillMs);
    this.milliTokens = Math.min(
      this.limit.capacity * 1000,
      this.milliTokens + elapsedMs * this.limit.refillPerSec,
    );
    this.lastRefillMs = nowMs;
  }

  /** Takes `cost` tokens if the bucket covers them; on refusal nothing is taken (no cooldown). */
  tryTake(cost: number, nowMs: number): boolean {
    this.refill(nowMs);
    if (this.milliTokens < cost * 1000) return false;
    this.milliTokens -= cost * 1000;
    return true;
  }

  /** Whole tokens currently available (for diagnostics and tests). */
  available(nowMs: number): number {
    this.refill(nowMs);
    return Math.floor(this.milliTokens / 1000);
  }
}
