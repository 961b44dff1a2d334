/**
 * The client-side mirror of Kalshi's read and write token buckets: requests wait here for tokens
 * instead of provoking 429s, highest priority first (see wait-queue.ts for the exact policy).
 */
import { AgentError } from '../../../lib/errors.js';
import type { AccountLimits } from './config.js';
import { BASIC_TIER_LIMITS, checkBucketLimit } from './config.js';
import { TokenBucket } from './token-bucket.js';
import type { BucketBudget, RateBucket, RequestLimiter, TokenRequest } from './types.js';
import { RequestPriority } from './types.js';
import { WaitQueue } from './wait-queue.js';
import type { Waiter } from './wait-queue.js';
import { InFlightGrants } from './in-flight.js';
import { systemLimiterClock } from './limiter-clock.js';
import type { LimiterClock } from './limiter-clock.js';

export interface TokenBucketLimiterOptions {
  /** From `/account/limits`; Basic tier until `configure` is called. */
  limits?: AccountLimits;
  clock?: LimiterClock;
  /** A waiting request gains one priority level per this many ms (anti-starvation). Default 5000. */
  agingMs?: number;
  /** Refill this % slower than the venue to absorb network jitter. Default 5. */
  refillHeadroomPercent?: number;
  /**
   * Latency variation to absorb, kept as a reserve of refill × this many ms (token-bucket.ts).
   * Not needed when the caller reports `onSettled` (in-flight tracking covers latency exactly);
   * a belt-and-braces option for callers that cannot. Default 0.
   */
  latencyAllowanceMs?: number;
  /**
   * A granted request not reported through `onSettled` within this many ms is assumed charged by
   * the venue, so a caller that never reports cannot lock the bucket; it only loses throughput
   * when a bucket holds less than this long of refill (Basic write: 1 s). Default 1000.
   */
  settleTimeoutMs?: number;
}

interface BucketLane {
  readonly bucket: TokenBucket;
  readonly queue: WaitQueue;
  refillPerSecond: number;
  timer: unknown;
  hasTimer: boolean;
}

export class TokenBucketLimiter implements RequestLimiter {
  private readonly clock: LimiterClock;
  private readonly lanes: Record<RateBucket, BucketLane>;
  private readonly inFlight: InFlightGrants;
  private seq = 0;
  private rateLimitedCount = 0;

  constructor(options: TokenBucketLimiterOptions = {}) {
    this.clock = options.clock ?? systemLimiterClock;
    const limits = options.limits ?? BASIC_TIER_LIMITS;
    checkBucketLimit('read', limits.read);
    checkBucketLimit('write', limits.write);
    const agingMs = options.agingMs ?? 5000;
    const headroom = options.refillHeadroomPercent ?? 5;
    const latencyAllowanceMs = options.latencyAllowanceMs ?? 0;
    const settleTimeoutMs = options.settleTimeoutMs ?? 1000;
    checkInteger('agingMs', agingMs, 1, Number.MAX_SAFE_INTEGER);
    checkInteger('refillHeadroomPercent', headroom, 0, 99);
    checkInteger('latencyAllowanceMs', latencyAllowanceMs, 0, Number.MAX_SAFE_INTEGER);
    checkInteger('settleTimeoutMs', settleTimeoutMs, 1, Number.MAX_SAFE_INTEGER);
    this.inFlight = new InFlightGrants(this.clock, settleTimeoutMs, (request) => {
      this.lanes[request.bucket].bucket.endInFlight(request.cost, this.clock.nowMs());
      this.pump(request.bucket);
    });
    const now = this.clock.nowMs();
    const lane = (bucket: RateBucket): BucketLane => ({
      bucket: new TokenBucket(limits[bucket], now, headroom, latencyAllowanceMs),
      queue: new WaitQueue(agingMs),
      refillPerSecond: limits[bucket].refillPerSecond,
      timer: undefined,
      hasTimer: false,
    });
    this.lanes = { read: lane('read'), write: lane('write') };
  }

  /** Applies the account's real limits (from `/account/limits`); waiting requests keep their place. */
  configure(limits: AccountLimits): void {
    checkBucketLimit('read', limits.read);
    checkBucketLimit('write', limits.write);
    const now = this.clock.nowMs();
    for (const name of ['read', 'write'] as const) {
      const lane = this.lanes[name];
      lane.bucket.reconfigure(limits[name], now);
      lane.refillPerSecond = limits[name].refillPerSecond;
      this.pump(name);
    }
  }

