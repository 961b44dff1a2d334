import type { Database, Statement } from 'better-sqlite3';
import type { LedgerAppendOutcome } from './ledger-event.js';
import { ledgerKeyHash } from './ledger-key-hash.js';
import type { KeyHash } from './ledger-key-hash.js';
import type { LedgerKeyIndex } from './ledger-key-index.js';
import { packHashes, prepareKeyLogInsert } from './ledger-key-log.js';
import type { RowWriter } from './write-batch.js';

/** A validated ledger row: source, source_event_id, kind, payload JSON, venue_ts_ms, ingest_ts_ms. */
export type LedgerRow = readonly [string, string, string, string, number | null, number];

/** id + the six row columns. */
const PARAMS_PER_ROW = 7;

/**
 * Rows per INSERT statement: a multi-row statement cuts SQLite's per-call overhead (measured with
 * keys in index order, 64 rows: ~7.3 us/event against ~8.8 for one row per statement).
 */
export const INSERT_CHUNK_ROWS = 64;

interface ChunkStatement {
  statement: Statement;
  /** Reused for every call of this size: no per-call parameter array. */
  params: unknown[];
}

export interface LedgerInserterOptions {
  chunkRows?: number;
  /** Only tests pass another one (to force collisions): the store persists ledgerKeyHash's values. */
  hash?: KeyHash;
}

/**
 * Inserts ledger rows, each (source, source_event_id) once, and reports per row in input order
 * whether it was new (and its id) or already stored.
 *
 * Duplicates are found in the key index (ledger-key-index.ts), not by a UNIQUE constraint: each
 * candidate id filed under the key's hash is confirmed against the row itself (a row stored
 * earlier, read by id, or one of this call's new rows), so hash collisions and stale entries never
 * make two keys equal. New rows get explicit ids, max(id)+1 onwards in input order (one writer,
 * append-only table); they are filed in the index before their INSERT runs, which may still fail
 * and roll back: that leaves a stale entry, which the row check then skips. The hashes of each
 * call's new rows go to `ledger_key_hashes` in the same transaction, for the next open.
 */
export class LedgerInserter implements RowWriter<LedgerRow, LedgerAppendOutcome> {
  private readonly chunkRows: number;
  private readonly hash: KeyHash;
  private readonly chunks = new Map<number, ChunkStatement>();
  private readonly nextIdStatement: Statement;
  private readonly keyById: Statement;
  private readonly insertLog: Statement;
  // The call in progress: its first id and new rows, and the key being looked up (read by isKnown).
  private firstId = 0;
  private newRows: LedgerRow[] = [];
  private probeSource = '';
  private probeEventId = '';

  constructor(
    private readonly db: Database,
    private readonly index: LedgerKeyIndex,
    opts: LedgerInserterOptions = {},
  ) {
    const chunkRows = opts.chunkRows ?? INSERT_CHUNK_ROWS;
    if (!Number.isInteger(chunkRows) || chunkRows < 1 || chunkRows * PARAMS_PER_ROW > 32_766) {
      throw new RangeError(`chunkRows must be an integer in 1..4680, got ${chunkRows}`);
    }
    this.chunkRows = chunkRows;
    this.hash = opts.hash ?? ledgerKeyHash;
    this.nextIdStatement = db.prepare('SELECT coalesce(max(id), 0) + 1 FROM ledger_events').pluck();
    this.keyById = db.prepare('SELECT source, source_event_id FROM ledger_events WHERE id = ?').raw();
    this.insertLog = prepareKeyLogInsert(db);
  }

  writeRows(db: Database, rows: readonly LedgerRow[]): LedgerAppendOutcome[] {
    if (db !== this.db) throw new Error('LedgerInserter used with another connection');
    const outcomes = new Array<LedgerAppendOutcome>(rows.length);
    this.firstId = Number(this.nextIdStatement.get());
    this.newRows = [];
    const hashes: number[] = [];
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i];
      if (row === undefined) throw new Error(`ledger row ${i} missing`);
      const h = this.hash(row[0], row[1]);
      this.probeSource = row[0];
      this.probeEventId = row[1];
      if (this.index.find(h, this.isKnown) !== 0) {
        outcomes[i] = { isNew: false };
        continue;
      }
      const id = this.firstId + this.newRows.length;
      this.index.add(h, id);
      this.newRows.push(row);
      hashes.push(h);
      outcomes[i] = { isNew: true, id };
    }
    for (let start = 0; start < this.newRows.length; start += this.chunkRows) {
      this.insertChunk(start, Math.min(this.chunkRows, this.newRows.length - start));
    }
    if (hashes.length > 0) this.insertLog.run(this.firstId, packHashes(hashes));
    this.newRows = [];
    return outcomes;
  }

  /** Whether row `id` (stored, or new in this call) has the key being looked up. */
  private readonly isKnown = (id: number): boolean => {
    if (id >= this.firstId) {
      const row = this.newRows[id - this.firstId];
      return row !== undefined && row[0] === this.probeSource && row[1] === this.probeEventId;
    }
    const stored: unknown = this.keyById.get(id);
    return Array.isArray(stored) && stored[0] === this.probeSource && stored[1] === this.probeEventId;
  };

  private insertChunk(start: number, count: number): void {
    const { statement, params } = this.chunkStatement(count);
    let p = 0;
    for (let i = start; i < start + count; i += 1) {
      const row = this.newRows[i];
      if (row === undefined) throw new Error(`ledger row ${i} missing`);
      params[p++] = this.firstId + i;
      for (let c = 0; c < PARAMS_PER_ROW - 1; c += 1) params[p++] = row[c];
    }
    // No conflict clause: any constraint failure (a bad payload, an id already taken) throws.
    const { changes } = statement.run(params);
    if (changes !== count) throw new Error(`ledger insert wrote ${changes} of ${count} rows`);
  }

  private chunkStatement(count: number): ChunkStatement {
    let chunk = this.chunks.get(count);
    if (chunk === undefined) {
      const values = Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      chunk = {
        statement: this.db.prepare(
          `INSERT INTO ledger_events (id, source, source_event_id, kind, payload, venue_ts_ms, ingest_ts_ms)
           VALUES ${values}`,
        ),
        params: new Array<unknown>(count * PARAMS_PER_ROW),
      };
      this.chunks.set(count, chunk);
    }
    return chunk;
  }
}
