/**
 * @module
 * The demo/live gate: the current environment's store and venue, switching between sim, demo and
 * live (refused while exposed; live needs keys and the trader's acknowledgement), the persisted
 * choice, and the health the status route and the WS stream publish.
 */
export { EnvironmentRuntime } from './runtime.js';
export { HealthReporter, storeLight } from './health-detail.js';
export type { HealthSource } from './health-detail.js';
export { LIVE_ACK_NEEDED } from './switcher.js';
export { LIVE_ACK_KIND, LIVE_ACK_SOURCE, LiveAckRecord, latestLiveAcknowledgement } from './live-ack.js';
export {
  ENVIRONMENT_FILE_NAME,
  PersistedEnvironment,
  readPersistedEnvironment,
  resolveStartEnvironment,
} from './persisted-choice.js';
export { exposureOf } from './blockers.js';
export type { Exposure } from './blockers.js';
export type {
  CurrentEnvironment,
  EnvironmentConnector,
  EnvironmentRuntimeOptions,
  EnvironmentVenue,
  NoVenue,
  OpenEnvironmentStore,
  StartEnvironmentVenue,
  SwitchListener,
} from './types.js';
