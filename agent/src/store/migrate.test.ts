import { appendFileSync, cpSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/store/temp-dir.js';
import { applyMigrations, readMigrationState } from './migrate.js';
import { loadMigrationFiles, migrationChecksum, MigrationError } from './migration-files.js';
import { DEFAULT_MIGRATIONS_DIR } from './store.js';

let temp: ReturnType<typeof makeTempDir>;
let migrationsDir: string;
let dbFile: string;
const nowMs = (): number => 1_700_000_000_000;

beforeEach(() => {
  temp = makeTempDir();
  migrationsDir = join(temp.dir, 'migrations');
  cpSync(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
  dbFile = join(temp.dir, 'test.sqlite');
});
afterEach(() => temp.remove());

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(dbFile);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function migrate(): ReturnType<typeof applyMigrations> {
  return withDb((db) => applyMigrations(db, migrationsDir, { nowMs }));
}

function firstMigrationFile(): string {
  const first = loadMigrationFiles(migrationsDir)[0];
  if (first === undefined) throw new Error('no migrations in the repo');
  return first.fileName;
}

describe('applyMigrations', () => {
  it('applies every migration to an empty database and records it with its checksum', () => {
    const files = loadMigrationFiles(migrationsDir);
    const applied = migrate();
    expect(applied.map((m) => m.id)).toEqual(files.map((f) => f.id));
    expect(applied.map((m) => m.checksum)).toEqual(files.map((f) => f.checksum));
    expect(applied.every((m) => m.appliedAtMs === nowMs())).toBe(true);
    const tables = withDb((db) =>
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all(),
    );
    expect(tables).toContain('ledger_events');
    expect(tables).toContain('schema_migrations');
  });

  it('is a no-op the second time', () => {
    const first = migrate();
    const second = withDb((db) => applyMigrations(db, migrationsDir, { nowMs: () => 42 }));
    expect(second).toEqual(first);
  });

  it('applies a new migration later, in its own transaction', () => {
    migrate();
    writeFileSync(
      join(migrationsDir, '9999999999999_add_notes.sql'),
      'CREATE TABLE notes (id INTEGER PRIMARY KEY);',
    );
    const applied = migrate();
    expect(applied.at(-1)).toMatchObject({ id: 9_999_999_999_999, name: 'add_notes' });
  });

  it('rolls a failing migration back entirely and names the file', () => {
    migrate();
    writeFileSync(
      join(migrationsDir, '9999999999999_broken.sql'),
      'CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);',
    );
    expect(() => migrate()).toThrow(/9999999999999_broken\.sql failed/);
    withDb((db) => {
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
      expect(readMigrationState(db).some((m) => m.name === 'broken')).toBe(false);
    });
  });

  it('refuses to start when an applied migration file was edited, naming the file', () => {
    migrate();
    const file = firstMigrationFile();
    appendFileSync(join(migrationsDir, file), '\nCREATE TABLE sneaky (id INTEGER);\n');
    let caught: unknown;
    try {
      migrate();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(MigrationError);
    expect(caught).toMatchObject({ fileName: file });
    expect(String(caught)).toMatch(new RegExp(`${file}.*changed after it was applied`));
    // Nothing was applied on the way.
    withDb((db) =>
      expect(db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sneaky'").get()).toBeUndefined(),
    );
  });

  it('refuses to start when an applied migration file is missing', () => {
    migrate();
    const file = firstMigrationFile();
    unlinkSync(join(migrationsDir, file));
    expect(() => migrate()).toThrow(new RegExp(`applied migration ${file} is missing`));
  });

  it('treats a CRLF checkout of an unchanged file as unchanged', () => {
    expect(migrationChecksum('a;\r\nb;\r\n')).toBe(migrationChecksum('a;\nb;\n'));
    expect(migrationChecksum('a;\nb;\n')).not.toBe(migrationChecksum('a;\nb; \n'));
  });

  it('rejects misnamed and duplicate-id migration files', () => {
    writeFileSync(join(migrationsDir, 'add-things.sql'), 'SELECT 1;');
    expect(() => loadMigrationFiles(migrationsDir)).toThrow(
      /add-things\.sql .* not named <epoch-ms>_<snake_name>\.sql/,
    );
    unlinkSync(join(migrationsDir, 'add-things.sql'));
    const file = firstMigrationFile();
    const id = file.slice(0, 13);
    writeFileSync(join(migrationsDir, `${id}_other.sql`), 'SELECT 1;');
    expect(() => loadMigrationFiles(migrationsDir)).toThrow(/share the id/);
  });

  it('refuses a renamed applied migration (same id, new name), naming both', () => {
    migrate();
    const file = firstMigrationFile();
    renameSync(join(migrationsDir, file), join(migrationsDir, `${file.slice(0, 13)}_renamed.sql`));
    expect(() => migrate()).toThrow(/was renamed to \d{13}_renamed\.sql/);
  });
});
