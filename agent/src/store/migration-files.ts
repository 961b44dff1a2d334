import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `migrations/<epoch-ms>_<snake_name>.sql` file on disk. */
export interface MigrationFile {
  /** The epoch-ms prefix: the primary key in schema_migrations and the apply order. */
  id: number;
  name: string;
  fileName: string;
  sql: string;
  /** sha256 (hex) of the file's text with CRLF normalised to LF. */
  checksum: string;
}

/** Start-up must stop: a migration file is malformed, changed after being applied, or missing. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    message: string,
    readonly fileName: string,
  ) {
    super(message);
  }
}

const FILE_NAME = /^(\d{13})_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$/;

/**
 * Line endings are normalised before hashing so a Windows checkout (core.autocrlf) of an unchanged
 * file does not look like an edited migration; any other byte change does.
 */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** Every migration in `dir`, sorted by id. Non-`.sql` files are ignored; a misnamed `.sql` file is an error. */
export function loadMigrationFiles(dir: string): MigrationFile[] {
  const files: MigrationFile[] = [];
  const seenIds = new Map<number, string>();
  for (const fileName of readdirSync(dir).sort()) {
    if (!fileName.endsWith('.sql')) continue;
    const match = FILE_NAME.exec(fileName);
    if (match === null || match[1] === undefined || match[2] === undefined) {
      throw new MigrationError(
        `migration file ${fileName} in ${dir} is not named <epoch-ms>_<snake_name>.sql`,
        fileName,
      );
    }
    const id = Number(match[1]);
    const clash = seenIds.get(id);
    if (clash !== undefined) {
      throw new MigrationError(`migration files ${clash} and ${fileName} share the id ${id}`, fileName);
    }
    seenIds.set(id, fileName);
    const sql = readFileSync(join(dir, fileName), 'utf8');
    if (sql.trim() === '') throw new MigrationError(`migration file ${fileName} is empty`, fileName);
    files.push({ id, name: match[2], fileName, sql, checksum: migrationChecksum(sql) });
  }
  return files.sort((a, b) => a.id - b.id);
}
