import type { Database } from 'better-sqlite3';

/** Row count per table (diagnostics); `db` may be a read-only connection. */
export function readTableCounts(db: Database): Record<string, number> {
  const counts: Record<string, number> = {};
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all();
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const n: unknown = db
      .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get();
    if (typeof n === 'number') counts[name] = n;
  }
  return counts;
}
