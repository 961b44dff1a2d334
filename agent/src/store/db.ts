import { chmodSync, closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/**
 * `synchronous` for the writer connection.
 *
 * FULL (the default, and the agent's choice): in WAL mode the WAL is fsynced at every commit, so a
 * write we acknowledged (an order intent recorded before the order is sent) survives a process
 * crash *and* a power loss or OS crash. NORMAL only fsyncs at checkpoints: it survives a process
 * crash but a power cut can roll back the last commits, i.e. we could have sent an order to Kalshi
 * whose intent is no longer in the ledger. The write queue batches many callers into one commit,
 * so FULL costs one fsync per batch, not per event; the bench (`npm run bench -w @pt/agent`)
 * measures both: the fsync is wall time per batch (~4 ms here), not writer CPU, and NORMAL gains
 * only 0-20% at saturation, which does not buy a lost order intent. NORMAL is accepted only so the
 * bench can show the difference.
 */
export type SynchronousMode = 'FULL' | 'NORMAL';

/** How long a connection waits on a lock before SQLITE_BUSY. Only checkpoints and a second process contend. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Page cache per connection, in KiB (negative = KiB for SQLite). Sized when the ledger had a
 * UNIQUE index on random keys (a page miss per insert once it outgrew SQLite's default 2 MiB);
 * writes now only touch the tail of the table and of its indexes, and the cache mostly serves the
 * reads of recent rows. It is an upper bound: pages never read take no memory.
 */
export const WRITER_CACHE_KIB = 65_536;
export const READER_CACHE_KIB = 16_384;

/**
 * Checkpoint after 8,192 WAL pages (32 MiB) instead of SQLite's 1,000: the hot index pages of a
 * busy ledger are rewritten in almost every batch, and a rarer checkpoint copies each one once and
 * pays one database fsync instead of many (measured: about 2x the write-queue throughput with
 * synchronous=FULL). Crash recovery replays at most that much WAL, which takes well under a second.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 8_192;
/** After a checkpoint the WAL file is truncated back to this size, so a reader spike cannot leave it huge. */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The ledger holds the account's orders and fills: owner-only, like every sensitive file in the data
 * dir. The file is created 0600 before SQLite opens it, and SQLite gives its -wal and -shm files the
 * database file's mode. A file left by an older version is tightened too.
 */
function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  if (process.platform !== 'win32') chmodSync(file, 0o600);
}

export function openWriter(file: string, synchronous: SynchronousMode = 'FULL'): SqliteDatabase {
  ensurePrivateFile(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
    // Statement journals of multi-row INSERTs stay in memory (ledger-insert.ts): at most a few MiB.
    db.pragma('temp_store = MEMORY');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    const mode: unknown = db.pragma('journal_mode', { simple: true });
    if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (journal_mode=${String(mode)})`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * The read connection: its own handle, read-only, so a read can never take the write lock and
 * always sees a committed snapshot (WAL isolation), never a batch in progress.
 */
export function openReader(file: string): SqliteDatabase {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  return db;
}
