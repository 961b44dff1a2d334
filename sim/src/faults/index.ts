export { FaultState } from './state.js';
export type { RestFault, RestFaultKind, DriftRule, RequestMatch } from './state.js';
