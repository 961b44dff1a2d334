/**
 * Over any schedule of requests (arrival times, buckets, costs, priorities, aborts, latencies),
 * with the clock driven by fake timers:
 * - tokens granted in any window [t1, t2] ≤ capacity + rate × (t2 − t1), per bucket;
 * - when a request is granted, nobody still waiting in that bucket has a better (priority, arrival)
 *   (aging disabled here; it is tested on its own in the unit tests);
 * - no request is lost: each one is granted, or rejected because its own signal aborted;
 * - a venue that charges each request at any moment between send and answer (latency up to
 *   400 ms, or never reported and auto-settled) never refuses one: a reference venue bucket,
 *   started full, replays the charges in venue order and always covers them.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenBucketLimiter } from './token-bucket-limiter.js';
import { RequestPriority } from './types.js';
import type { RateBucket, RequestPriority as PriorityName, TokenRequest } from './types.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const LIMITS = {
  read: { refillPerSecond: 200, capacity: 600 },
  write: { refillPerSecond: 100, capacity: 100 },
};
const SETTLE_TIMEOUT_MS = 1_000;

interface Planned {
  atMs: number;
  bucket: RateBucket;
  cost: number;
  priority: PriorityName;
  abortAfterMs: number | null;
  /** The answer arrives this long after the grant (null: never reported; the limiter auto-settles). */
  latencyMs: number | null;
  /** Where in [send, answer] the venue charges it, as a fraction. */
  chargedAt: number;
}

const planned: fc.Arbitrary<Planned> = fc.record({
  atMs: fc.integer({ min: 0, max: 1_500 }),
  bucket: fc.constantFrom<RateBucket>('read', 'write'),
  cost: fc.oneof(fc.constantFrom(2, 10), fc.integer({ min: 0, max: 100 })),
  priority: fc.constantFrom<PriorityName>('flatten', 'cancel', 'order', 'read'),
  abortAfterMs: fc.option(fc.integer({ min: 0, max: 2_000 }), { freq: 5 }),
  latencyMs: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 10 }),
  chargedAt: fc.double({ min: 0, max: 1, noNaN: true }),
});

interface Outcome {
  seq: number;
  plan: Planned;
  enqueuedAt: number; // event counter
  grantedAt: number; // event counter, -1 if not granted
  grantedAtMs: number;
  chargedAtMs: number;
  wasAborted: boolean;
  error: unknown;
}

function schedule(limiter: TokenBucketLimiter, plans: Planned[], outcomes: Outcome[]): void {
  let events = 0;
  const sorted = plans.map((plan, i) => ({ plan, i })).sort((a, b) => a.plan.atMs - b.plan.atMs || a.i - b.i);
  for (const { plan } of sorted) {
    setTimeout(() => {
      const outcome: Outcome = {
        seq: outcomes.length,
        plan,
        enqueuedAt: events++,
        grantedAt: -1,
        grantedAtMs: -1,
        chargedAtMs: -1,
        wasAborted: false,
        error: undefined,
      };
      outcomes.push(outcome);
      const controller = new AbortController();
      if (plan.abortAfterMs !== null) {
        setTimeout(() => {
          outcome.wasAborted = outcome.grantedAt < 0;
          controller.abort(new Error('aborted'));
        }, plan.abortAfterMs);
      }
      const request: TokenRequest = {
        bucket: plan.bucket,
        cost: plan.cost,
        priority: plan.priority,
        signal: controller.signal,
      };
      limiter.acquire(request).then(
        () => {
          outcome.grantedAt = events++;
          outcome.grantedAtMs = Date.now();
          const answerMs = plan.latencyMs ?? SETTLE_TIMEOUT_MS;
          outcome.chargedAtMs = outcome.grantedAtMs + Math.floor(plan.chargedAt * answerMs);
          if (plan.latencyMs !== null) setTimeout(() => limiter.onSettled(request), plan.latencyMs);
        },
        (error: unknown) => {
          outcome.error = error;
        },
      );
    }, plan.atMs);
  }
}

function checkBucket(bucket: RateBucket, outcomes: Outcome[]): void {
  const { capacity, refillPerSecond } = LIMITS[bucket];
  const grants = outcomes
    .filter((o) => o.plan.bucket === bucket && o.grantedAt >= 0)
    .sort((a, b) => a.grantedAt - b.grantedAt);
  // Window bound, over every window that starts and ends at a grant.
  for (let i = 0; i < grants.length; i++) {
    let tokens = 0;
    for (let j = i; j < grants.length; j++) {
      const first = grants[i];
      const last = grants[j];
      if (first === undefined || last === undefined) continue;
      tokens += last.plan.cost;
      expect(tokens * 1000).toBeLessThanOrEqual(
        capacity * 1000 + refillPerSecond * (last.grantedAtMs - first.grantedAtMs),
      );
    }
  }
  // The venue's own bucket, charging at the venue's moment, never refuses.
  let venueMilli = capacity * 1000;
  let venueAtMs = 0;
  const byCharge = [...grants].sort((a, b) => a.chargedAtMs - b.chargedAtMs || a.grantedAt - b.grantedAt);
  for (const charge of byCharge) {
    venueMilli = Math.min(capacity * 1000, venueMilli + (charge.chargedAtMs - venueAtMs) * refillPerSecond);
    venueAtMs = charge.chargedAtMs;
    expect(venueMilli).toBeGreaterThanOrEqual(charge.plan.cost * 1000);
    venueMilli -= charge.plan.cost * 1000;
  }
  // Priority + FIFO: at each grant, every request still waiting ranks after it.
  const rank = (o: Outcome) => RequestPriority[o.plan.priority];
  for (const granted of grants) {
    for (const other of outcomes) {
      if (other.plan.bucket !== bucket || other === granted) continue;
      const wasWaiting =
        other.enqueuedAt < granted.grantedAt &&
        (other.grantedAt > granted.grantedAt || (other.grantedAt < 0 && !other.wasAborted));
      if (!wasWaiting) continue;
      const isBehind =
        rank(other) > rank(granted) || (rank(other) === rank(granted) && other.seq > granted.seq);
      expect(isBehind).toBe(true);
    }
  }
}

describe('TokenBucketLimiter properties', () => {
  it('never over-grants, never provokes a venue refusal, respects priorities and loses no request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(planned, { minLength: 20, maxLength: 80 }), async (plans) => {
        vi.setSystemTime(0);
        const limiter = new TokenBucketLimiter({
          limits: LIMITS,
          agingMs: 1e12,
          refillHeadroomPercent: 0,
          settleTimeoutMs: SETTLE_TIMEOUT_MS,
        });
        const outcomes: Outcome[] = [];
        schedule(limiter, plans, outcomes);
        await vi.advanceTimersByTimeAsync(200_000);

        expect(outcomes).toHaveLength(plans.length);
        for (const o of outcomes) {
          if (o.grantedAt >= 0) expect(o.error).toBeUndefined();
          else expect(o.wasAborted && o.error instanceof Error).toBe(true);
        }
        checkBucket('read', outcomes);
        checkBucket('write', outcomes);
        limiter.close();
      }),
      { seed: 424242, numRuns: 120 },
    );
  });
});
