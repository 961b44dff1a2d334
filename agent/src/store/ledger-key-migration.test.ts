import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { applyMigrations } from './migrate.js';
import { loadMigrationFiles } from './migration-files.js';
import { DEFAULT_MIGRATIONS_DIR, openStore, storeFileName } from './store.js';

/** The migration that moved the key from a UNIQUE index to the key log. */
const KEY_LOG_MIGRATION = 'ledger_key_log';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const ROWS = 2_000;
const SELECT_ALL =
  'SELECT id, source, source_event_id, kind, payload, venue_ts_ms, ingest_ts_ms FROM ledger_events ORDER BY id';

/** A ledger as the build before the key log left it: every migration before it, then rows. */
function fillLedgerBeforeKeyLog(file: string): unknown[] {
  const files = loadMigrationFiles(DEFAULT_MIGRATIONS_DIR);
  const cut = files.findIndex((f) => f.name === KEY_LOG_MIGRATION);
  expect(cut).toBeGreaterThan(0);
  const olderDir = join(temp.dir, 'older-migrations');
  mkdirSync(olderDir);
  for (const f of files.slice(0, cut))
    copyFileSync(join(DEFAULT_MIGRATIONS_DIR, f.fileName), join(olderDir, f.fileName));
  const db = new Database(file);
  try {
    applyMigrations(db, olderDir, { nowMs: () => 1 });
    const insert = db.prepare(
      `INSERT INTO ledger_events (source, source_event_id, kind, payload, venue_ts_ms, ingest_ts_ms)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, source_event_id) DO NOTHING`,
    );
    db.transaction(() => {
      for (let i = 0; i < ROWS; i += 1) {
        const source = i % 3 === 0 ? 'kalshi.rest' : 'kalshi.ws';
        insert.run(
          source,
          `fill-${i}`,
          i % 2 === 0 ? 'kalshi.fill' : 'order.intent',
          JSON.stringify({ i }),
          i % 5 === 0 ? null : 1_000 + i,
          2_000 + i,
        );
      }
      // The old schema enforced the key itself: a replay inserted nothing.
      expect(insert.run('kalshi.ws', 'fill-1', 'kalshi.fill', '{}', null, 1).changes).toBe(0);
    })();
    return db.prepare(SELECT_ALL).raw().all();
  } finally {
    db.close();
  }
}

describe(`migration ${KEY_LOG_MIGRATION}`, () => {
  it('carries every row over with its id, keeps the table append-only, and the key stays idempotent', async () => {
    const file = join(temp.dir, storeFileName('sim'));
    const before = fillLedgerBeforeKeyLog(file);
    expect(before).toHaveLength(ROWS);

    const store = openStore({ dataDir: temp.dir, environment: 'sim', logger: silentLogger });
    try {
      expect(store.migrationState().map((m) => m.name)).toContain(KEY_LOG_MIGRATION);
      expect(store.counts()).toMatchObject({ ledger_events: ROWS });
      // The key log covers the copied rows (hashed at this first open).
      const raw = new Database(store.file, { readonly: true });
      try {
        expect(raw.prepare(SELECT_ALL).raw().all()).toEqual(before);
        expect(raw.prepare('SELECT sum(length(hashes)) / 4 FROM ledger_key_hashes').pluck().get()).toBe(ROWS);
        const objects = raw
          .prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'ledger_events' ORDER BY name")
          .raw()
          .all();
        expect(objects).toEqual([
          ['table', 'ledger_events'],
          // Later migrations: the activity feed's partial indexes.
          ['index', 'ledger_events_activity_kind_ts'],
          ['index', 'ledger_events_activity_ticker'],
          ['index', 'ledger_events_ingest_ts'],
          ['index', 'ledger_events_kind_id'],
          ['trigger', 'ledger_events_no_delete'],
          ['trigger', 'ledger_events_no_update'],
        ]);
      } finally {
        raw.close();
      }
      const replay = await store.ledger.append([
        { source: 'kalshi.rest', sourceEventId: 'fill-0', kind: 'kalshi.fill', payload: { again: true } },
        { source: 'kalshi.ws', sourceEventId: 'fill-1999', kind: 'kalshi.fill', payload: {}, venueTsMs: 5 },
        { source: 'kalshi.ws', sourceEventId: 'fill-0', kind: 'kalshi.fill', payload: {} }, // other source
      ]);
      expect(replay).toEqual([{ isNew: false }, { isNew: false }, { isNew: true, id: ROWS + 1 }]);
      expect(store.ledger.get('kalshi.rest', 'fill-0')).toMatchObject({
        id: 1,
        payload: { i: 0 },
        venueTsMs: null,
      });
      expect(store.ledger.readByKind('order.intent', { limit: 2 }).map((e) => e.id)).toEqual([2, 4]);
    } finally {
      await store.close();
    }
    const writer = new Database(file);
    try {
      expect(() => writer.prepare('UPDATE ledger_events SET kind = ? WHERE id = 1').run('x')).toThrow(
        /append-only: UPDATE refused/,
      );
      expect(() => writer.prepare('DELETE FROM ledger_events WHERE id = 1').run()).toThrow(
        /append-only: DELETE refused/,
      );
      expect(() => writer.prepare('DELETE FROM ledger_key_hashes').run()).toThrow(
        /append-only: DELETE refused/,
      );
    } finally {
      writer.close();
    }
  });
});
