import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAgentError } from '../../../lib/errors.js';
import { TokenBucketLimiter } from './token-bucket-limiter.js';
import type { TokenBucketLimiterOptions } from './token-bucket-limiter.js';
import type { RequestPriority, TokenRequest } from './types.js';

// Fake timers drive both Date.now() and setTimeout, which the default clock uses: no real sleeping.
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const write = (cost: number, priority: RequestPriority = 'order', signal?: AbortSignal): TokenRequest => ({
  bucket: 'write',
  cost,
  priority,
  ...(signal === undefined ? {} : { signal }),
});

function limiter(options: TokenBucketLimiterOptions = {}): TokenBucketLimiter {
  return new TokenBucketLimiter({ refillHeadroomPercent: 0, latencyAllowanceMs: 0, ...options });
}

/** Starts an acquire and records when (and in what order) it was granted. */
function track(
  l: TokenBucketLimiter,
  request: TokenRequest,
  name: string,
  log: string[],
  isSettledAtOnce = true,
) {
  const state = { grantedAtMs: -1, error: undefined as unknown };
  l.acquire(request).then(
    () => {
      state.grantedAtMs = Date.now();
      log.push(name);
      // The venue answers at once: the tokens are charged (see the in-flight tests for latency).
      if (isSettledAtOnce) l.onSettled(request);
    },
    (error: unknown) => {
      state.error = error;
    },
  );
  return state;
}