  acquire(request: TokenRequest): Promise<void> {
    const { bucket, cost, priority, signal } = request;
    if (!Number.isSafeInteger(cost) || cost < 0) {
      return Promise.reject(new RangeError(`cost must be a non-negative integer, got ${String(cost)}`));
    }
    if (!(priority in RequestPriority))
      return Promise.reject(new RangeError(`unknown priority ${String(priority)}`));
    const lane = this.lanes[bucket];
    if (cost > lane.bucket.capacityTokens) return Promise.reject(this.tooExpensive(bucket, cost));
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    const now = this.clock.nowMs();
    // Fast path: nobody ahead and the tokens are there.
    if (lane.queue.size === 0 && lane.bucket.tryTake(cost, now)) {
      this.track(request);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        if (lane.queue.remove(waiter)) {
          reject(abortReason(signal));
          this.pump(bucket); // the aborted request may have been the one holding the line
        }
      };
      const waiter: Waiter = {
        cost,
        priority,
        seq: this.seq++,
        enqueuedAtMs: now,
        resolve: () => {
          this.track(request);
          resolve();
        },
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      lane.queue.push(waiter);
      this.pump(bucket);
    });
  }

  onRateLimited(bucket: RateBucket): void {
    this.rateLimitedCount += 1;
    this.lanes[bucket].bucket.drain(this.clock.nowMs());
    this.pump(bucket);
  }

  onSettled(request: TokenRequest): void {
    this.inFlight.settle(request); // an unknown or timed-out request is ignored
  }

  budget(): Record<RateBucket, BucketBudget> {
    const now = this.clock.nowMs();
    const of = (name: RateBucket): BucketBudget => {
      const lane = this.lanes[name];
      return {
        tokens: lane.bucket.available(now) / 1000,
        capacity: lane.bucket.capacityTokens,
        refillPerSecond: lane.refillPerSecond,
        waiting: lane.queue.size,
      };
    };
    return { read: of('read'), write: of('write') };
  }

  /** 429s reported by the HTTP layer since start (should stay 0 in normal operation). */
  get rateLimitedTotal(): number {
    return this.rateLimitedCount;
  }

  /** Shutdown: every waiting request fails (retryable) and no timer is left behind. */
  close(): void {
    this.inFlight.clear();
    for (const name of ['read', 'write'] as const) {
      const lane = this.lanes[name];
      this.cancelTimer(lane);
      for (const waiter of lane.queue.drain()) {
        waiter.detach();
        waiter.reject(new AgentError('VENUE_UNAVAILABLE', 'rate limiter closed', { retryable: true }));
      }
    }
  }

  /** Grants every request the bucket now covers, in policy order; then sleeps until the next one. */
  private pump(name: RateBucket): void {
    const lane = this.lanes[name];
    this.cancelTimer(lane);
    for (;;) {
      const now = this.clock.nowMs();
      const next = lane.queue.peek(now);
      if (next === undefined) return;
      if (next.cost > lane.bucket.capacityTokens) {
        // Capacity shrank under it (configure): it can never be served.
        lane.queue.remove(next);
        next.detach();
        next.reject(this.tooExpensive(name, next.cost));
        continue;
      }
      if (!lane.bucket.tryTake(next.cost, now)) {
        const waitMs = lane.bucket.msUntil(next.cost, now);
        if (waitMs === null) return; // held by in-flight requests: their settle pumps again
        lane.hasTimer = true;
        lane.timer = this.clock.setTimer(() => {
          lane.hasTimer = false;
          this.pump(name);
        }, waitMs);
        return;
      }
      lane.queue.remove(next);
      next.detach();
      next.resolve();
    }
  }

  /** Records a grant as in flight until `onSettled` (or the settle timeout). */
  private track(request: TokenRequest): void {
    this.lanes[request.bucket].bucket.beginInFlight(request.cost);
    this.inFlight.add(request);
  }

  private cancelTimer(lane: BucketLane): void {
    if (!lane.hasTimer) return;
    this.clock.clearTimer(lane.timer);
    lane.hasTimer = false;
    lane.timer = undefined;
  }

  private tooExpensive(bucket: RateBucket, cost: number): AgentError {
    const capacity = this.lanes[bucket].bucket.capacityTokens;
    return new AgentError(
      'RATE_LIMITED',
      `request costs ${cost} ${bucket} tokens but the bucket holds ${capacity}: it can never be sent (split the batch)`,
      { retryable: false },
      { bucket, cost, capacity },
    );
  }
}

function checkInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${field} must be an integer ${min}..${max}, got ${String(value)}`);
  }
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  return new AgentError('VENUE_UNAVAILABLE', 'request aborted while waiting for rate-limit tokens', {
    retryable: true,
  });
}
