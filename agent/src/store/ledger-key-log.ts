import type { Database, Statement } from 'better-sqlite3';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ledgerKeyHash } from './ledger-key-hash.js';
import type { KeyHash } from './ledger-key-hash.js';
import { LedgerKeyIndex } from './ledger-key-index.js';

/** Hashes per key-log row when rows written before the log existed are logged at open. */
const CATCH_UP_ROWS = 4_096;

const LogRow = z.tuple([z.number().int().positive(), z.instanceof(Buffer)]);
const KeyRow = z.tuple([z.number().int().positive(), z.string(), z.string()]);

/** `hashes` as a ledger_key_hashes blob: 4 bytes each, little-endian. */
export function packHashes(hashes: readonly number[]): Buffer {
  const blob = Buffer.allocUnsafe(hashes.length * 4);
  for (let i = 0; i < hashes.length; i += 1) blob.writeUInt32LE(hashes[i] ?? 0, i * 4);
  return blob;
}

/** Prepared once per connection by the inserter: one key-log row per run of consecutive new ids. */
export function prepareKeyLogInsert(db: Database): Statement {
  return db.prepare('INSERT INTO ledger_key_hashes (first_id, hashes) VALUES (?, ?)');
}

/**
 * Builds the key index when the store opens. `ledger_key_hashes` holds the hash of every row's key,
 * written in the same transaction as the rows (row `first_id` covers ids first_id, first_id+1, …),
 * so loading it costs 4 bytes per ledger row instead of reading the rows. Rows the log does not
 * cover yet (a ledger written before the log existed) are read, hashed and logged once, here,
 * before the write queue exists.
 */
export function loadLedgerKeyIndex(
  db: Database,
  logger?: Logger,
  hash: KeyHash = ledgerKeyHash,
): LedgerKeyIndex {
  const startedMs = performance.now();
  const maxId = Number(db.prepare('SELECT coalesce(max(id), 0) FROM ledger_events').pluck().get());
  const index = new LedgerKeyIndex(maxId);
  let coveredThrough = 0;
  let lastHash = 0;
  for (const raw of db
    .prepare('SELECT first_id, hashes FROM ledger_key_hashes ORDER BY first_id')
    .raw()
    .iterate()) {
    const [firstId, blob] = LogRow.parse(raw);
    if (firstId <= coveredThrough || blob.length === 0 || blob.length % 4 !== 0) {
      throw new Error(`ledger_key_hashes row ${firstId} overlaps the previous one or is malformed`);
    }
    for (let k = 0; k < blob.length / 4; k += 1) index.add(blob.readUInt32LE(k * 4), firstId + k);
    coveredThrough = firstId + blob.length / 4 - 1;
    lastHash = blob.readUInt32LE(blob.length - 4);
  }
  if (coveredThrough > maxId) {
    throw new Error(
      `ledger_key_hashes covers ids up to ${coveredThrough} but ledger_events ends at ${maxId}`,
    );
  }
  if (coveredThrough > 0) checkLastHash(db, coveredThrough, lastHash, hash);
  const caughtUp = catchUp(db, index, coveredThrough, hash);
  logger?.info(
    {
      keys: index.size,
      caughtUp,
      indexBytes: index.byteLength,
      ms: Math.round(performance.now() - startedMs),
    },
    'ledger key index loaded',
  );
  return index;
}

/** The newest logged hash must be its row's: catches a changed hash function or a log out of step. */
function checkLastHash(db: Database, id: number, logged: number, hash: KeyHash): void {
  const raw: unknown = db
    .prepare('SELECT id, source, source_event_id FROM ledger_events WHERE id = ?')
    .raw()
    .get(id);
  const [, source, sourceEventId] = KeyRow.parse(raw);
  if (hash(source, sourceEventId) !== logged) {
    throw new Error(
      `ledger_key_hashes disagrees with ledger_events at id ${id}: was the key hash function changed?`,
    );
  }
}

/** Hashes and logs rows above `coveredThrough`; returns how many. */
function catchUp(db: Database, index: LedgerKeyIndex, coveredThrough: number, hash: KeyHash): number {
  const page = db
    .prepare('SELECT id, source, source_event_id FROM ledger_events WHERE id > ? ORDER BY id LIMIT ?')
    .raw();
  const insertLog = prepareKeyLogInsert(db);
  let after = coveredThrough;
  let total = 0;
  for (;;) {
    const rows = page.all(after, CATCH_UP_ROWS).map((raw) => KeyRow.parse(raw));
    if (rows.length === 0) return total;
    db.transaction(() => {
      let runFirst = 0;
      let runHashes: number[] = [];
      for (const [id, source, sourceEventId] of rows) {
        // A gap in the ids (none is expected: the table is append-only) starts a new log row.
        if (runHashes.length > 0 && id !== runFirst + runHashes.length) {
          insertLog.run(runFirst, packHashes(runHashes));
          runHashes = [];
        }
        if (runHashes.length === 0) runFirst = id;
        const h = hash(source, sourceEventId);
        index.add(h, id);
        runHashes.push(h);
      }
      insertLog.run(runFirst, packHashes(runHashes));
    })();
    after = rows[rows.length - 1]?.[0] ?? after;
    total += rows.length;
  }
}