describe('TokenBucketLimiter', () => {
  it('grants a burst up to capacity at once, then paces at the refill rate (Basic write: 100 cap, 100/s)', async () => {
    const l = limiter();
    const log: string[] = [];
    const calls = Array.from({ length: 12 }, (_, i) => track(l, write(10), `o${i}`, log));
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(10);
    expect(l.budget().write).toMatchObject({ tokens: 0, capacity: 100, refillPerSecond: 100, waiting: 2 });
    await vi.advanceTimersByTimeAsync(99);
    expect(log).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[10]?.grantedAtMs).toBe(100);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls[11]?.grantedAtMs).toBe(200);
  });

  it('keeps the read bucket independent of the write bucket', async () => {
    const l = limiter();
    const log: string[] = [];
    for (let i = 0; i < 10; i++) track(l, write(10), `w${i}`, log);
    track(l, { bucket: 'read', cost: 10, priority: 'read' }, 'r', log);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toContain('r');
    expect(l.budget().read.tokens).toBe(590);
  });

  it('serves flatten, then cancel, then order, FIFO within a priority', async () => {
    const l = limiter();
    const log: string[] = [];
    for (let i = 0; i < 10; i++) track(l, write(10), `fill${i}`, log);
    await vi.advanceTimersByTimeAsync(0);
    log.length = 0;
    track(l, write(10, 'order'), 'order1', log);
    track(l, write(2, 'cancel'), 'cancel1', log);
    track(l, write(10, 'order'), 'order2', log);
    track(l, write(10, 'flatten'), 'flatten1', log);
    track(l, write(2, 'cancel'), 'cancel2', log);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log).toEqual(['flatten1', 'cancel1', 'cancel2', 'order1', 'order2']);
  });

  it('does not let cheap requests overtake an expensive one at the head (no starvation of batches)', async () => {
    const l = limiter();
    const log: string[] = [];
    track(l, write(95), 'drain', log);
    await vi.advanceTimersByTimeAsync(0);
    const batch = track(l, write(100), 'batch', log);
    const small = track(l, write(2), 'small', log);
    await vi.advanceTimersByTimeAsync(949);
    expect(log).toEqual(['drain']);
    await vi.advanceTimersByTimeAsync(1);
    expect(batch.grantedAtMs).toBe(950);
    await vi.advanceTimersByTimeAsync(20);
    expect(small.grantedAtMs).toBe(970);
  });

  it('ages a waiting read past a continuous stream of higher-priority requests', async () => {
    const l = limiter({ agingMs: 1_000 });
    const log: string[] = [];
    for (let i = 0; i < 10; i++) track(l, write(10), `fill${i}`, log);
    await vi.advanceTimersByTimeAsync(0);
    const low = track(l, write(10, 'read'), 'low', log);
    // Keep 5 flatten requests queued at all times: without aging `low` would never run.
    let n = 0;
    const feed = () => {
      while (l.budget().write.waiting < 6) track(l, write(10, 'flatten'), `f${n++}`, log);
    };
    for (let t = 0; t < 4_000; t += 50) {
      feed();
      await vi.advanceTimersByTimeAsync(50);
    }
    // Three levels (read → flatten) at one per second: served within about 3 s, ahead of newer flattens.
    expect(low.grantedAtMs).toBeGreaterThanOrEqual(3_000);
    expect(low.grantedAtMs).toBeLessThanOrEqual(3_100);
    l.close();
  });

  it('gives up a wait on abort, without taking tokens, and lets the next request through', async () => {
    const l = limiter();
    const log: string[] = [];
    track(l, write(100), 'drain', log);
    await vi.advanceTimersByTimeAsync(0);
    const controller = new AbortController();
    const aborted = track(l, write(50, 'flatten', controller.signal), 'aborted', log);
    const next = track(l, write(10), 'next', log);
    await vi.advanceTimersByTimeAsync(50);
    controller.abort(new Error('user cancelled'));
    await vi.advanceTimersByTimeAsync(50);
    expect(aborted.error).toEqual(new Error('user cancelled'));
    expect(next.grantedAtMs).toBe(100);
    expect(log).toEqual(['drain', 'next']);
    const pre = new AbortController();
    pre.abort();
    await expect(l.acquire(write(1, 'order', pre.signal))).rejects.toBeDefined();
  });

  it('drains the bucket on a 429 so the next request waits a refill', async () => {
    const l = limiter();
    l.onRateLimited('write');
    expect(l.budget().write.tokens).toBe(0);
    expect(l.rateLimitedTotal).toBe(1);
    const log: string[] = [];
    const call = track(l, write(10), 'after429', log);
    await vi.advanceTimersByTimeAsync(100);
    expect(call.grantedAtMs).toBe(100);
  });

  it('refills slower than the venue by the headroom (default 5%)', async () => {
    const l = new TokenBucketLimiter({ latencyAllowanceMs: 0 });
    l.onRateLimited('write');
    const log: string[] = [];
    const call = track(l, write(10), 'x', log);
    await vi.advanceTimersByTimeAsync(200);
    expect(call.grantedAtMs).toBe(106); // 10 000 milli-tokens at 95 per ms
  });

  it('can keep a latency reserve (200 ms of refill), except for a request only a full bucket fits', async () => {
    const l = new TokenBucketLimiter({ refillHeadroomPercent: 0, latencyAllowanceMs: 200 });
    const log: string[] = [];
    // Basic write: 100 tokens, 100/s → a reserve of 20 tokens: 8 creates go at once, not 10.
    for (let i = 0; i < 9; i++) track(l, write(10), `o${i}`, log);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(8);
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toHaveLength(9);
    const full = track(l, write(100), 'full', log);
    // 20 tokens left; it needs a full bucket (100 + reserve is more than the bucket holds).
    await vi.advanceTimersByTimeAsync(799);
    expect(full.grantedAtMs).toBe(-1);
    await vi.advanceTimersByTimeAsync(1);
    expect(full.grantedAtMs).toBe(900);
  });

  it('does not refill above capacity minus the tokens still in flight (the venue may not have charged them)', async () => {
    const l = limiter({ settleTimeoutMs: 10_000 });
    const log: string[] = [];
    const first = write(50);
    track(l, first, 'first', log, false);
    track(l, write(50), 'second', log);
    await vi.advanceTimersByTimeAsync(0);
    expect(l.budget().write.tokens).toBe(0);
    // 1 s later a bucket would be full again; with 50 tokens unsettled it stops at 50.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(l.budget().write.tokens).toBe(50);
    const big = track(l, write(100), 'big', log);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(big.grantedAtMs).toBe(-1);
    l.onSettled(first);
    await vi.advanceTimersByTimeAsync(500);
    expect(big.grantedAtMs).toBe(2_500);
  });

  it('assumes an unreported request charged after settleTimeoutMs, so a silent caller cannot lock the bucket', async () => {
    const l = limiter({ settleTimeoutMs: 3_000 });
    const log: string[] = [];
    track(l, write(100), 'unreported', log, false);
    const next = track(l, write(100), 'next', log);
    // Worst case the venue charged it at 3 000 ms, from a full bucket: a full refill after that.
    await vi.advanceTimersByTimeAsync(3_999);
    expect(next.grantedAtMs).toBe(-1);
    await vi.advanceTimersByTimeAsync(1);
    expect(next.grantedAtMs).toBe(4_000);
    l.onSettled(write(1)); // an unknown request is ignored
  });

  it('rejects a request that can never fit the bucket, naming bucket, cost and capacity', async () => {
    const l = limiter();
    const error: unknown = await l.acquire(write(250)).catch((e: unknown) => e);
    expect(isAgentError(error) && error.code === 'RATE_LIMITED' && !error.retryable).toBe(true);
    expect(isAgentError(error) ? error.details : undefined).toEqual({
      bucket: 'write',
      cost: 250,
      capacity: 100,
    });
    await expect(l.acquire(write(1.5))).rejects.toThrow(/cost/);
  });

  it('applies configured limits, keeping earned tokens clamped to the new capacity', async () => {
    const l = limiter();
    l.configure({
      read: { refillPerSecond: 300, capacity: 600 },
      write: { refillPerSecond: 300, capacity: 60 },
    });
    expect(l.budget().write).toMatchObject({ tokens: 60, capacity: 60, refillPerSecond: 300 });
    const log: string[] = [];
    for (let i = 0; i < 7; i++) track(l, write(10), `o${i}`, log);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(34);
    expect(log).toHaveLength(7);
    expect(() =>
      l.configure({ read: { refillPerSecond: 0, capacity: 1 }, write: { refillPerSecond: 1, capacity: 1 } }),
    ).toThrow(/read\.refillPerSecond/);
  });

  it('fails waiting requests on close and leaves no timer behind', async () => {
    const l = limiter();
    const log: string[] = [];
    track(l, write(100), 'drain', log);
    const waiting = track(l, write(10), 'waiting', log);
    await vi.advanceTimersByTimeAsync(0);
    l.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(isAgentError(waiting.error) && waiting.error.retryable).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
