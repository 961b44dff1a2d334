import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { AgentError } from '../lib/errors.js';
import { attemptBatch, isSqliteBusy, prepareTransactionStatements } from './write-batch.js';
import type { BatchAttempt, Job, RowWriter, TransactionStatements } from './write-batch.js';

export { isSqliteBusy } from './write-batch.js';
export type { RowWriter } from './write-batch.js';

export interface WriteQueueOptions {
  /** Rows (job weights) per transaction before the batch is committed without waiting. */
  maxBatchSize?: number;
  /** How long the first write of a batch may wait for company before the batch commits. */
  maxBatchDelayMs?: number;
  /** Rows waiting to be written beyond which new writes are refused with STORE_BUSY. */
  maxPending?: number;
}

export interface WriteQueueStats {
  batchesCommitted: number;
  jobsCommitted: number;
  rowsCommitted: number;
  /** Jobs whose own work threw; they were rolled back alone, their batch still committed. */
  jobsFailed: number;
  /** Transactions that failed to commit: every job in them was rejected, none is durable. */
  batchesFailed: number;
  /** Writes refused because the queue was full. */
  busyRejections: number;
  /** SQLITE_BUSY errors seen by the writer (busy_timeout exhausted). */
  sqliteBusy: number;
  largestBatchJobs: number;
  pendingJobs: number;
  pendingRows: number;
}

/**
 * maxBatchSize: every commit pays one fsync of the WAL (synchronous=FULL, ~3-6 ms on this VM), so
 * at saturation the batch size sets the fsync share of each event. 4,096 rows (2,000 when a ledger
 * row cost 12+ us of writer CPU): interleaved bench runs gave +6-45% events/s over 2,000 (load 3-10)
 * and -0.2-1 us CPU/event; the price is a longer event-loop stall per full batch (p50 ~30 ms
 * alone, 60-70 ms under load, against 27-48 ms). Below saturation batches close on maxBatchDelayMs
 * and stay small.
 */
const DEFAULTS = { maxBatchSize: 4_096, maxBatchDelayMs: 2, maxPending: 100_000 } as const;

export interface EnqueueOptions {
  /**
   * Commit on the next turn of the event loop instead of waiting up to `maxBatchDelayMs` for more
   * callers (an order intent: the order waits on it). Everything already waiting commits with it.
   */
  isUrgent?: boolean;
  /**
   * The write may be acknowledged without an fsync (with `isUrgent` and nothing else waiting, it
   * commits at once, inside the call): when every job of its batch says so, the batch
   * commits under synchronous=NORMAL (WAL), i.e. it survives a crash of the process (SIGKILL) but
   * not of the OS or a power loss until the next fsync'd commit (any later FULL commit syncs the
   * WAL up to and including it). For the order intent only (order-journal.ts): its fsync was
   * 4-6 ms of a 2 ms delta → order budget, and an intent lost with the OS is recovered by
   * reconciliation (a venue order whose client order id has our prefix is imported as ours).
   * A batch that also carries any other write commits with the store's mode (FULL by default).
   */
  isFsyncOptional?: boolean;
}

/**
 * The store's single writer. Every write is a synchronous `work(db)` function; the queue runs
 * waiting jobs back to back inside one transaction (a batch closes at `maxBatchSize` rows or
 * `maxBatchDelayMs` after its first job) and settles each caller's promise only after COMMIT
 * returned: a resolved promise is an acknowledged, durable write. Jobs run in submission order.
 *
 * A job that throws is rolled back alone and its caller gets the error while the rest of the batch
 * commits. If the COMMIT itself fails, every job of the batch is rejected and nothing of it is
 * durable. Work functions must be functions of the database only (no other side effects) and must
 * not manage transactions: a batch in which a job throws is rolled back and run again, each job in
 * its own SAVEPOINT, so a job may run twice (only the committed run's result is returned).
 *
 * Backpressure: when `maxPending` rows are already waiting, `enqueue` rejects at once with a
 * retryable AgentError STORE_BUSY rather than making callers wait. A caller that must not lose the
 * write (an order intent) then refuses the order, which is safe because nothing was sent yet;
 * an unbounded wait would hide overload and grow memory while market data keeps arriving.
 */
