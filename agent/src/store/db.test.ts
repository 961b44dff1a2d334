import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/store/temp-dir.js';
import { BUSY_TIMEOUT_MS, openReader, openWriter } from './db.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('connections', () => {
  it('opens the writer in WAL with busy_timeout, foreign keys and synchronous FULL by default', () => {
    const writer = openWriter(join(temp.dir, 'a.sqlite'));
    try {
      expect(writer.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(writer.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
      expect(writer.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(writer.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
      expect(writer.pragma('temp_store', { simple: true })).toBe(2); // 2 = MEMORY (statement journals)
    } finally {
      writer.close();
    }
    const normal = openWriter(join(temp.dir, 'b.sqlite'), 'NORMAL');
    try {
      expect(normal.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL
    } finally {
      normal.close();
    }
  });

  it.skipIf(process.platform === 'win32')(
    'keeps the database and its WAL owner-only (0600), tightening a file an older version left open',
    () => {
      const file = join(temp.dir, 'ledger.sqlite');
      writeFileSync(file, '', { mode: 0o644 });
      const writer = openWriter(file);
      try {
        writer.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);');
        for (const path of [file, `${file}-wal`, `${file}-shm`]) {
          expect((statSync(path).mode & 0o777).toString(8), path).toBe('600');
        }
      } finally {
        writer.close();
      }
    },
  );

  it('opens the reader read-only: it cannot write', () => {
    const file = join(temp.dir, 'c.sqlite');
    const writer = openWriter(file);
    writer.exec('CREATE TABLE t (x INTEGER)');
    const reader = openReader(file);
    try {
      expect(reader.readonly).toBe(true);
      expect(() => reader.exec('INSERT INTO t VALUES (1)')).toThrow(/readonly/);
      expect(reader.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    } finally {
      reader.close();
      writer.close();
    }
  });
});
