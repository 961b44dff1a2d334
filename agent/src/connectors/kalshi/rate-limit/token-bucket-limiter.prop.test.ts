/**
 * Over any schedule of requests (arrival times, buckets, costs, priorities, aborts), with the
 * clock driven by fake timers:
 * - tokens granted in any window [t1, t2] ≤ capacity + rate × (t2 − t1), per bucket;
 * - when a request is granted, nobody still waiting in that bucket has a better (priority, arrival)
 *   (aging disabled here; it is tested on its own in the unit tests);
 * - no request is lost: each one is granted, or rejected because its own signal aborted.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenBucketLimiter } from './token-bucket-limiter.js';
import { RequestPriority } from './types.js';
import type { RateBucket, RequestPriority as PriorityName } from './types.js';

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

interface Planned {
  atMs: number;
  bucket: RateBucket;
  cost: number;
  priority: PriorityName;
  abortAfterMs: number | null;
}

const planned: fc.Arbitrary<Planned> = fc.record({
  atMs: fc.integer({ min: 0, max: 1_500 }),
  bucket: fc.constantFrom<RateBucket>('read', 'write'),
  cost: fc.oneof(fc.constantFrom(2, 10), fc.integer({ min: 0, max: 100 })),
  priority: fc.constantFrom<PriorityName>('flatten', 'cancel', 'order', 'read'),
  abortAfterMs: fc.option(fc.integer({ min: 0, max: 2_000 }), { freq: 5 }),
});

interface Outcome {
  seq: number;
  plan: Planned;
  enqueuedAt: number; // event counter
  grantedAt: number; // event counter, -1 if not granted
  grantedAtMs: number;
  wasAborted: boolean;
  error: unknown;
}

describe('TokenBucketLimiter properties', () => {
  it('never over-grants, respects priorities and loses no request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(planned, { minLength: 20, maxLength: 80 }), async (plans) => {
        vi.setSystemTime(0);
        const limiter = new TokenBucketLimiter({ limits: LIMITS, agingMs: 1e12, refillHeadroomPercent: 0 });
        let events = 0;
        const outcomes: Outcome[] = [];
        const sorted = plans
          .map((plan, i) => ({ plan, i }))
          .sort((a, b) => a.plan.atMs - b.plan.atMs || a.i - b.i);
        for (const { plan } of sorted) {
          setTimeout(() => {
            const outcome: Outcome = {
              seq: outcomes.length,
              plan,
              enqueuedAt: events++,
              grantedAt: -1,
              grantedAtMs: -1,
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
            limiter
              .acquire({
                bucket: plan.bucket,
                cost: plan.cost,
                priority: plan.priority,
                signal: controller.signal,
              })
              .then(
                () => {
                  outcome.grantedAt = events++;
                  outcome.grantedAtMs = Date.now();
                },
                (error: unknown) => {
                  outcome.error = error;
                },
              );
          }, plan.atMs);
        }
        // Long enough for every request: total cost / slowest rate, plus the schedule.
        await vi.advanceTimersByTimeAsync(3_000 + (80 * 100 * 1000) / 100 + 1_000);

        expect(outcomes).toHaveLength(plans.length);
        for (const o of outcomes) {
          if (o.grantedAt >= 0) expect(o.error).toBeUndefined();
          else expect(o.wasAborted && o.error instanceof Error).toBe(true);
        }
        for (const bucket of ['read', 'write'] as const) {
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
              const windowMs = last.grantedAtMs - first.grantedAtMs;
              expect(tokens * 1000).toBeLessThanOrEqual(capacity * 1000 + refillPerSecond * windowMs);
            }
          }
          // Priority + FIFO: at each grant, every request still waiting ranks after it.
          for (const granted of grants) {
            for (const other of outcomes) {
              if (other.plan.bucket !== bucket || other === granted) continue;
              const wasWaiting =
                other.enqueuedAt < granted.grantedAt &&
                (other.grantedAt > granted.grantedAt || (other.grantedAt < 0 && !other.wasAborted));
              if (!wasWaiting) continue;
              const rank = (o: Outcome) => RequestPriority[o.plan.priority];
              const isBehind =
                rank(other) > rank(granted) || (rank(other) === rank(granted) && other.seq > granted.seq);
              expect(isBehind).toBe(true);
            }
          }
        }
        limiter.close();
      }),
      { seed: 424242, numRuns: 120 },
    );
  });
});