export class WriteQueue {
  private readonly maxBatchSize: number;
  private readonly maxBatchDelayMs: number;
  private readonly maxPending: number;
  /** Waiting jobs are pending[pendingHead..]; the consumed prefix is dropped in chunks, not per batch. */
  private pending: Job[] = [];
  private pendingHead = 0;
  private pendingRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private isClosed = false;
  private readonly statements: TransactionStatements;
  /** Jobs that may commit without an fsync (see `EnqueueOptions.isFsyncOptional`). */
  private readonly fsyncOptional = new WeakSet<Job>();
  /**
   * The store's synchronous level when it fsyncs every commit (FULL 2, EXTRA 3), restored after a
   * NORMAL batch; undefined when it is NORMAL or OFF already. `exec`, not a prepared statement:
   * SQLite applies `PRAGMA synchronous` when the statement is compiled, not when it runs.
   */
  private readonly fsyncLevel: number | undefined;
  private readonly counters = {
    batchesCommitted: 0,
    jobsCommitted: 0,
    rowsCommitted: 0,
    jobsFailed: 0,
    batchesFailed: 0,
    busyRejections: 0,
    sqliteBusy: 0,
    largestBatchJobs: 0,
  };

  constructor(
    private readonly db: Database,
    opts: WriteQueueOptions = {},
    private readonly logger?: Logger,
  ) {
    this.maxBatchSize = positiveInt('maxBatchSize', opts.maxBatchSize ?? DEFAULTS.maxBatchSize);
    this.maxBatchDelayMs = nonNegativeInt(
      'maxBatchDelayMs',
      opts.maxBatchDelayMs ?? DEFAULTS.maxBatchDelayMs,
    );
    this.maxPending = positiveInt('maxPending', opts.maxPending ?? DEFAULTS.maxPending);
    this.statements = prepareTransactionStatements(db);
    const level = db.pragma('synchronous', { simple: true }) as number;
    // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA: only FULL and EXTRA fsync each commit.
    this.fsyncLevel = level >= 2 ? level : undefined;
  }

  /** Queues `work` (weight = rows it writes) and resolves with its result once its batch committed. */
  enqueue<T>(work: (db: Database) => T, weight = 1): Promise<T> {
    return this.push<T>(weight, work, undefined, undefined);
  }

  /**
   * Queues `rows` for `writer` (weight = rows.length) and resolves with their outcomes, in order,
   * once the batch committed. Consecutive row jobs of the same writer in a batch are written by one
   * `writeRows` call (e.g. multi-row INSERTs across callers); each job still commits or fails alone.
   */
  enqueueRows<R, O>(writer: RowWriter<R, O>, rows: readonly R[], options: EnqueueOptions = {}): Promise<O[]> {
    return this.push<O[]>(
      rows.length,
      undefined,
      writer,
      rows,
      options.isUrgent === true,
      options.isFsyncOptional === true,
    );
  }

  private push<T>(
    weight: number,
    work: ((db: Database) => T) | undefined,
    rowWriter: RowWriter | undefined,
    rows: readonly unknown[] | undefined,
    isUrgent = false,
    isFsyncOptional = false,
  ): Promise<T> {
    if (this.isClosed) {
      return Promise.reject(new AgentError('STORE_BUSY', 'the store is closed', { retryable: false }));
    }
    if (!Number.isInteger(weight) || weight < 1 || weight > this.maxPending) {
      return Promise.reject(
        new RangeError(
          `write weight must be an integer in 1..${this.maxPending} (maxPending), got ${weight}`,
        ),
      );
    }
    if (this.pendingRows + weight > this.maxPending) {
      this.counters.busyRejections += 1;
      return Promise.reject(
        new AgentError(
          'STORE_BUSY',
          `write queue full: ${this.pendingRows} rows pending, limit ${this.maxPending}`,
          { retryable: true },
          { pendingRows: this.pendingRows, maxPending: this.maxPending },
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      // Every job has the same fields in the same order: one hidden class for the queue's hot loop.
      const job: Job = { weight, work, rowWriter, rows, resolve, reject };
      if (isFsyncOptional) this.fsyncOptional.add(job);
      this.pending.push(job);
      this.pendingRows += weight;
      // Alone in the queue, an urgent fsync-optional write (the order intent) commits now, inside
      // the call: a NORMAL commit costs ~0.05 ms, while waiting for the next turn of the event loop
      // cost ~0.3-0.5 ms behind other I/O callbacks (order-latency bench). With company it waits
      // for the next turn as any urgent write, so a caller never pays another write's fsync here.
      if (isUrgent && isFsyncOptional && this.pendingJobs() === 1) {
        this.cancelTimers();
        this.runBatch();
      } else this.schedule(isUrgent);
    });
  }

  /** Commits everything waiting now, without waiting for the batch delay. */
  flush(): Promise<void> {
    this.cancelTimers();
    while (this.pendingJobs() > 0) this.runBatch();
    return Promise.resolve();
  }

  /** Stops accepting writes (they reject with STORE_BUSY, not retryable) and commits what is waiting. */
  close(): Promise<void> {
    this.isClosed = true;
    return this.flush();
  }

  stats(): WriteQueueStats {
    return { ...this.counters, pendingJobs: this.pendingJobs(), pendingRows: this.pendingRows };
  }

  private pendingJobs(): number {
    return this.pending.length - this.pendingHead;
  }

  private schedule(isUrgent = false): void {
    if (this.immediate !== undefined) return;
    if (isUrgent || this.pendingRows >= this.maxBatchSize || this.maxBatchDelayMs === 0) {
      this.cancelTimers();
      this.immediate = setImmediate(this.onTimer);
    } else if (this.timer === undefined) {
      this.timer = setTimeout(this.onTimer, this.maxBatchDelayMs);
    }
  }

  private readonly onTimer = (): void => {
    this.cancelTimers();
    this.runBatch();
    // Whatever is left already waited its turn: commit it on the next turn of the event loop,
    // which still lets I/O callbacks (and new callers) in between two batches.
    if (this.pendingJobs() > 0) this.immediate = setImmediate(this.onTimer);
  };

  private cancelTimers(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }

  private takeBatch(): Job[] {
    let rows = 0;
    let end = this.pendingHead;
    while (end < this.pending.length) {
      const job = this.pending[end];
      if (job === undefined || (end > this.pendingHead && rows + job.weight > this.maxBatchSize)) break;
      rows += job.weight;
      end += 1;
    }
    const batch = this.pending.slice(this.pendingHead, end);
    this.pendingHead = end;
    this.pendingRows -= rows;
    if (this.pendingHead === this.pending.length) {
      this.pending = [];
      this.pendingHead = 0;
    } else if (this.pendingHead > 4_096 && this.pendingHead * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.pendingHead);
      this.pendingHead = 0;
    }
    return batch;
  }

