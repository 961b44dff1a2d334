/**
 * @module
 * Flatten All (issue 7, task 4.2.2): persistent halt → cancel all + verify → every venue position
 * closed with reduce-only IOC orders through the execution road, within a maximum slippage, until
 * flat or a deadline → a per-market report, streamed and in the activity feed. See README.md.
 */
export { FlattenService } from './flatten-service.js';
export type { FlattenPress, FlattenServiceOptions } from './flatten-service.js';
export { currentFlattenVenue, readPositions, readResting } from './venue-reads.js';
export type { FlattenVenue, VenuePosition } from './venue-reads.js';
export { planFlatten } from './plan.js';
export type { FlattenOrderPlan, FlattenPlan, FlattenPlanInput } from './plan.js';
export { flattenRefusal, signedFill } from './order-guard.js';
export type { FlattenPlacement } from './order-guard.js';
