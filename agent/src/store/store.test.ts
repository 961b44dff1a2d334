import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { loadMigrationFiles } from './migration-files.js';
import { DEFAULT_MIGRATIONS_DIR, openStore } from './store.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const open = (environment: 'sim' | 'demo' | 'live') =>
  openStore({ dataDir: temp.dir, environment, logger: silentLogger, nowMs: () => 7 });

describe('openStore', () => {
  it('leaves the database file in WAL mode (connection pragmas: db.test.ts)', async () => {
    const store = open('sim');
    await store.close();
    const db = new Database(store.file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('keeps one database file per trading environment, so paper and real state never mix', async () => {
    const sim = open('sim');
    const live = open('live');
    try {
      expect(sim.file).toMatch(/ledger-sim\.sqlite$/);
      expect(live.file).toMatch(/ledger-live\.sqlite$/);
      await sim.ledger.append([{ source: 's', sourceEventId: '1', kind: 'order.intent', payload: {} }]);
      expect(sim.counts()).toMatchObject({ ledger_events: 1 });
      expect(live.counts()).toMatchObject({ ledger_events: 0 });
      expect(existsSync(live.file)).toBe(true);
    } finally {
      await sim.close();
      await live.close();
    }
  });

  it('reports migration state and row counts per table for diagnostics', async () => {
    const store = open('demo');
    try {
      const files = loadMigrationFiles(DEFAULT_MIGRATIONS_DIR);
      expect(store.migrationState()).toEqual(
        files.map((f) => ({ id: f.id, name: f.name, checksum: f.checksum, appliedAtMs: 7 })),
      );
      expect(store.counts()).toEqual({
        ledger_events: 0,
        ledger_key_hashes: 0,
        schema_migrations: files.length,
      });
    } finally {
      await store.close();
    }
  });

  it('close() commits queued writes, truncates the WAL and is idempotent', async () => {
    const store = openStore({
      dataDir: temp.dir,
      environment: 'sim',
      logger: silentLogger,
      queue: { maxBatchDelayMs: 60_000, maxBatchSize: 1_000_000, maxPending: 1_000_000 },
    });
    const acks = store.ledger.append([
      { source: 's', sourceEventId: 'late', kind: 'order.intent', payload: [1] },
    ]);
    await Promise.all([store.close(), store.close()]);
    await expect(acks).resolves.toEqual([{ isNew: true, id: 1 }]);
    await expect(
      store.ledger.append([{ source: 's', sourceEventId: 'after', kind: 'order.intent', payload: 1 }]),
    ).rejects.toMatchObject({ code: 'STORE_BUSY', retryable: false });
    const walFile = `${store.file}-wal`;
    expect(!existsSync(walFile) || statSync(walFile).size === 0).toBe(true);
    const reopened = open('sim');
    try {
      expect(reopened.ledger.get('s', 'late')).toMatchObject({ payload: [1] });
    } finally {
      await reopened.close();
    }
  });

  it('closes even while another connection holds a read snapshot, keeping the data in the WAL', async () => {
    const store = open('sim');
    await store.ledger.append([
      { source: 's', sourceEventId: 'kept', kind: 'order.intent', payload: { a: 1 } },
    ]);
    const outsider = new Database(store.file, { readonly: true });
    const rows = outsider.prepare('SELECT id FROM ledger_events').iterate();
    rows.next(); // an open read transaction: TRUNCATE cannot complete while it lasts
    try {
      await store.close();
    } finally {
      rows.return?.();
      outsider.close();
    }
    const reopened = open('sim');
    try {
      expect(reopened.ledger.get('s', 'kept')).toMatchObject({ payload: { a: 1 } });
    } finally {
      await reopened.close();
    }
  });

  it('refuses an unknown environment instead of inventing a file name', () => {
    const environment: unknown = 'prod';
    // @ts-expect-error -- a config bug that slipped past typing must still fail closed.
    expect(() => openStore({ dataDir: temp.dir, environment, logger: silentLogger })).toThrow(
      /Invalid option/,
    );
  });
});
