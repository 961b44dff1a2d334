import { TokenBucket } from './token-bucket.js';
import { TIER_LIMITS, type BucketName, type TierLimits, type UsageTier } from './tiers.js';

interface UserBuckets {
  tier: UsageTier;
  read: TokenBucket;
  write: TokenBucket;
}

/** Per-user read and write token buckets (two independent buckets per account, RL). */
export class RateLimiter {
  private readonly users = new Map<string, UserBuckets>();
  private readonly tierOverrides = new Map<string, UsageTier>();

  constructor(private readonly defaultTier: UsageTier = 'basic') {}

  tierOf(userId: string): UsageTier {
    return this.tierOverrides.get(userId) ?? this.defaultTier;
  }

  limitsOf(userId: string): TierLimits {
    return TIER_LIMITS[this.tierOf(userId)];
  }

  /** Changes one user's tier; their buckets restart full at the new capacity. */
  setTier(userId: string, tier: UsageTier): void {
    this.tierOverrides.set(userId, tier);
    this.users.delete(userId);
  }

  private bucketsOf(userId: string, nowMs: number): UserBuckets {
    const tier = this.tierOf(userId);
    let buckets = this.users.get(userId);
    if (!buckets || buckets.tier !== tier) {
      const limits = TIER_LIMITS[tier];
      buckets = {
        tier,
        read: new TokenBucket(limits.read, nowMs),
        write: new TokenBucket(limits.write, nowMs),
      };
      this.users.set(userId, buckets);
    }
    return buckets;
  }

  /** True (and tokens taken) when allowed; false means answer 429. */
  tryConsume(userId: string, bucket: BucketName, cost: number, nowMs: number): boolean {
    return this.bucketsOf(userId, nowMs)[bucket].tryTake(cost, nowMs);
  }

  available(userId: string, bucket: BucketName, nowMs: number): number {
    return this.bucketsOf(userId, nowMs)[bucket].available(nowMs);
  }
}
