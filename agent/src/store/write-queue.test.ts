import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../test/store/temp-dir.js';
import { openReader, openWriter } from './db.js';
import { WriteQueue } from './write-queue.js';
import type { WriteQueueOptions } from './write-queue.js';

let temp: ReturnType<typeof makeTempDir>;
let writer: Database;
let reader: Database;

beforeEach(() => {
  temp = makeTempDir();
  const file = join(temp.dir, 'queue.sqlite');
  writer = openWriter(file);
  writer.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)');
  reader = openReader(file);
});
afterEach(() => {
  vi.useRealTimers();
  reader.close();
  writer.close();
  temp.remove();
});

function makeQueue(opts: WriteQueueOptions = {}): WriteQueue {
  return new WriteQueue(writer, opts);
}

function insert(label: string): (db: Database) => number {
  return (db) => Number(db.prepare('INSERT INTO items (label) VALUES (?)').run(label).lastInsertRowid);
}

function storedLabels(): unknown[] {
  return reader.prepare('SELECT label FROM items ORDER BY id').pluck().all();
}

describe('WriteQueue', () => {
  it('batches many concurrent callers into few transactions and keeps submission order', async () => {
    const queue = makeQueue({ maxBatchSize: 100, maxBatchDelayMs: 5 });
    const labels = Array.from({ length: 1_000 }, (_, i) => `item-${i}`);
    const ids = await Promise.all(labels.map((label) => queue.enqueue(insert(label))));
    expect(storedLabels()).toEqual(labels);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const stats = queue.stats();
    expect(stats.jobsCommitted).toBe(1_000);
    expect(stats.batchesCommitted).toBe(10);
    expect(stats.largestBatchJobs).toBe(100);
  });

  it('keeps order across many batches with a long backlog', async () => {
    const queue = makeQueue({ maxBatchSize: 700, maxBatchDelayMs: 1, maxPending: 20_000 });
    const labels = Array.from({ length: 12_000 }, (_, i) => `backlog-${i}`);
    await Promise.all(labels.map((label) => queue.enqueue(insert(label))));
    expect(storedLabels()).toEqual(labels);
    expect(queue.stats()).toMatchObject({ batchesCommitted: 18, pendingJobs: 0, pendingRows: 0 });
  });

  it('closes a batch by size: a job never splits, an oversized one goes alone', async () => {
    const queue = makeQueue({ maxBatchSize: 10, maxBatchDelayMs: 1_000 });
    let next = 0;
    const work = (n: number) => (db: Database) => {
      for (let i = 0; i < n; i += 1) insert(`row-${(next += 1)}`)(db);
    };
    await Promise.all([queue.enqueue(work(6), 6), queue.enqueue(work(6), 6), queue.enqueue(work(25), 25)]);
    expect(queue.stats()).toMatchObject({ batchesCommitted: 3, rowsCommitted: 37 });
  });

  it('waits up to maxBatchDelayMs for company, then commits (acknowledges) the batch', async () => {
    vi.useFakeTimers();
    const queue = makeQueue({ maxBatchSize: 100, maxBatchDelayMs: 50 });
    let ackedCount = 0;
    const first = queue.enqueue(insert('a')).then(() => (ackedCount += 1));
    await vi.advanceTimersByTimeAsync(20);
    const second = queue.enqueue(insert('b')).then(() => (ackedCount += 1));
    await vi.advanceTimersByTimeAsync(20);
    expect(ackedCount).toBe(0);
    expect(storedLabels()).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    await Promise.all([first, second]);
    expect(ackedCount).toBe(2);
    expect(storedLabels()).toEqual(['a', 'b']);
    expect(queue.stats().batchesCommitted).toBe(1);
  });

  it('acknowledges only after COMMIT: another connection sees the row when the promise resolves', async () => {
    const queue = makeQueue();
    const seenAtAck = await queue.enqueue(insert('durable')).then(() => storedLabels());
    expect(seenAtAck).toEqual(['durable']);
  });

  it('never lets the read connection see a half-applied batch', async () => {
    const queue = makeQueue({ maxBatchSize: 100, maxBatchDelayMs: 5 });
    const seenMidBatch: unknown[][] = [];
    const jobs = [
      queue.enqueue(insert('one')),
      queue.enqueue(() => seenMidBatch.push(storedLabels())),
      queue.enqueue(insert('two')),
      queue.enqueue(() => seenMidBatch.push(storedLabels())),
    ];
    await Promise.all(jobs);
    expect(queue.stats().batchesCommitted).toBe(1);
    expect(seenMidBatch).toEqual([[], []]);
    expect(storedLabels()).toEqual(['one', 'two']);
  });

  it('rolls back only the job that threw; the rest of its batch commits', async () => {
    const queue = makeQueue({ maxBatchDelayMs: 5 });
    const results = await Promise.allSettled([
      queue.enqueue(insert('kept-1')),
      queue.enqueue((db) => {
        insert('undone')(db);
        insert('kept-1')(db); // UNIQUE violation after a successful insert in the same job
      }),
      queue.enqueue(insert('kept-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(storedLabels()).toEqual(['kept-1', 'kept-2']);
    expect(queue.stats()).toMatchObject({
      batchesCommitted: 1,
      jobsCommitted: 2,
      jobsFailed: 1,
      rowsCommitted: 2,
    });
  });

  it('runs the jobs of a batch with a failure again, isolated, and returns the committed run', async () => {
    const queue = makeQueue({ maxBatchDelayMs: 5 });
    let runsOfGoodJob = 0;
    const [good, bad] = await Promise.allSettled([
      queue.enqueue((db) => {
        runsOfGoodJob += 1;
        return insert('good')(db);
      }),
      queue.enqueue(() => {
        throw new Error('boom');
      }),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: 1 });
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'boom' } });
    expect(runsOfGoodJob).toBe(2); // fast attempt rolled back, isolated attempt committed
    expect(storedLabels()).toEqual(['good']);
  });

  it('refuses async work, whose awaited part would run outside the transaction', async () => {
    const queue = makeQueue({ maxBatchDelayMs: 1 });
    await expect(queue.enqueue((db) => Promise.resolve(insert('async')(db)))).rejects.toThrow(
      /must be synchronous/,
    );
    expect(storedLabels()).toEqual([]);
  });

  it('fails the whole batch if a job ends the transaction, so nothing is acknowledged', async () => {
    const queue = makeQueue({ maxBatchDelayMs: 5 });
    const results = await Promise.allSettled([
      queue.enqueue(insert('before')),
      queue.enqueue((db) => db.exec('ROLLBACK')),
      queue.enqueue(insert('after')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(storedLabels()).toEqual([]);
    expect(writer.inTransaction).toBe(false);
    await queue.enqueue(insert('next'));
    expect(storedLabels()).toEqual(['next']);
  });

  it('rejects every job of a batch whose COMMIT fails, and keeps none of it', async () => {
    writer.exec(`CREATE TABLE parents (id INTEGER PRIMARY KEY);
      CREATE TABLE children (id INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)`);
    const queue = makeQueue({ maxBatchDelayMs: 5 });
    const results = await Promise.allSettled([
      queue.enqueue(insert('innocent')),
      // A deferred foreign key is only checked at COMMIT, so COMMIT itself fails.
      queue.enqueue((db) => db.prepare('INSERT INTO children (parent_id) VALUES (999)').run()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results[0]).toMatchObject({ reason: { code: 'INTERNAL' } });
    expect(storedLabels()).toEqual([]);
    expect(writer.inTransaction).toBe(false);
    expect(queue.stats()).toMatchObject({ batchesFailed: 1, batchesCommitted: 0 });
    await queue.enqueue(insert('after'));
    expect(storedLabels()).toEqual(['after']);
  });

  it('refuses writes with a retryable STORE_BUSY when maxPending rows are waiting', async () => {
    const queue = makeQueue({ maxPending: 5, maxBatchDelayMs: 1_000, maxBatchSize: 100 });
    const accepted = Array.from({ length: 5 }, (_, i) => queue.enqueue(insert(`ok-${i}`)));
    await expect(queue.enqueue(insert('too-many'))).rejects.toMatchObject({
      code: 'STORE_BUSY',
      retryable: true,
      details: { pendingRows: 5, maxPending: 5 },
    });
    expect(queue.stats().busyRejections).toBe(1);
    await queue.flush();
    await Promise.all(accepted);
    const again = queue.enqueue(insert('room-again'));
    await queue.flush();
    await again;
    expect(storedLabels()).toHaveLength(6);
    await expect(queue.enqueue(() => 0, 6)).rejects.toThrow(RangeError);
  });

  it('close() commits what is queued, then refuses new writes (not retryable)', async () => {
    const queue = makeQueue({ maxBatchDelayMs: 10_000, maxBatchSize: 1_000 });
    const pending = [queue.enqueue(insert('x')), queue.enqueue(insert('y'))];
    await queue.close();
    await Promise.all(pending);
    expect(storedLabels()).toEqual(['x', 'y']);
    await expect(queue.enqueue(insert('z'))).rejects.toMatchObject({ code: 'STORE_BUSY', retryable: false });
  });
});
