import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLIDING_KEYS } from '../../test/store/colliding-keys.js';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { openWriter } from './db.js';
import type { LedgerEventInput } from './ledger-event.js';
import { loadLedgerKeyIndex } from './ledger-key-log.js';
import { openStore } from './store.js';
import type { Store } from './store.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const open = (): Store =>
  openStore({ dataDir: temp.dir, environment: 'sim', logger: silentLogger, queue: { maxBatchDelayMs: 1 } });

function event(source: string, sourceEventId: string, n = 0): LedgerEventInput {
  return { source, sourceEventId, kind: 'market.trade', payload: { n } };
}

const trades = (count: number): LedgerEventInput[] =>
  Array.from({ length: count }, (_, i) => event('kalshi.ws', `t-${i}`, i));

function withRawDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('the ledger key log', () => {
  it('rebuilds the index at open: after a restart replays are not new and get() finds every key', async () => {
    let store = open();
    await store.ledger.append(trades(300));
    await store.close();
    store = open();
    try {
      expect((await store.ledger.append(trades(300))).every((o) => !o.isNew)).toBe(true);
      expect(store.ledger.get('kalshi.ws', 't-299')).toMatchObject({ id: 300, payload: { n: 299 } });
      expect(await store.ledger.append([event('kalshi.ws', 't-300')])).toEqual([{ isNew: true, id: 301 }]);
    } finally {
      await store.close();
    }
  });

  it('keeps two keys that share a hash apart, before and after a restart', async () => {
    const [a, b] = COLLIDING_KEYS;
    let store = open();
    expect(await store.ledger.append([event(...a, 1), event(...b, 2)])).toEqual([
      { isNew: true, id: 1 },
      { isNew: true, id: 2 },
    ]);
    expect(await store.ledger.append([event(...b, 3), event(...a, 4)])).toEqual([
      { isNew: false },
      { isNew: false },
    ]);
    await store.close();
    store = open();
    try {
      expect(store.ledger.get(...a)).toMatchObject({ id: 1, sourceEventId: a[1], payload: { n: 1 } });
      expect(store.ledger.get(...b)).toMatchObject({ id: 2, sourceEventId: b[1], payload: { n: 2 } });
      expect(await store.ledger.append([event(...b), event(...a), event('kalshi.ws', 'x')])).toEqual([
        { isNew: false },
        { isNew: false },
        { isNew: true, id: 3 },
      ]);
    } finally {
      await store.close();
    }
  });

  it('hashes and logs rows the log does not cover (written before it existed), once', async () => {
    let store = open();
    await store.ledger.append(trades(10));
    await store.close();
    withRawDb(store.file, (db) => {
      const insert = db.prepare(
        "INSERT INTO ledger_events (source, source_event_id, kind, payload, ingest_ts_ms) VALUES ('old', ?, 'market.trade', '{}', 1)",
      );
      for (let i = 0; i < 5_000; i += 1) insert.run(`o-${i}`);
    });
    store = open();
    const logRows = (): unknown =>
      withRawDb(store.file, (db) =>
        db.prepare('SELECT count(*), sum(length(hashes)) / 4 FROM ledger_key_hashes').raw().get(),
      );
    try {
      expect(logRows()).toEqual([1 + 2, 5_010]); // the appended batch + 4,096 + 904 caught up
      expect(store.ledger.get('old', 'o-4999')).toMatchObject({ id: 5_010 });
      const replay = await store.ledger.append([
        event('old', 'o-0'),
        event('kalshi.ws', 't-9'),
        event('old', 'new'),
      ]);
      expect(replay).toEqual([{ isNew: false }, { isNew: false }, { isNew: true, id: 5_011 }]);
    } finally {
      await store.close();
    }
    store = open();
    await store.close();
    expect(logRows()).toEqual([4, 5_011]);
  });

  it('refuses to load a log that disagrees with the rows (a changed hash function) or overlaps itself', async () => {
    const store = open();
    await store.ledger.append(trades(3));
    await store.close();
    const db = openWriter(store.file);
    try {
      expect(() => loadLedgerKeyIndex(db, silentLogger, () => 1)).toThrow(/hash function changed/);
      db.prepare('INSERT INTO ledger_key_hashes (first_id, hashes) VALUES (3, ?)').run(Buffer.alloc(4));
      expect(() => loadLedgerKeyIndex(db, silentLogger)).toThrow(/overlaps/);
    } finally {
      db.close();
    }
  });
});
