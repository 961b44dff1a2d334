/**
 * @module
 * Start-up rehydration and reconciliation (issue 5, task 1.1.5): the pure plan
 * (`planReconciliation` + the reference `applyPlan`), the venue snapshot fetcher, the single-flight
 * `Reconciler`, the `TradingGate` (halted until a reconciliation succeeds) and the local-state seam
 * the execution layer implements (`LocalStateStore`; `InMemoryLocalState` until then).
 */
export { planReconciliation } from './plan.js';
export { applyPlan } from './apply-plan.js';
export { fetchVenueSnapshot, toFillView, toOrderView } from './fetch-snapshot.js';
export type { FetchSnapshotOptions, SnapshotHttp } from './fetch-snapshot.js';
export { InMemoryLocalState } from './local-state.js';
export type { LocalStateStore } from './local-state.js';
export { LedgerLocalState } from './ledger-local-state.js';
export type { LedgerLocalStateOptions, LocalStateLedger } from './ledger-local-state.js';
export {
  LOCAL_STATE_SOURCE,
  INTENT_RECORDED_KIND,
  ORDER_ACCEPTED_KIND,
  PLAN_APPLIED_KIND,
} from './local-state-events.js';
export {
  Reconciler,
  describeFailure,
  REST_FILL_SOURCE,
  REST_FILL_KIND,
  RECONCILE_SOURCE,
  RECONCILE_PLAN_KIND,
} from './reconciler.js';
export type { FillLedger, ReconcilerOptions, RunOptions } from './reconciler.js';
export { TradingGate } from './trading-gate.js';
export type { GatePhase, GateState } from './trading-gate.js';
export { DEFAULT_RECONCILE_OPTIONS, fillKey } from './types.js';
export type {
  LocalOpenOrder,
  LocalState,
  ReconcileAction,
  ReconcileActionKind,
  ReconcileOptions,
  ReconcilePlan,
  UnknownIntent,
  VenueFillView,
  VenueOrderStatus,
  VenueOrderView,
  VenueSnapshot,
} from './types.js';
