import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { TradingEnvironment } from '@pt/protocol';
import { runPassiveCheckpoint } from './checkpoint.js';
import { openReader, openWriter } from './db.js';
import type { SynchronousMode } from './db.js';
import { loadLedgerKeyIndex } from './ledger-key-log.js';
import { LedgerRepository } from './ledger.repository.js';
import { applyMigrations, readMigrationState } from './migrate.js';
import type { AppliedMigration } from './migrate.js';
import { readTableCounts } from './table-counts.js';
import { WriteQueue } from './write-queue.js';
import type { WriteQueueOptions, WriteQueueStats } from './write-queue.js';

export interface StoreOptions {
  /** The agent's data dir (must exist). */
  dataDir: string;
  /** One database file per environment, so paper and real state can never mix. */
  environment: TradingEnvironment;
  logger: Logger;
  /** Default: the repo-root `migrations/`. */
  migrationsDir?: string;
  queue?: WriteQueueOptions;
  /** Default FULL (see db.ts for why); NORMAL exists so the bench can measure the difference. */
  synchronous?: SynchronousMode;
  /** How often to run a PASSIVE WAL checkpoint (default 30 s). */
  checkpointIntervalMs?: number;
  /** Clock for ingest timestamps and migration records (default Date.now). */
  nowMs?: () => number;
}

export interface Store {
  /** e.g. `<dataDir>/ledger-sim.sqlite`. */
  readonly file: string;
  readonly ledger: LedgerRepository;
  migrationState(): AppliedMigration[];
  /** Row count per table, for diagnostics. */
  counts(): Record<string, number>;
  queueStats(): WriteQueueStats;
  /** Stops accepting writes, commits what is queued, checkpoints (TRUNCATE), closes both connections. */
  close(): Promise<void>;
}

const CLOSE_CHECKPOINT_TIMEOUT_MS = 500;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export function storeFileName(environment: TradingEnvironment): string {
  return `ledger-${TradingEnvironment.parse(environment)}.sqlite`;
}

/**
 * Opens (creating if needed) the environment's database synchronously: writer connection, migrations
 * (applied at open, before any other write can exist, so they bypass the queue), read-only
 * connection, write queue. Throws MigrationError if the migration history does not match the files.
 */
export function openStore(opts: StoreOptions): Store {
  const file = join(opts.dataDir, storeFileName(opts.environment));
  const nowMs = opts.nowMs ?? Date.now;
  const logger = opts.logger.child({ module: 'store', environment: opts.environment });
  const writer = openWriter(file, opts.synchronous ?? 'FULL');
  let reader: Database | undefined;
  try {
    applyMigrations(writer, opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR, { nowMs, logger });
    // Like the migrations, loading the key index may write (it logs rows the key log lacks), so it
    // runs before the write queue exists.
    const keyIndex = loadLedgerKeyIndex(writer, logger);
    reader = openReader(file);
    const openReaderDb = reader;
    const queue = new WriteQueue(writer, opts.queue, logger);
    const ledger = new LedgerRepository(queue, writer, reader, nowMs, keyIndex);
    const checkpoints = setInterval(
      () => runPassiveCheckpoint(writer, logger),
      opts.checkpointIntervalMs ?? 30_000,
    );
    checkpoints.unref();
    let closing: Promise<void> | undefined;
    logger.info({ file }, 'store open');
    return {
      file,
      ledger,
      migrationState: () => readMigrationState(openReaderDb),
      counts: () => readTableCounts(openReaderDb),
      queueStats: () => queue.stats(),
      close: () => {
        closing ??= (async () => {
          clearInterval(checkpoints);
          try {
            await queue.close();
          } finally {
            openReaderDb.close();
            truncateCheckpoint(writer, logger);
            writer.close();
            logger.info({ file }, 'store closed');
          }
        })();
        return closing;
      },
    };
  } catch (err) {
    reader?.close();
    writer.close();
    throw err;
  }
}

/**
 * TRUNCATE waits for readers of other processes (the diagnostics CLI) through the busy handler;
 * the agent must exit within 5 s of a signal, so it waits briefly and otherwise leaves the WAL for
 * the next start, which loses nothing: the WAL is part of the database.
 */
function truncateCheckpoint(writer: Database, logger: Logger): void {
  writer.pragma(`busy_timeout = ${CLOSE_CHECKPOINT_TIMEOUT_MS}`);
  try {
    const result: unknown = writer.pragma('wal_checkpoint(TRUNCATE)');
    logger.debug({ result }, 'WAL checkpoint (truncate) on close');
  } catch (err) {
    logger.warn({ err }, 'WAL checkpoint on close failed; the WAL will be replayed at next open');
  }
}
