import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('starts full, refuses without taking, and refills at the rate up to capacity', () => {
    const bucket = new TokenBucket({ refillPerSec: 100, capacity: 100 }, 0);
    for (let i = 0; i < 10; i++) expect(bucket.tryTake(10, 0)).toBe(true);
    expect(bucket.tryTake(10, 0)).toBe(false);
    expect(bucket.available(0)).toBe(0);
    // 100 tokens/s = 1 token per 10 ms: 99 ms gives 9.9 tokens, not enough for 10.
    expect(bucket.tryTake(10, 99)).toBe(false);
    expect(bucket.tryTake(10, 100)).toBe(true);
    expect(bucket.available(60_000)).toBe(100);
  });

  it('does not mint tokens when the clock moves backwards', () => {
    const bucket = new TokenBucket({ refillPerSec: 200, capacity: 600 }, 10_000);
    expect(bucket.tryTake(600, 10_000)).toBe(true);
    expect(bucket.available(5_000)).toBe(0);
    expect(bucket.available(5_050)).toBe(10);
  });
});

describe('RateLimiter', () => {
  it('gives Basic 60 default-cost reads in a burst and 10 writes (1 s of write budget)', () => {
    const limiter = new RateLimiter('basic');
    let reads = 0;
    while (limiter.tryConsume('u', 'read', 10, 0)) reads++;
    expect(reads).toBe(60);
    let writes = 0;
    while (limiter.tryConsume('u', 'write', 10, 0)) writes++;
    expect(writes).toBe(10);
    // Independent buckets and independent users.
    expect(limiter.tryConsume('other', 'write', 10, 0)).toBe(true);
    // 20 cheap cancels/s... of cost 2 fit once 40 tokens refilled (400 ms at 100/s).
    expect(limiter.tryConsume('u', 'write', 2, 19)).toBe(false);
    expect(limiter.tryConsume('u', 'write', 2, 20)).toBe(true);
  });

  it('applies per-user tier overrides with fresh buckets', () => {
    const limiter = new RateLimiter('basic');
    limiter.setTier('pro', 'advanced');
    expect(limiter.limitsOf('pro').write).toEqual({ refillPerSec: 300, capacity: 600 });
    expect(limiter.available('pro', 'write', 0)).toBe(600);
    expect(limiter.tierOf('nobody')).toBe('basic');
  });

  it('lets the sim-only unlimited tier through a benchmark-sized burst', () => {
    const limiter = new RateLimiter('unlimited');
    for (let i = 0; i < 10_000; i++) expect(limiter.tryConsume('bench', 'write', 10, 0)).toBe(true);
  });
});
