import { z } from 'zod';

/**
 * Kalshi's tiers, plus `unlimited`: a simulator-only tier (never reported by Kalshi) for benchmarks
 * that must measure the sim itself rather than the Basic budget of 10 creates/s.
 */
export const UsageTier = z.enum([
  'basic',
  'advanced',
  'expert',
  'premier',
  'paragon',
  'prime',
  'prestige',
  'unlimited',
]);
export type UsageTier = z.infer<typeof UsageTier>;
export type BucketName = 'read' | 'write';

export interface BucketLimit {
  refillPerSec: number;
  capacity: number;
}
export type TierLimits = Record<BucketName, BucketLimit>;

/**
 * Token budgets per tier (kalshi-api.md §5, RL). Write buckets hold two seconds of budget except
 * Basic (one second), as documented. Read capacity is only observed for Basic (600 = 3 s, live
 * `/account/limits` 2026-08-15); for other tiers it is undocumented, so we take the defensive
 * reading and give reads the same two seconds as writes rather than assume a larger burst.
 */
export const TIER_LIMITS: Record<UsageTier, TierLimits> = {
  basic: { read: { refillPerSec: 200, capacity: 600 }, write: { refillPerSec: 100, capacity: 100 } },
  advanced: { read: { refillPerSec: 300, capacity: 600 }, write: { refillPerSec: 300, capacity: 600 } },
  expert: { read: { refillPerSec: 600, capacity: 1_200 }, write: { refillPerSec: 600, capacity: 1_200 } },
  premier: {
    read: { refillPerSec: 1_000, capacity: 2_000 },
    write: { refillPerSec: 1_000, capacity: 2_000 },
  },
  paragon: {
    read: { refillPerSec: 2_000, capacity: 4_000 },
    write: { refillPerSec: 2_000, capacity: 4_000 },
  },
  prime: { read: { refillPerSec: 4_000, capacity: 8_000 }, write: { refillPerSec: 4_000, capacity: 8_000 } },
  prestige: {
    read: { refillPerSec: 10_000, capacity: 20_000 },
    write: { refillPerSec: 8_000, capacity: 16_000 },
  },
  unlimited: {
    read: { refillPerSec: 1_000_000_000, capacity: 1_000_000_000 },
    write: { refillPerSec: 1_000_000_000, capacity: 1_000_000_000 },
  },
};
