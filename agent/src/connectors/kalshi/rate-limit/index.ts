/** The client-side rate limiter (kalshi-api.md §5): public surface for the HTTP layer and the connector. */
export type { RateBucket, TokenRequest, BucketBudget, RequestLimiter } from './types.js';
export { RequestPriority } from './types.js';
export type { BucketLimit, AccountLimits, EndpointCostEntry, EndpointCosts } from './config.js';
export { BASIC_TIER_LIMITS, DEFAULT_ENDPOINT_COSTS } from './config.js';
export type { RequestCharge } from './endpoint-costs.js';
export { EndpointCostTable } from './endpoint-costs.js';
export type { TokenBucketLimiterOptions } from './token-bucket-limiter.js';
export type { LimiterClock } from './limiter-clock.js';
export { systemLimiterClock } from './limiter-clock.js';
export { TokenBucketLimiter } from './token-bucket-limiter.js';
