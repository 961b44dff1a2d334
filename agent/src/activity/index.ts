/**
 * @module
 * The activity feed: every decision as an ActivityEvent in the ledger (source `agent`, kind
 * `activity.<kind>`) and on the `activity` stream; the paged query behind `GET /v1/activity`; the
 * bridge from the venue connector's events. See README.md.
 */
export { ActivityRecorder } from './recorder.js';
export type { ActivityLedger, ActivityPublisher, ActivityRecorderOptions } from './recorder.js';
export { ACTIVITY_SOURCE, buildActivityEvent, ledgerKindOf } from './activity-input.js';
export type { ActivityInput } from './activity-input.js';
export { ActivityFeed, DEFAULT_ACTIVITY_PAGE } from './activity-feed.js';
export { decodeCursor, encodeCursor } from './cursor.js';
export { activityForConnectorEvent, bridgeConnectorActivity } from './connector-bridge.js';
export type { IsOwnOrder } from './connector-bridge.js';
export type { ActivitySource } from './connector-bridge.js';
export {
  orderAcked,
  orderCanceled,
  orderFilled,
  orderPlaced,
  orderRejected,
  orderUnknown,
  riskDenied,
} from './order-activity.js';
export type { FillTerms, OrderRef, OrderTerms, RiskDenialActivity } from './order-activity.js';
export {
  flattenProgress,
  notTraded,
  reconciliationFailed,
  reconciliationSucceeded,
  staleData,
  tradingHalted,
  tradingResumed,
  tradingStateChanged,
  venueDisconnected,
  venueReconnected,
} from './system-activity.js';
export type { ChangedBy, FlattenProgress, NotTradedActivity, StaleWhat } from './system-activity.js';