  /**
   * One transaction for the whole batch. The fast path runs the jobs back to back; a SAVEPOINT per
   * job would cost two more statements per row (~30% of a single-row insert, measured). Only if a
   * job throws is the batch rolled back and re-run with a SAVEPOINT around each job. If SQLite
   * aborts the transaction under a job (or a job ends it), the whole batch fails and nobody is told
   * their write was acknowledged.
   */
  private runBatch(): void {
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    let attempt: BatchAttempt;
    const relaxFrom =
      this.fsyncLevel !== undefined && batch.every((job) => this.fsyncOptional.has(job))
        ? this.fsyncLevel
        : undefined;
    try {
      if (relaxFrom !== undefined) this.db.exec('PRAGMA synchronous = NORMAL');
      const fast = attemptBatch(this.db, this.statements, batch, false);
      this.counters.sqliteBusy += fast.sqliteBusy;
      attempt = fast;
      if (fast.errors.size > 0) {
        attempt = attemptBatch(this.db, this.statements, batch, true);
        this.counters.sqliteBusy += attempt.sqliteBusy;
      }
    } catch (err) {
      this.failBatch(batch, err);
      return;
    } finally {
      if (relaxFrom !== undefined) this.db.exec(`PRAGMA synchronous = ${relaxFrom}`);
    }
    this.counters.batchesCommitted += 1;
    this.counters.jobsCommitted += batch.length - attempt.errors.size;
    this.counters.rowsCommitted += attempt.committedRows;
    this.counters.jobsFailed += attempt.errors.size;
    this.counters.largestBatchJobs = Math.max(this.counters.largestBatchJobs, batch.length);
    batch.forEach((job, i) => {
      const error = attempt.errors.get(i);
      if (error === undefined) job.resolve(attempt.values[i]);
      else job.reject(error);
    });
  }

  private failBatch(batch: Job[], err: unknown): void {
    this.counters.batchesFailed += 1;
    const isBusy = isSqliteBusy(err);
    if (isBusy) this.counters.sqliteBusy += 1;
    this.logger?.error({ err, jobs: batch.length }, 'write batch failed to commit; nothing of it is durable');
    const error = isBusy
      ? new AgentError(
          'STORE_BUSY',
          'database busy: the write was not committed',
          { retryable: true },
          {},
          { cause: err },
        )
      : new AgentError(
          'INTERNAL',
          'database write failed: the write was not committed',
          {},
          {},
          { cause: err },
        );
    for (const job of batch) job.reject(error);
  }
}

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`write queue ${name} must be a positive integer, got ${value}`);
  return value;
}

function nonNegativeInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`write queue ${name} must be a non-negative integer, got ${value}`);
  return value;
}
