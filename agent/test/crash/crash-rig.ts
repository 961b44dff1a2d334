/**
 * The crash tests' rig: the shared vitest-free AgentRig (one real simulator that outlives the
 * agent; the real agent started, SIGKILLed and restarted on the same data dir).
 */
export { Order } from '@pt/protocol';
export {
  AgentRig as CrashRig,
  eventually,
  silent,
  venueClient,
  type RunningAgent,
} from '../helpers/agent-rig.js';
