/**
 * Flatten All step 2: cancel every resting order through the execution road, then verify by
 * listing the venue's resting orders; survivors (a lost cancel answer that did not go, an order
 * placed meanwhile, a listing that failed) get another round, a bounded number of times.
 */
import type { FlattenCancelResult } from '@pt/protocol';
import type { ExecutionService } from '../execution/index.js';
import { messageOf, readResting, sleep, type FlattenVenue } from './venue-reads.js';

export interface CancelStepResult extends FlattenCancelResult {
  /** What went wrong on the way, for the report's activity line (null when nothing did). */
  readonly trouble: string | null;
}

/** Rounds of cancel-all + verify (the first included). */
export const CANCEL_ROUNDS = 3;

export async function cancelAndVerify(
  execution: Pick<ExecutionService, 'cancelAll'>,
  venue: FlattenVenue,
  options: { rounds?: number; pauseMs?: number } = {},
): Promise<CancelStepResult> {
  const rounds = options.rounds ?? CANCEL_ROUNDS;
  let canceled = 0;
  let unknown = 0;
  let survivors = -1;
  let trouble: string | null = null;
  for (let round = 1; round <= rounds; round++) {
    try {
      const result = await execution.cancelAll();
      canceled += result.canceled.length;
      unknown += result.unknown.length;
    } catch (err) {
      trouble = `cancel-all failed: ${messageOf(err)}`;
    }
    try {
      survivors = (await readResting(venue)).length;
      if (survivors === 0) return { canceled, unknown, survivors, isVerified: true, trouble };
      trouble = `${survivors} resting order(s) still listed after round ${round}`;
    } catch (err) {
      survivors = -1;
      trouble = `the resting orders could not be listed: ${messageOf(err)}`;
    }
    if (round < rounds) await sleep(options.pauseMs ?? 200);
  }
  return { canceled, unknown, survivors, isVerified: false, trouble };
}
