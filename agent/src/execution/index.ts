/**
 * @module
 * The execution road (issue 7): the order lifecycle state machine, the ExecutionService (the one
 * road from intent to venue) and its ledger events. See README.md.
 */
export {
  newLifecycle,
  transition,
  foldLifecycle,
  filledOf,
  remainingOf,
  isTerminal,
} from './order-lifecycle.js';
export type {
  LifecycleEvent,
  LifecycleEventType,
  OrderLifecycle,
  IllegalTransition,
  TransitionResult,
} from './order-lifecycle.js';
export { ExecutionService, CLIENT_ORDER_ID_PREFIX } from './execution-service.js';
export type { ExecutionServiceOptions } from './execution-service.js';
export { ExecutionHost } from './execution-host.js';
export type { ExecutionHostOptions } from './execution-host.js';
export { OrderJournal } from './order-journal.js';
export { RiskCache } from './risk-cache.js';
export type { RiskCacheOptions, RiskCacheStats, RiskCacheVenue } from './risk-cache.js';
export { RiskCaches } from './risk-cache-host.js';
export type { ExecutionActivitySink } from './activity.js';
export { checkFatFinger, DEFAULT_MAX_SLIPPAGE_E4 } from './fat-finger.js';
export { EXECUTION_SOURCE, INTENT_KIND, TRANSITION_KIND, DENIED_KIND } from './execution-events.js';
export type {
  Denial,
  DenialRule,
  ExecutionVenue,
  PlaceRequest,
  PlaceResult,
  PortfolioRiskInputs,
  AmendResult,
  CancelAllResult,
} from './types.js';
