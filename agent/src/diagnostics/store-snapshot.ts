import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TradingEnvironment } from '@pt/protocol';
import { openReader } from '../store/db.js';
import { readMigrationState } from '../store/migrate.js';
import { storeFileName } from '../store/index.js';
import type { AppliedMigration } from '../store/index.js';

export type StoreSnapshot =
  | { file: string; exists: false }
  | { file: string; exists: true; migrations: AppliedMigration[]; counts: Record<string, number> }
  | { file: string; exists: true; error: string };

/**
 * Migration state and row counts through a read-only connection: works while the agent runs
 * (WAL readers never block its writer) and never migrates or writes anything itself.
 */
export function readStoreSnapshot(dataDir: string, environment: TradingEnvironment): StoreSnapshot {
  const file = join(dataDir, storeFileName(environment));
  if (!existsSync(file)) return { file, exists: false };
  try {
    const db = openReader(file);
    try {
      const counts: Record<string, number> = {};
      const tables = db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .pluck()
        .all();
      for (const name of tables) {
        if (typeof name !== 'string') continue;
        const count: unknown = db
          .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
          .pluck()
          .get();
        if (typeof count === 'number') counts[name] = count;
      }
      return { file, exists: true, migrations: readMigrationState(db), counts };
    } finally {
      db.close();
    }
  } catch (err) {
    return { file, exists: true, error: err instanceof Error ? err.message : String(err) };
  }
}
