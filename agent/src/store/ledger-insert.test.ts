import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { openWriter } from './db.js';
import { LedgerInserter } from './ledger-insert.js';
import type { LedgerInserterOptions, LedgerRow } from './ledger-insert.js';
import { ledgerKeyHash } from './ledger-key-hash.js';
import { LedgerKeyIndex } from './ledger-key-index.js';
import { loadLedgerKeyIndex } from './ledger-key-log.js';
import { applyMigrations } from './migrate.js';
import { DEFAULT_MIGRATIONS_DIR } from './store.js';

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

function inserter(opts: LedgerInserterOptions = {}): LedgerInserter {
  return new LedgerInserter(db, new LedgerKeyIndex(), opts);
}

function row(key: string, n = 0): LedgerRow {
  return ['kalshi.ws', key, 'market.trade', JSON.stringify({ key, n }), 1_000 + n, 2_000 + n];
}

function keys(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
}

/** The id the table holds for each key (the truth the outcomes must match). */
function storedId(key: string): unknown {
  return db
    .prepare('SELECT id FROM ledger_events WHERE source = ? AND source_event_id = ?')
    .pluck()
    .get('kalshi.ws', key);
}

function write(target: LedgerInserter, rows: LedgerRow[]): ReturnType<LedgerInserter['writeRows']> {
  db.exec('BEGIN');
  try {
    const outcomes = target.writeRows(db, rows);
    db.exec('COMMIT');
    return outcomes;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

const allCollide = (): number => 7;

describe.each([
  { chunkRows: 1, hash: ledgerKeyHash, name: '1-row statements' },
  { chunkRows: 64, hash: ledgerKeyHash, name: '64-row statements' },
  // Every key under one hash: each lookup walks all rows and must tell them apart by the row itself.
  { chunkRows: 64, hash: allCollide, name: 'every key hashing alike' },
])('LedgerInserter with $name', (opts) => {
  it.each([1, 63, 64, 65, 200])('inserts %i new rows with ids in input order', (count) => {
    const ins = inserter(opts);
    write(ins, [row('seed')]); // ids of the batch start after an existing row
    const batchKeys = keys(`n${count}`, count);
    const outcomes = write(
      ins,
      batchKeys.map((k, i) => row(k, i)),
    );
    expect(outcomes).toEqual(batchKeys.map((_, i) => ({ isNew: true, id: i + 2 })));
    batchKeys.forEach((k, i) => expect(storedId(k)).toBe(i + 2));
    const payloads = db.prepare('SELECT payload FROM ledger_events WHERE id > 1 ORDER BY id').pluck().all();
    expect(payloads).toEqual(batchKeys.map((k, i) => JSON.stringify({ key: k, n: i })));
  });

  it('reports rows stored earlier as not new, and new rows around them with their ids', () => {
    const ins = inserter(opts);
    const old = keys('old', 100);
    write(
      ins,
      old.map((k) => row(k)),
    );
    // Every third row is a replay, spread over several 64-row chunks.
    const mixed = Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? `old-${i / 3}` : `new-${i}`));
    const outcomes = write(
      ins,
      mixed.map((k, i) => row(k, i)),
    );
    let nextId = 101;
    mixed.forEach((k, i) => {
      if (i % 3 === 0) {
        expect(outcomes[i]).toEqual({ isNew: false });
        expect(storedId(k)).toBe(i / 3 + 1); // still the original row
      } else {
        expect(outcomes[i]).toEqual({ isNew: true, id: nextId });
        expect(storedId(k)).toBe(nextId);
        nextId += 1;
      }
    });
    expect(db.prepare('SELECT count(*) FROM ledger_events').pluck().get()).toBe(200);
  });

  it('tells the newest stored row (id just below the new ones) from the new rows', () => {
    const ins = inserter(opts);
    write(ins, [row('first'), row('newest')]);
    const outcomes = write(ins, [row('x'), row('newest'), row('y')]);
    expect(outcomes).toEqual([{ isNew: true, id: 3 }, { isNew: false }, { isNew: true, id: 4 }]);
  });

  it('keeps the first of a key repeated inside one chunk and across chunks', () => {
    const ins = inserter(opts);
    const input = [
      row('a', 0),
      row('b', 1),
      row('a', 2), // same chunk as the first 'a'
      ...keys('fill', 70).map((k, i) => row(k, 10 + i)),
      row('b', 3), // a later chunk
      row('c', 4),
    ];
    const outcomes = write(ins, input);
    expect(outcomes.slice(0, 3)).toEqual([{ isNew: true, id: 1 }, { isNew: true, id: 2 }, { isNew: false }]);
    expect(outcomes.slice(3, 73)).toEqual(keys('fill', 70).map((_, i) => ({ isNew: true, id: 3 + i })));
    expect(outcomes.slice(73)).toEqual([{ isNew: false }, { isNew: true, id: 73 }]);
    expect(db.prepare("SELECT payload FROM ledger_events WHERE source_event_id = 'a'").pluck().get()).toBe(
      JSON.stringify({ key: 'a', n: 0 }),
    );
  });

  it('replays a whole batch as duplicates without inserting anything', () => {
    const ins = inserter(opts);
    const rows = keys('r', 130).map((k) => row(k));
    write(ins, rows);
    expect(write(ins, rows)).toEqual(rows.map(() => ({ isNew: false })));
    expect(db.prepare('SELECT count(*) FROM ledger_events').pluck().get()).toBe(130);
  });

  it('forgets a rolled-back write: its keys are new again, and ids it used may hold other keys', () => {
    const ins = inserter(opts);
    db.exec('BEGIN');
    expect(ins.writeRows(db, [row('a'), row('b')])).toEqual([
      { isNew: true, id: 1 },
      { isNew: true, id: 2 },
    ]);
    db.exec('ROLLBACK');
    // The index still files a→1 and b→2; the rows there are now other keys.
    expect(write(ins, [row('c'), row('a')])).toEqual([
      { isNew: true, id: 1 },
      { isNew: true, id: 2 },
    ]);
    expect(write(ins, [row('b'), row('a'), row('c')])).toEqual([
      { isNew: true, id: 3 },
      { isNew: false },
      { isNew: false },
    ]);
    expect([storedId('c'), storedId('a'), storedId('b')]).toEqual([1, 2, 3]);
  });

  it('logs the hash of every new row in the same transaction: an index loaded from the log knows them all', () => {
    const ins = inserter(opts);
    write(ins, [row('a'), row('b'), row('a')]);
    db.exec('BEGIN');
    ins.writeRows(db, [row('lost')]);
    db.exec('ROLLBACK');
    write(
      ins,
      keys('k', 100).map((k) => row(k)),
    );
    const logged = db.prepare('SELECT sum(length(hashes)) / 4 FROM ledger_key_hashes').pluck().get();
    expect(logged).toBe(102);
    const reloaded = new LedgerInserter(db, loadLedgerKeyIndex(db, undefined, opts.hash), opts);
    const replay = [row('a'), row('b'), ...keys('k', 100).map((k) => row(k)), row('lost')];
    expect(write(reloaded, replay)).toEqual([
      ...replay.slice(0, -1).map(() => ({ isNew: false })),
      { isNew: true, id: 103 },
    ]);
  });

  it('fails the whole call on a constraint other than the key (nothing is skipped silently)', () => {
    const ins = inserter(opts);
    const bad: LedgerRow = ['kalshi.ws', 'bad', 'market.trade', 'not json', null, 1];
    expect(() => write(ins, [row('ok'), bad])).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT count(*) FROM ledger_events').pluck().get()).toBe(0);
  });
});

describe('LedgerInserter options', () => {
  it('refuses a chunk size SQLite cannot bind', () => {
    expect(() => inserter({ chunkRows: 0 })).toThrow(RangeError);
    expect(() => inserter({ chunkRows: 5_000 })).toThrow(RangeError);
  });

  it('refuses to write through another connection than the one it prepared on', () => {
    const ins = inserter();
    const other = openWriter(join(temp.dir, 'other.sqlite'));
    try {
      expect(() => ins.writeRows(other, [row('x')])).toThrow('another connection');
    } finally {
      other.close();
    }
  });
});
