import fc from 'fast-check';
import { describe, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';
import { TIER_LIMITS } from './tiers.js';

const SEED = 20_261_125;
const limits = Object.values(TIER_LIMITS).filter((l) => l.read.refillPerSec < 1_000_000);

describe('TokenBucket properties', () => {
  it('never grants more than capacity + rate × elapsed, for any request timing and costs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...limits.flatMap((l) => [l.read, l.write])),
        fc.array(fc.record({ waitMs: fc.nat(2_000), cost: fc.integer({ min: 1, max: 300 }) }), {
          maxLength: 200,
        }),
        (limit, requests) => {
          const bucket = new TokenBucket(limit, 0);
          let nowMs = 0;
          let grantedTokens = 0;
          for (const { waitMs, cost } of requests) {
            nowMs += waitMs;
            if (bucket.tryTake(cost, nowMs)) grantedTokens += cost;
            // Budget since t=0: the full bucket plus refill; exact in milli-tokens.
            if (grantedTokens * 1000 > limit.capacity * 1000 + nowMs * limit.refillPerSec) return false;
          }
          return true;
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('grants any affordable request after a full idle refill, whatever came before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...limits.map((l) => l.write)),
        fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 50 }),
        fc.integer({ min: 1, max: 100 }),
        (limit, burst, cost) => {
          const bucket = new TokenBucket(limit, 0);
          for (const c of burst) bucket.tryTake(c, 0);
          const refillMs = Math.ceil((limit.capacity * 1000) / limit.refillPerSec);
          return bucket.tryTake(Math.min(cost, limit.capacity), refillMs);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
