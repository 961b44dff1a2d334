/**
 * One token bucket in integer milli-tokens. `refillPerSecond` tokens/s is exactly that many
 * milli-tokens per millisecond, so refill over integer milliseconds never rounds.
 */
import type { BucketLimit } from './config.js';

const MILLI = 1000;

export class TokenBucket {
  private capacityMilli: number;
  private refillMilliPerMs: number;
  private reserveMilli: number;
  /** Tokens granted but not yet settled: the venue may not have charged them yet. */
  private inFlightMilli = 0;
  private milliTokens: number;
  private lastRefillMs: number;

  /**
   * @param refillHeadroomPercent refill this much slower than the venue so that network jitter
   *   (two requests arriving closer together than they were sent) cannot overdraw the venue's
   *   bucket; at saturation the venue's bucket drifts back to full instead of to empty.
   * @param latencyAllowanceMs the venue charges a request when it processes it, not when we send
   *   it, so a burst delayed by the venue's queue and a later request that is not can land closer
   *   together than we sent them. Keeping `refillPerSecond × latencyAllowanceMs` tokens in reserve
   *   (a request needs its cost plus the reserve) absorbs up to that much latency variation: over
   *   any window the venue then sees at most capacity + rate × window. A request too large to fit
   *   with the reserve is sent once the bucket is full, so it is never refused outright.
   */
  constructor(
    limit: BucketLimit,
    nowMs: number,
    private readonly refillHeadroomPercent: number,
    private readonly latencyAllowanceMs: number,
  ) {
    this.capacityMilli = limit.capacity * MILLI;
    this.refillMilliPerMs = this.effectiveRate(limit);
    this.reserveMilli = limit.refillPerSecond * latencyAllowanceMs;
    this.milliTokens = this.capacityMilli; // a fresh venue account starts full
    this.lastRefillMs = nowMs;
  }

  /** New limits keep the tokens already earned, clamped to the new capacity. */
  reconfigure(limit: BucketLimit, nowMs: number): void {
    this.refill(nowMs);
    this.capacityMilli = limit.capacity * MILLI;
    this.refillMilliPerMs = this.effectiveRate(limit);
    this.reserveMilli = limit.refillPerSecond * this.latencyAllowanceMs;
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
    if (this.milliTokens < this.neededMilli(cost)) return false;
    this.milliTokens -= cost * MILLI;
    return true;
  }

  /**
   * Milliseconds until `cost` tokens are covered (0 if they are now), or null when refill alone
   * cannot get there because in-flight tokens hold the ceiling down: then only a settle helps.
   */
  msUntil(cost: number, nowMs: number): number | null {
    const needed = this.neededMilli(cost);
    if (needed > this.capacityMilli - this.inFlightMilli) return null;
    const missing = needed - this.available(nowMs);
    return missing <= 0 ? 0 : Math.ceil(missing / this.refillMilliPerMs);
  }

  /** A granted request of `cost` was sent and is not yet known to be charged by the venue. */
  beginInFlight(cost: number): void {
    this.inFlightMilli += cost * MILLI;
  }

  /** The venue has charged it (its answer arrived): refill may again fill the bucket to the top. */
  endInFlight(cost: number, nowMs: number): void {
    this.refill(nowMs); // credit the time before the settle under the old, lower ceiling
    this.inFlightMilli = Math.max(0, this.inFlightMilli - cost * MILLI);
  }

  /** The venue said 429: our view was optimistic, so start again from empty. */
  drain(nowMs: number): void {
    this.milliTokens = 0;
    this.lastRefillMs = nowMs;
  }

  /** Cost plus the latency reserve, but never more than a full bucket. */
  private neededMilli(cost: number): number {
    return Math.min(cost * MILLI + this.reserveMilli, this.capacityMilli);
  }

  /**
   * Refill never lifts the bucket above capacity minus the tokens still in flight: an in-flight
   * request's tokens are still in the venue's bucket, and while that bucket is full the venue
   * wastes refill we would otherwise count. Invariant (for a venue that started at least as full):
   * our tokens + the venue's not-yet-charged tokens ≤ the venue's tokens. So when the venue charges
   * any request, it holds at least its cost: no 429 whatever the latency.
   */
  private refill(nowMs: number): void {
    // A clock stepping backwards must neither mint nor burn tokens: just re-anchor.
    const elapsedMs = Math.max(0, nowMs - this.lastRefillMs);
    const ceilingMilli = this.capacityMilli - this.inFlightMilli;
    const refilled = Math.min(ceilingMilli, this.milliTokens + elapsedMs * this.refillMilliPerMs);
    this.milliTokens = Math.max(this.milliTokens, refilled); // the ceiling stops refill, never takes
    this.lastRefillMs = nowMs;
  }

  private effectiveRate(limit: BucketLimit): number {
    return Math.max(1, Math.floor((limit.refillPerSecond * (100 - this.refillHeadroomPercent)) / 100));
  }
}
