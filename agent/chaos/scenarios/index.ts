/** Every chaos scenario, in the order the suite runs them (the SIGKILL and drift ones restart the agent). */
import type { Scenario } from '../types.js';
import { flattenDuringDisconnect } from './flatten-during-disconnect.js';
import { marketDisputed } from './market-disputed.js';
import { marketSettled } from './market-settled.js';
import { schemaDrift } from './schema-drift.js';
import { sigkillAckFill } from './sigkill-ack-fill.js';
import { sigkillIntentAck } from './sigkill-intent-ack.js';
import { tradingPause } from './trading-pause.js';
import { vibeDown } from './vibe-down.js';
import { duplicateClientOrderId } from './duplicate-client-order-id.js';
import { http5xxBurst } from './http-5xx-burst.js';
import { lostCreateResponse } from './lost-create-response.js';
import { rateLimitStorm } from './rate-limit-storm.js';
import { seqGap } from './seq-gap.js';
import { silentStall } from './silent-stall.js';
import { wsDisconnect } from './ws-disconnect.js';

export const SCENARIOS: readonly Scenario[] = [
  wsDisconnect,
  seqGap,
  silentStall,
  rateLimitStorm,
  http5xxBurst,
  lostCreateResponse,
  duplicateClientOrderId,
  sigkillIntentAck,
  sigkillAckFill,
  tradingPause,
  marketSettled,
  marketDisputed,
  vibeDown,
  flattenDuringDisconnect,
  schemaDrift,
];

/** The named scenarios (all when none is named); throws on an unknown name, listing the known ones. */
export function selectScenarios(names: readonly string[]): Scenario[] {
  if (names.length === 0) return [...SCENARIOS];
  const unknown = names.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0)
    throw new Error(
      `unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  return SCENARIOS.filter((s) => names.includes(s.name));
}
