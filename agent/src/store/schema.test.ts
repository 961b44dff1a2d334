import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/store/temp-dir.js';
import { dumpSchema, SCHEMA_FILE } from './schema-dump.js';
import { DEFAULT_MIGRATIONS_DIR } from './store.js';

describe('committed schema.sql', () => {
  it('matches what the migrations produce (run `npm run db:schema` if this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(dumpSchema(DEFAULT_MIGRATIONS_DIR));
  });

  it('changes when a migration is added, so drift is detectable', () => {
    const temp = makeTempDir();
    try {
      cpSync(DEFAULT_MIGRATIONS_DIR, temp.dir, { recursive: true });
      writeFileSync(
        join(temp.dir, '9999999999999_extra.sql'),
        'CREATE TABLE extra (id INTEGER PRIMARY KEY);',
      );
      const dumped = dumpSchema(temp.dir);
      expect(dumped).toContain('CREATE TABLE extra');
      expect(dumped).not.toBe(readFileSync(SCHEMA_FILE, 'utf8'));
    } finally {
      temp.remove();
    }
  });
});
