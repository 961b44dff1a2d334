import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { applyMigrations } from './migrate.js';

/** The committed schema: agent/src/store/schema.sql. */
export const SCHEMA_FILE = fileURLToPath(new URL('./schema.sql', import.meta.url));

const SchemaRow = z.object({ type: z.string(), name: z.string(), sql: z.string() });

const HEADER = `-- Generated from migrations/ by \`npm run db:schema\`; do not edit.
-- A test fails when this file differs from what the migrations produce.
`;

/** The schema the migrations in `dir` produce on an empty database, as stable, committed SQL text. */
export function dumpSchema(migrationsDir: string): string {
  const db = new Database(':memory:');
  try {
    applyMigrations(db, migrationsDir, { nowMs: () => 0 });
    const rows = db
      .prepare(
        `SELECT type, name, sql FROM sqlite_schema
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
         ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name`,
      )
      .all()
      .map((raw) => SchemaRow.parse(raw));
    return HEADER + rows.map((row) => `\n${row.sql};\n`).join('');
  } finally {
    db.close();
  }
}
