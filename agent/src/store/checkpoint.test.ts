import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, silentLogger } from '../../test/store/temp-dir.js';
import { runPassiveCheckpoint } from './checkpoint.js';
import { openReader, openWriter } from './db.js';

let temp: ReturnType<typeof makeTempDir>;
let writer: Database;
let reader: Database;

beforeEach(() => {
  temp = makeTempDir();
  const file = join(temp.dir, 'ckpt.sqlite');
  writer = openWriter(file);
  writer.exec('CREATE TABLE t (x TEXT)');
  reader = openReader(file);
});
afterEach(() => {
  reader.close();
  writer.close();
  temp.remove();
});

function writeSomePages(): void {
  writer.transaction(() => {
    const insert = writer.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 200; i += 1) insert.run('x'.repeat(500));
  })();
}

describe('runPassiveCheckpoint', () => {
  it('copies the whole WAL into the database when no reader holds a snapshot', () => {
    writeSomePages();
    const outcome = runPassiveCheckpoint(writer, silentLogger);
    expect(outcome.walFrames).toBeGreaterThan(0);
    expect(outcome.checkpointedFrames).toBe(outcome.walFrames);
  });

  it('does not wait for a reader in the middle of a read: it copies what it can', () => {
    writeSomePages();
    runPassiveCheckpoint(writer, silentLogger);
    // An open iterator keeps the reader's snapshot (and the frames it needs) alive.
    const rows = reader.prepare('SELECT x FROM t').iterate();
    rows.next();
    writeSomePages();
    const outcome = runPassiveCheckpoint(writer, silentLogger);
    expect(outcome.checkpointedFrames).toBeLessThan(outcome.walFrames);
    rows.return?.();
    expect(runPassiveCheckpoint(writer, silentLogger)).toMatchObject({
      checkpointedFrames: outcome.walFrames,
    });
  });
});
