export { RateLimiter } from './rate-limiter.js';
export { TokenBucket } from './token-bucket.js';
export { TIER_LIMITS, UsageTier } from './tiers.js';
export type { BucketName, BucketLimit, TierLimits } from './tiers.js';
export { classifyEndpoint, DEFAULT_COST, ENDPOINT_COSTS } from './endpoint-costs.js';
export type { Charge, EndpointCost } from './endpoint-costs.js';
export { rateLimit, TOO_MANY_REQUESTS_BODY } from './middleware.js';
export type { LimitContext } from './middleware.js';
