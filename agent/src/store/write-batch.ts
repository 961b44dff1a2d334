import type { Database, Statement } from 'better-sqlite3';

/**
 * A queued write: either `work` or a row job (`rowWriter` + `rows`). resolve/reject are methods
 * (not function-typed properties) on purpose: TypeScript checks method parameters bivariantly, so a
 * `Job` can hold a `Promise<T>`'s resolve without a closure per job; the queue only ever passes the
 * job's own result to `resolve`. Every job has all fields, so the queue's loops see one shape.
 */
export interface Job {
  weight: number;
  /** The job's write, unless it is a row job (`rowWriter` set), whose write is `rowWriter.writeRows(db, rows)`. */
  work: ((db: Database) => unknown) | undefined;
  rowWriter: RowWriter | undefined;
  rows: readonly unknown[] | undefined;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/**
 * Writes rows of one kind, returning one outcome per row in input order. The queue may hand one
 * call the rows of several consecutive jobs that share the writer (so a multi-row statement can
 * span callers), then gives each job its own slice of the outcomes. Same contract as a job's work:
 * synchronous, no side effects outside the database, no transaction control; if it throws, the
 * batch is re-run with each job's rows alone in its own SAVEPOINT.
 */
export interface RowWriter<R = unknown, O = unknown> {
  writeRows(db: Database, rows: readonly R[]): O[];
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
    let i = 0;
    while (i < batch.length) {
      const end = useSavepoints ? i + 1 : groupEnd(batch, i);
      if (useSavepoints) sql.savepoint.run();
      try {
        if (end - i === 1) result.values[i] = runJob(db, batch[i]);
        else runGroup(db, batch, i, end, result.values);
        // A job that ended the transaction (ROLLBACK/COMMIT in its work) would let the next jobs
        // autocommit one by one: stop the batch instead.
        if (!db.inTransaction) throw new Error('a write job ended the batch transaction');
        if (useSavepoints) sql.release.run();
        for (let k = i; k < end; k += 1) result.committedRows += batch[k]?.weight ?? 0;
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
      i = end;
    }
    sql.commit.run();
    return result;
  } catch (err) {
    if (db.inTransaction) sql.rollback.run();
    throw err;
  }
}

function runJob(db: Database, job: Job | undefined): unknown {
  if (job === undefined) throw new Error('write batch index out of range');
  if (job.rowWriter !== undefined) return writeRowsChecked(db, job.rowWriter, job.rows ?? []);
  const value = job.work?.(db);
  // An async work function would run its awaited part after COMMIT, outside the transaction.
  if (value instanceof Promise) throw new TypeError('write queue work must be synchronous, got a Promise');
  return value;
}

/** Outcomes are matched to rows by position, so a writer that loses or adds one fails its rows. */
function writeRowsChecked(db: Database, writer: RowWriter, rows: readonly unknown[]): unknown[] {
  const outcomes = writer.writeRows(db, rows);
  if (!Array.isArray(outcomes) || outcomes.length !== rows.length) {
    throw new Error(`RowWriter returned ${String(outcomes.length)} outcomes for ${rows.length} rows`);
  }
  return outcomes;
}

/** End (exclusive) of the run of row jobs starting at `start` that share one RowWriter. */
function groupEnd(batch: readonly Job[], start: number): number {
  const writer = batch[start]?.rowWriter;
  let end = start + 1;
  if (writer === undefined) return end;
  while (end < batch.length && batch[end]?.rowWriter === writer) end += 1;
  return end;
}

/** One writeRows call for the rows of batch[start..end), then each job gets its slice of outcomes. */
function runGroup(db: Database, batch: readonly Job[], start: number, end: number, values: unknown[]): void {
  const writer = batch[start]?.rowWriter;
  if (writer === undefined) throw new Error('runGroup needs row jobs');
  const rows: unknown[] = [];
  for (let k = start; k < end; k += 1) {
    for (const row of batch[k]?.rows ?? []) rows.push(row);
  }
  const outcomes = writeRowsChecked(db, writer, rows);
  let offset = 0;
  for (let k = start; k < end; k += 1) {
    const count = batch[k]?.rows?.length ?? 0;
    values[k] = outcomes.slice(offset, offset + count);
    offset += count;
  }
}
