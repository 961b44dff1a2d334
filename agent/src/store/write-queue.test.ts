import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../test/store/temp-dir.js';
import { openReader, openWriter } from './db.js';
import { WriteQueue } from './write-queue.js';
import type { RowWriter, WriteQueueOptions } from './write-queue.js';

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

  describe('row jobs (enqueueRows)', () => {
    /** Inserts labels, one per row; records the rows of each call; a label 'bad...' throws. */
    function labelWriter(): RowWriter<string, number> & { calls: string[][] } {
      const calls: string[][] = [];
      return {
        calls,
        writeRows(db, rows) {
          calls.push([...rows]);
          return rows.map((label) => {
            if (label.startsWith('bad')) throw new Error(`refused ${label}`);
            return insert(label)(db);
          });
        },
      };
    }

    it('writes consecutive row jobs of one writer in one call and gives each job its own outcomes', async () => {
      const queue = makeQueue({ maxBatchDelayMs: 5 });
      const writer = labelWriter();
      const results = await Promise.all([
        queue.enqueueRows(writer, ['a', 'b']),
        queue.enqueueRows(writer, ['c']),
        queue.enqueue(insert('plain')), // a plain job between two runs of row jobs
        queue.enqueueRows(writer, ['d', 'e', 'f']),
      ]);
      expect(results).toEqual([[1, 2], [3], 4, [5, 6, 7]]);
      expect(writer.calls).toEqual([
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ]);
      expect(storedLabels()).toEqual(['a', 'b', 'c', 'plain', 'd', 'e', 'f']);
      expect(queue.stats()).toMatchObject({ batchesCommitted: 1, jobsCommitted: 4, rowsCommitted: 7 });
    });

    it('does not group the row jobs of different writers', async () => {
      const queue = makeQueue({ maxBatchDelayMs: 5 });
      const first = labelWriter();
      const second = labelWriter();
      await Promise.all([
        queue.enqueueRows(first, ['a']),
        queue.enqueueRows(second, ['b']),
        queue.enqueueRows(first, ['c']),
      ]);
      expect(first.calls).toEqual([['a'], ['c']]);
      expect(second.calls).toEqual([['b']]);
    });

    it('rolls back only the row job that failed; the other jobs of its group commit', async () => {
      const queue = makeQueue({ maxBatchDelayMs: 5 });
      const writer = labelWriter();
      const results = await Promise.allSettled([
        queue.enqueueRows(writer, ['a', 'b']),
        queue.enqueueRows(writer, ['undone', 'bad-1']),
        queue.enqueueRows(writer, ['c']),
      ]);
      expect(results).toEqual([
        { status: 'fulfilled', value: [1, 2] },
        { status: 'rejected', reason: new Error('refused bad-1') },
        { status: 'fulfilled', value: [3] },
      ]);
      expect(storedLabels()).toEqual(['a', 'b', 'c']);
      // The grouped attempt failed and was rolled back; then each job ran alone in a savepoint.
      expect(writer.calls).toEqual([
        ['a', 'b', 'undone', 'bad-1', 'c'],
        ['a', 'b'],
        ['undone', 'bad-1'],
        ['c'],
      ]);
      expect(queue.stats()).toMatchObject({ jobsCommitted: 2, jobsFailed: 1, rowsCommitted: 3 });
    });

    it('fails a group whose writer returns the wrong number of outcomes', async () => {
      const queue = makeQueue({ maxBatchDelayMs: 5 });
      const short: RowWriter<string, number> = { writeRows: (db, rows) => [insert(rows.join('+'))(db)] };
      const results = await Promise.allSettled([
        queue.enqueueRows(short, ['a']),
        queue.enqueueRows(short, ['b', 'c']),
      ]);
      // Grouped: 1 outcome for 3 rows fails the attempt; alone, 'a' is fine and 'b','c' fails.
      expect(results[0]).toEqual({ status: 'fulfilled', value: [1] });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: /1 outcomes for 2 rows/ } });
      expect(storedLabels()).toEqual(['a']);
    });

    it('commits an urgent job on the next turn without the batch delay, with whatever waits before it', async () => {
      const queue = makeQueue({ maxBatchDelayMs: 60_000 });
      const writer = labelWriter();
      let isEarlyCommitted = false;
      const early = queue.enqueueRows(writer, ['early']).then((ids) => {
        isEarlyCommitted = true;
        return ids;
      });
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      // A 60 s batch delay: nothing commits on its own yet.
      expect(isEarlyCommitted).toBe(false);
      expect(storedLabels()).toEqual([]);
      await queue.enqueueRows(writer, ['intent'], { isUrgent: true });
      expect(isEarlyCommitted).toBe(true);
      await early;
      expect(storedLabels()).toEqual(['early', 'intent']);
      expect(queue.stats()).toMatchObject({ batchesCommitted: 1 });
      await queue.close();
    });

    it('rejects an empty row job (weight 0)', async () => {
      await expect(makeQueue().enqueueRows(labelWriter(), [])).rejects.toThrow(RangeError);
    });
  });

  describe('fsync-optional writes (isFsyncOptional)', () => {
    /** Inserts its labels and notes the connection's synchronous level inside the transaction. */
    function levelWriter(): RowWriter<string, number> & { levels: number[] } {
      const levels: number[] = [];
      return {
        levels,
        writeRows(db, rows) {
          levels.push(db.pragma('synchronous', { simple: true }) as number);
          return rows.map((label) => insert(label)(db));
        },
      };
    }
    const FULL = 2;
    const NORMAL = 1;

    it('commits a batch of only fsync-optional writes under NORMAL, then restores FULL', async () => {
      const queue = makeQueue({ maxBatchDelayMs: 60_000 });
      const rows = levelWriter();
      expect(rows.levels).toEqual([]);
      await queue.enqueueRows(rows, ['intent'], { isUrgent: true, isFsyncOptional: true });
      expect(rows.levels).toEqual([NORMAL]);
      expect(writer.pragma('synchronous', { simple: true })).toBe(FULL);
      expect(storedLabels()).toEqual(['intent']);
    });

    it('commits an urgent fsync-optional write alone inside the call, and waits for the next turn with company', async () => {
      const queue = makeQueue({ maxBatchDelayMs: 60_000 });
      const rows = levelWriter();
      const intent = queue.enqueueRows(rows, ['intent'], { isUrgent: true, isFsyncOptional: true });
      expect(storedLabels()).toEqual(['intent']);
      await intent;
      const early = queue.enqueueRows(rows, ['early']);
      const second = queue.enqueueRows(rows, ['second'], { isUrgent: true, isFsyncOptional: true });
      expect(storedLabels()).toEqual(['intent']);
      await Promise.all([early, second]);
      expect(storedLabels()).toEqual(['intent', 'early', 'second']);
      expect(rows.levels).toEqual([NORMAL, FULL]);
    });

    it('keeps FULL when the batch also carries a write that needs the fsync', async () => {
      const queue = makeQueue({ maxBatchDelayMs: 60_000 });
      const rows = levelWriter();
      const other = levelWriter();
      const early = queue.enqueueRows(other, ['market-data']);
      await queue.enqueueRows(rows, ['intent'], { isUrgent: true, isFsyncOptional: true });
      await early;
      expect([...other.levels, ...rows.levels]).toEqual([FULL, FULL]);
      await queue.enqueueRows(rows, ['plain'], { isUrgent: true });
      expect(rows.levels.at(-1)).toBe(FULL);
      expect(storedLabels()).toEqual(['market-data', 'intent', 'plain']);
    });

    it('restores FULL after a batch whose job failed and leaves a NORMAL store alone', async () => {
      const queue = makeQueue({ maxBatchDelayMs: 60_000 });
      const failing: RowWriter<string, number> = {
        writeRows() {
          throw new Error('refused');
        },
      };
      await expect(
        queue.enqueueRows(failing, ['x'], { isUrgent: true, isFsyncOptional: true }),
      ).rejects.toThrow('refused');
      expect(writer.pragma('synchronous', { simple: true })).toBe(FULL);
      writer.pragma('synchronous = NORMAL');
      const relaxed = makeQueue({ maxBatchDelayMs: 60_000 });
      await relaxed.enqueueRows(levelWriter(), ['y'], { isUrgent: true, isFsyncOptional: true });
      expect(writer.pragma('synchronous', { simple: true })).toBe(NORMAL);
    });
  });
});
