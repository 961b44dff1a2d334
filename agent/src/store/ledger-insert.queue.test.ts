import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { openWriter } from './db.js';
import { LedgerInserter } from './ledger-insert.js';
import type { LedgerRow } from './ledger-insert.js';
import { LedgerKeyIndex } from './ledger-key-index.js';
import { loadLedgerKeyIndex } from './ledger-key-log.js';
import { applyMigrations } from './migrate.js';
import { DEFAULT_MIGRATIONS_DIR } from './store.js';
import { WriteQueue } from './write-queue.js';

let temp: ReturnType<typeof makeTempDir>;
let db: Database;

beforeEach(() => {
  temp = makeTempDir();
  db = openWriter(join(temp.dir, 'ledger.sqlite'));
  applyMigrations(db, DEFAULT_MIGRATIONS_DIR, { nowMs: () => 0, logger: silentLogger });
});
afterEach(() => {
  db.close();
  temp.remove();
});

const row = (key: string): LedgerRow => ['kalshi.ws', key, 'market.trade', JSON.stringify({ key }), null, 1];

describe('LedgerInserter behind the write queue', () => {
  it('stays exact when a failing job makes the queue roll the batch back and re-run it job by job', async () => {
    const queue = new WriteQueue(db, { maxBatchDelayMs: 20 });
    const inserter = new LedgerInserter(db, new LedgerKeyIndex());
    // One batch: the fast path writes a, b, c, a (filing them in the index), the closure throws,
    // everything is rolled back, then each job runs again in its own savepoint.
    const first = queue.enqueueRows(inserter, [row('a'), row('b')]);
    const failing = queue.enqueue(() => {
      throw new Error('boom');
    });
    const second = queue.enqueueRows(inserter, [row('c'), row('a')]);
    await expect(first).resolves.toEqual([
      { isNew: true, id: 1 },
      { isNew: true, id: 2 },
    ]);
    await expect(failing).rejects.toThrow('boom');
    await expect(second).resolves.toEqual([{ isNew: true, id: 3 }, { isNew: false }]);
    expect(queue.stats()).toMatchObject({ batchesCommitted: 1, jobsFailed: 1 });

    const rows = db.prepare('SELECT id, source_event_id FROM ledger_events ORDER BY id').raw().all();
    expect(rows).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    // The key log holds exactly the committed rows: an index loaded from it knows them all.
    expect(db.prepare('SELECT sum(length(hashes)) / 4 FROM ledger_key_hashes').pluck().get()).toBe(3);
    const reloaded = new LedgerInserter(db, loadLedgerKeyIndex(db));
    await expect(queue.enqueueRows(reloaded, [row('b'), row('a'), row('c'), row('d')])).resolves.toEqual([
      { isNew: false },
      { isNew: false },
      { isNew: false },
      { isNew: true, id: 4 },
    ]);
    await queue.close();
  });
});
