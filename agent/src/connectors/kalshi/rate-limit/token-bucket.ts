/**
 * One token bucket in integer milli-tokens. `refillPerSecond` tokens/s is exactly that many
 * milli-tokens per millisecond, so refill over integer milliseconds never rounds.
 */
import type { BucketLimit } from './config.js';

const MILLI = 1000;

export class TokenBucket {
  private capacityMilli: number;
  private refillMilliPerMs: number;
  private milliTokens: number;
  private lastRefillMs: number;

  /**
   * @param refillHeadroomPercent refill this much slower than the venue so that network jitter
   *   (two requests arriving closer together than they were sent) cannot overdraw the venue's
   *   bucket; at saturation the venue's bucket drifts back to full instead of to empty.
   */
  constructor(
    limit: BucketLimit,
    nowMs: number,
    private readonly refillHeadroomPercent: number,
  ) {
    this.capacityMilli = limit.capacity * MILLI;
    this.refillMilliPerMs = this.effectiveRate(limit);
    this.milliTokens = this.capacityMilli; // a fresh venue account starts full
    this.lastRefillMs = nowMs;
  }

  /** New limits keep the tokens already earned, clamped to the new capacity. */
  reconfigure(limit: BucketLimit, nowMs: number): void {
    this.refill(nowMs);
    this.capacityMilli = limit.capacity * MILLI;
    this.refillMilliPerMs = this.effectiveRate(limit);
    this.milliTokens = Math.min(this.milliTokens, this.capacityMilli);
  }

  get capacityTokens(): number {
    return this.capacityMilli / MILLI;
  }

  /** Milli-tokens available at `nowMs`. */
  available(nowMs: number): number {
    this.refill(nowMs);
    return this.milliTokens;
  }

  /** Takes `cost` whole tokens if covered; nothing is taken otherwise. */
  tryTake(cost: number, nowMs: number): boolean {
    this.refill(nowMs);
    const costMilli = cost * MILLI;
    if (this.milliTokens < costMilli) return false;
    this.milliTokens -= costMilli;
    return true;
  }

  /** Milliseconds until `cost` tokens are covered (0 if they are now). */
  msUntil(cost: number, nowMs: number): number {
    const missing = cost * MILLI - this.available(nowMs);
    return missing <= 0 ? 0 : Math.ceil(missing / this.refillMilliPerMs);
  }

  /** The venue said 429: our view was optimistic, so start again from empty. */
  drain(nowMs: number): void {
    this.milliTokens = 0;
    this.lastRefillMs = nowMs;
  }

  private refill(nowMs: number): void {
    // A clock stepping backwards must neither mint nor burn tokens: just re-anchor.
    const elapsedMs = Math.max(0, nowMs - this.lastRefillMs);
    this.milliTokens = Math.min(this.capacityMilli, this.milliTokens + elapsedMs * this.refillMilliPerMs);
    this.lastRefillMs = nowMs;
  }

  private effectiveRate(limit: BucketLimit): number {
    return Math.max(1, Math.floor((limit.refillPerSecond * (100 - this.refillHeadroomPercent)) / 100));
  }
}
