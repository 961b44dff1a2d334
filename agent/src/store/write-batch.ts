import type { Database, Statement } from 'better-sqlite3';

/**
 * A queued write. Methods (not function-typed properties) on purpose: TypeScript checks method
 * parameters bivariantly, so a `Job` can hold a `Promise<T>`'s resolve and a `(db) => T` work
 * without a closure per job; the queue only ever passes `work`'s own result to `resolve`.
 */
export interface Job {
  weight: number;
  work(db: Database): unknown;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

export interface BatchAttempt {
  /** Per job, in order: its result (if it succeeded). */
  values: unknown[];
  /** Per failed job index: its error. */
  errors: Map<number, Error>;
  committedRows: number;
  sqliteBusy: number;
}

/** Prepared once: creating a better-sqlite3 transaction wrapper per job costs more than the insert. */
export interface TransactionStatements {
  begin: Statement;
  commit: Statement;
  rollback: Statement;
  savepoint: Statement;
  release: Statement;
  rollbackToSavepoint: Statement;
}

export function prepareTransactionStatements(db: Database): TransactionStatements {
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT write_queue_job'),
    release: db.prepare('RELEASE write_queue_job'),
    rollbackToSavepoint: db.prepare('ROLLBACK TO write_queue_job'),
  };
}

export function isSqliteBusy(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    typeof err.code === 'string' &&
    err.code.startsWith('SQLITE_BUSY')
  );
}

/**
 * Runs `batch` in one transaction. Without savepoints it stops at the first failing job and rolls
 * everything back (errors not empty, nothing committed); with savepoints it isolates failures and
 * commits the rest. Throws (after rolling back) if the transaction itself fails.
 */
export function attemptBatch(
  db: Database,
  sql: TransactionStatements,
  batch: Job[],
  useSavepoints: boolean,
): BatchAttempt {
  const result: BatchAttempt = {
    values: new Array<unknown>(batch.length),
    errors: new Map(),
    committedRows: 0,
    sqliteBusy: 0,
  };
  try {
    sql.begin.run();
    for (let i = 0; i < batch.length; i += 1) {
      const job = batch[i];
      if (job === undefined) break;
      if (useSavepoints) sql.savepoint.run();
      try {
        const value = job.work(db);
        // An async work function would run its awaited part after COMMIT, outside the transaction.
        if (value instanceof Promise)
          throw new TypeError('write queue work must be synchronous, got a Promise');
        result.values[i] = value;
        // A job that ended the transaction (ROLLBACK/COMMIT in its work) would let the next jobs
        // autocommit one by one: stop the batch instead.
        if (!db.inTransaction) throw new Error('a write job ended the batch transaction');
        if (useSavepoints) sql.release.run();
        result.committedRows += job.weight;
      } catch (error) {
        if (!db.inTransaction) throw error;
        if (isSqliteBusy(error)) result.sqliteBusy += 1;
        const reason = error instanceof Error ? error : new Error(`write job threw ${String(error)}`);
        result.errors.set(i, reason);
        if (!useSavepoints) {
          sql.rollback.run();
          return result;
        }
        sql.rollbackToSavepoint.run();
        sql.release.run();
      }
    }
    sql.commit.run();
    return result;
  } catch (err) {
    if (db.inTransaction) sql.rollback.run();
    throw err;
  }
}
