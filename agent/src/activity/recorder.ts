/**
 * Records a decision: ledger first (through the write queue, acknowledged after COMMIT), then the
 * `activity` stream. A key already in the ledger is neither written nor published again.
 */
import type { ActivityEvent } from '@pt/protocol';
import type { LedgerAppendOutcome, LedgerEventInput } from '../store/index.js';
import { buildActivityEvent, toLedgerEvent } from './activity-input.js';
import type { ActivityInput } from './activity-input.js';

/** The part of the store's ledger the recorder writes to. */
export interface ActivityLedger {
  append(events: readonly LedgerEventInput[]): Promise<LedgerAppendOutcome[]>;
}

/** The stream hub as the recorder uses it (StreamHub satisfies it). */
export interface ActivityPublisher {
  publish(event: { type: 'activity.appended'; stream: 'activity'; activity: ActivityEvent }): number;
}

export interface ActivityRecorderOptions {
  /**
   * The ledger to write to, asked on every record: the runtime's current environment
   * (`() => runtime.current().store.ledger`), or one venue's store for that venue's events.
   */
  ledger: () => ActivityLedger;
  hub: ActivityPublisher;
  nowMs?: () => number;
}

export class ActivityRecorder {
  private readonly nowMs: () => number;

  constructor(private readonly options: ActivityRecorderOptions) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  /**
   * Resolves with the event once committed and published, or null when its key was already
   * recorded. Rejects with VALIDATION_FAILED (bad input, nothing written) or the store's error
   * (STORE_BUSY when the queue is full or the store closed: nothing published).
   */
  async record(input: ActivityInput): Promise<ActivityEvent | null> {
    const event = buildActivityEvent(input, this.nowMs);
    const [outcome] = await this.options.ledger().append([toLedgerEvent(event, input.venueTsMs)]);
    if (outcome === undefined || !outcome.isNew) return null;
    this.options.hub.publish({ type: 'activity.appended', stream: 'activity', activity: event });
    return event;
  }
}
