import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { z } from 'zod';
import { loadMigrationFiles, MigrationError } from './migration-files.js';
import type { MigrationFile } from './migration-files.js';

/** A row of schema_migrations. */
export interface AppliedMigration {
  id: number;
  name: string;
  checksum: string;
  appliedAtMs: number;
}

const AppliedMigrationRow = z.object({
  id: z.number().int(),
  name: z.string(),
  checksum: z.string(),
  applied_at_ms: z.number().int(),
});

// Created by the migrator itself, not by a migration, because it must exist before the first one runs.
const CREATE_SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at_ms INTEGER NOT NULL
) STRICT`;

export function readMigrationState(db: Database): AppliedMigration[] {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (exists === undefined) return [];
  return db
    .prepare('SELECT id, name, checksum, applied_at_ms FROM schema_migrations ORDER BY id')
    .all()
    .map((raw) => {
      const row = AppliedMigrationRow.parse(raw);
      return { id: row.id, name: row.name, checksum: row.checksum, appliedAtMs: row.applied_at_ms };
    });
}

function fileNameOf(m: { id: number; name: string }): string {
  return `${m.id}_${m.name}.sql`;
}

/** Refuses (throws MigrationError naming the file) if history and the files on disk disagree. */
function verifyApplied(applied: AppliedMigration[], files: MigrationFile[], dir: string): void {
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const done of applied) {
    const file = byId.get(done.id);
    if (file === undefined) {
      throw new MigrationError(
        `applied migration ${fileNameOf(done)} is missing from ${dir}; refusing to start on a schema this build does not know`,
        fileNameOf(done),
      );
    }
    if (file.name !== done.name) {
      throw new MigrationError(
        `applied migration ${fileNameOf(done)} was renamed to ${file.fileName}; migrations are forward-only: restore the name`,
        file.fileName,
      );
    }
    if (file.checksum !== done.checksum) {
      throw new MigrationError(
        `migration ${file.fileName} was changed after it was applied (checksum ${done.checksum.slice(0, 12)}… recorded, ${file.checksum.slice(0, 12)}… on disk); migrations are forward-only: restore the file and add a new migration`,
        file.fileName,
      );
    }
  }
}

/**
 * Brings `db` up to date with the migrations in `dir`: verifies every applied one, then applies
 * each pending one in its own transaction together with its schema_migrations row, so a crash
 * leaves a migration either fully applied and recorded or not at all.
 */
export function applyMigrations(
  db: Database,
  dir: string,
  opts: { nowMs: () => number; logger?: Logger },
): AppliedMigration[] {
  db.exec(CREATE_SCHEMA_MIGRATIONS);
  const files = loadMigrationFiles(dir);
  const applied = readMigrationState(db);
  verifyApplied(applied, files, dir);

  const appliedIds = new Set(applied.map((m) => m.id));
  const lastAppliedId = applied.at(-1)?.id ?? 0;
  const record = db.prepare(
    'INSERT INTO schema_migrations (id, name, checksum, applied_at_ms) VALUES (?, ?, ?, ?)',
  );
  for (const file of files) {
    if (appliedIds.has(file.id)) continue;
    if (file.id < lastAppliedId) {
      // A branch merged an older-stamped migration after a newer one ran here; applying it is
      // what the author meant, but the order differs from a fresh database, so say so.
      opts.logger?.warn(
        { migration: file.fileName },
        'applying a migration older than the latest applied one',
      );
    }
    try {
      db.transaction(() => {
        db.exec(file.sql);
        record.run(file.id, file.name, file.checksum, opts.nowMs());
      })();
    } catch (err) {
      throw new MigrationError(
        `migration ${file.fileName} failed and was rolled back: ${err instanceof Error ? err.message : String(err)}`,
        file.fileName,
      );
    }
    opts.logger?.info({ migration: file.fileName }, 'migration applied');
  }
  return readMigrationState(db);
}
