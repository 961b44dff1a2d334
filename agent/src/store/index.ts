/**
 * @module
 * The agent's SQLite store: one database file per trading environment, forward-only migrations
 * with checksums, a single batched write queue (acknowledged = committed) and the append-only
 * event ledger. See README.md in this folder.
 */
export { openStore, storeFileName, DEFAULT_MIGRATIONS_DIR } from './store.js';
export type { Store, StoreOptions } from './store.js';
export { readMigrationState } from './migrate.js';
export type { AppliedMigration } from './migrate.js';
export { readTableCounts } from './table-counts.js';
export { openReader } from './db.js';
export { MigrationError } from './migration-files.js';
export { LedgerRepository } from './ledger.repository.js';
export type { LedgerQuery } from './ledger.repository.js';
export { LedgerEventInput } from './ledger-event.js';
export type { LedgerEvent, LedgerAppendOutcome } from './ledger-event.js';
export type { EnqueueOptions, WriteQueueOptions, WriteQueueStats } from './write-queue.js';
export type { SynchronousMode } from './db.js';
