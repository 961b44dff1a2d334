import type { Logger } from 'pino';
import type { LedgerEventInput } from '../../../store/index.js';
import type { StreamLedger } from './types.js';

/** Source of every ledger row written by the stream. */
export const WS_LEDGER_SOURCE = 'kalshi.ws';

/**
 * Collects venue events and hands them to the ledger in one `append` per event-loop turn (the
 * store's write queue batches commits anyway; one call per turn keeps the hot path to a push).
 * Every event carries its venue id as sourceEventId, so a replay after reconnect is a no-op.
 * A failed append (store busy or closing) is logged and counted, never retried here: fills and
 * order updates are re-read over REST by the reconciliation that follows every reconnect.
 */
export class LedgerSink {
  private pending: LedgerEventInput[] = [];
  private isScheduled = false;
  private inFlight = new Set<Promise<void>>();
  private failures = 0;

  constructor(
    private readonly ledger: StreamLedger,
    private readonly logger: Logger,
  ) {}

  push(event: LedgerEventInput): void {
    this.pending.push(event);
    if (this.isScheduled) return;
    this.isScheduled = true;
    setImmediate(() => this.flush());
  }

  get errors(): number {
    return this.failures;
  }

  /** Appends what is queued now; resolves when every append started so far has settled. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all([...this.inFlight]);
  }

  private flush(): void {
    this.isScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const done = this.ledger.append(batch).then(
      () => undefined,
      (error: unknown) => {
        this.failures += batch.length;
        this.logger.error(
          { err: error, events: batch.length },
          'ws ledger append failed; REST reconciliation recovers',
        );
      },
    );
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }
}
