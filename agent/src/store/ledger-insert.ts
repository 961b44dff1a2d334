import type { Database, Statement } from 'better-sqlite3';
import type { LedgerAppendOutcome } from './ledger-event.js';
import type { RowWriter } from './write-batch.js';

/** A validated ledger row: source, source_event_id, kind, payload JSON, venue_ts_ms, ingest_ts_ms. */
export type LedgerRow = readonly [string, string, string, string, number | null, number];

const COLUMNS_PER_ROW = 6;

/**
 * Rows per INSERT statement. Multi-row statements cut SQLite's per-call overhead: with keys in
 * index order (sequence-numbered sources) 64 rows per statement cost ~7.3 us/event against ~8.8
 * for one row. With random keys (Kalshi trade UUIDs, the bench's headline) they only break even,
 * and only with `temp_store=MEMORY` on the writer (db.ts): a multi-row statement keeps a statement
 * journal (a copy of each page it touches, so it can undo itself alone), which SQLite otherwise
 * spills to a temp file past 64 KiB; random keys touch a new page per row (measured: 1-2 us/event
 * worse than one row per statement without it).
 */
export const INSERT_CHUNK_ROWS = 64;

interface ChunkStatement {
  statement: Statement;
  /** Reused for every call of this size: no per-call parameter array. */
  params: unknown[];
}

/**
 * Inserts ledger rows with multi-row `INSERT ... ON CONFLICT DO NOTHING` statements and reports,
 * per row in input order, whether it was new (and its id) or already stored.
 *
 * Ids come from the statement's `changes` and `lastInsertRowid`: the table has an INTEGER PRIMARY
 * KEY without AUTOINCREMENT, is append-only and has one writer (the queue), so SQLite gives each
 * inserted row max(id)+1, in VALUES order (https://sqlite.org/autoinc.html; the exception, a table
 * whose max id is 2^63-1, is refused below). When every row of a chunk was inserted the ids are
 * simply consecutive; when some were not (a replay, or a key repeated inside the chunk), each row's
 * id is looked up: ids above the ones that existed before the statement are this chunk's inserts,
 * and a key repeated in the chunk is new only at its first occurrence.
 */
export class LedgerInserter implements RowWriter<LedgerRow, LedgerAppendOutcome> {
  private readonly chunks = new Map<number, ChunkStatement>();
  private readonly lookupId: Statement;

  constructor(
    private readonly db: Database,
    private readonly chunkRows = INSERT_CHUNK_ROWS,
  ) {
    if (!Number.isInteger(chunkRows) || chunkRows < 1 || chunkRows * COLUMNS_PER_ROW > 32_766) {
      throw new RangeError(`chunkRows must be an integer in 1..5461, got ${chunkRows}`);
    }
    this.lookupId = db
      .prepare('SELECT id FROM ledger_events WHERE source = ? AND source_event_id = ?')
      .pluck();
  }

  writeRows(db: Database, rows: readonly LedgerRow[]): LedgerAppendOutcome[] {
    if (db !== this.db) throw new Error('LedgerInserter used with another connection');
    const outcomes = new Array<LedgerAppendOutcome>(rows.length);
    for (let start = 0; start < rows.length; start += this.chunkRows) {
      this.insertChunk(rows, start, Math.min(this.chunkRows, rows.length - start), outcomes);
    }
    return outcomes;
  }

  private insertChunk(
    rows: readonly LedgerRow[],
    start: number,
    count: number,
    outcomes: LedgerAppendOutcome[],
  ): void {
    const { statement, params } = this.chunkStatement(count);
    let p = 0;
    for (let i = start; i < start + count; i += 1) {
      const row = rows[i];
      if (row === undefined) throw new Error(`ledger row ${i} missing`);
      for (let c = 0; c < COLUMNS_PER_ROW; c += 1) params[p++] = row[c];
    }
    const { changes, lastInsertRowid } = statement.run(params);
    const lastId = Number(lastInsertRowid);
    if (changes > 0 && !Number.isSafeInteger(lastId)) {
      // Never reached in practice (2^53 rows); Number() would lose precision beyond it.
      throw new Error(`ledger id ${String(lastInsertRowid)} is beyond the safe id range`);
    }
    if (changes === 0) {
      // Nothing inserted: every row's key was already stored (ON CONFLICT DO NOTHING skips only
      // uniqueness conflicts; any other constraint failure throws).
      for (let k = 0; k < count; k += 1) outcomes[start + k] = { isNew: false };
      return;
    }
    if (changes === count) {
      const firstId = lastId - count + 1;
      for (let k = 0; k < count; k += 1) outcomes[start + k] = { isNew: true, id: firstId + k };
      return;
    }
    this.resolveWithDuplicates(rows, start, count, lastId - changes + 1, outcomes);
  }

  /** Slow path (some rows of a multi-row chunk were already stored): which did this statement insert? */
  private resolveWithDuplicates(
    rows: readonly LedgerRow[],
    start: number,
    count: number,
    firstNewId: number,
    outcomes: LedgerAppendOutcome[],
  ): void {
    const claimed = new Set<number>();
    for (let i = start; i < start + count; i += 1) {
      const row = rows[i];
      if (row === undefined) throw new Error(`ledger row ${i} missing`);
      const id: unknown = this.lookupId.get(row[0], row[1]);
      if (typeof id !== 'number') throw new Error(`ledger row ${i} neither inserted nor found`);
      if (id >= firstNewId && !claimed.has(id)) {
        claimed.add(id);
        outcomes[i] = { isNew: true, id };
      } else {
        outcomes[i] = { isNew: false };
      }
    }
  }

  private chunkStatement(count: number): ChunkStatement {
    let chunk = this.chunks.get(count);
    if (chunk === undefined) {
      const values = Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?)').join(', ');
      chunk = {
        statement: this.db.prepare(
          `INSERT INTO ledger_events (source, source_event_id, kind, payload, venue_ts_ms, ingest_ts_ms)
           VALUES ${values} ON CONFLICT (source, source_event_id) DO NOTHING`,
        ),
        params: new Array<unknown>(count * COLUMNS_PER_ROW),
      };
      this.chunks.set(count, chunk);
    }
    return chunk;
  }
}
