import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { rowToEvent } from './ledger-event.js';
import type { LedgerAppendOutcome, LedgerEvent, LedgerEventInput } from './ledger-event.js';
import { LedgerInserter } from './ledger-insert.js';
import type { LedgerRow } from './ledger-insert.js';
import { ledgerKeyHash } from './ledger-key-hash.js';
import type { LedgerKeyIndex } from './ledger-key-index.js';
import { toLedgerRow } from './ledger-row.js';
import type { EnqueueOptions, WriteQueue } from './write-queue.js';

export interface LedgerQuery {
  kind?: string;
  /** Cursor: only rows with a larger id (the append order). */
  afterId?: number;
  /** Only rows ingested at or after this time. */
  sinceIngestMs?: number;
  /** At most this many rows (default 1,000, max 100,000). */
  limit?: number;
}

const LedgerQuerySchema = z.object({
  kind: z.string().min(1).optional(),
  afterId: z.number().int().nonnegative().optional(),
  sinceIngestMs: z.number().int().optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
});

const CountRow = z.object({ kind: z.string(), n: z.number().int() });

/**
 * The append-only event ledger. Appends go through the write queue (one transaction per batch,
 * acknowledged after COMMIT); reads use the read-only connection and see committed batches only.
 */
export class LedgerRepository {
  private readonly inserter: LedgerInserter;
  private readonly readStatements = new Map<string, Statement>();

  constructor(
    private readonly queue: WriteQueue,
    writer: Database,
    private readonly reader: Database,
    private readonly nowMs: () => number,
    private readonly keyIndex: LedgerKeyIndex,
  ) {
    this.inserter = new LedgerInserter(writer, keyIndex);
  }

  /**
   * Appends `events` atomically (all in one transaction) and resolves, after COMMIT, with one
   * outcome per event in input order. Idempotent on (source, sourceEventId). Rejects without writing
   * anything if any event is invalid (AgentError VALIDATION_FAILED naming `events[i].field`), or
   * with STORE_BUSY when the write queue is full.
   */
  append(events: readonly LedgerEventInput[], options: EnqueueOptions = {}): Promise<LedgerAppendOutcome[]> {
    if (events.length === 0) return Promise.resolve([]);
    let rows: LedgerRow[];
    try {
      rows = events.map((event, i) => toLedgerRow(event, i, this.nowMs));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    // A row job, not a closure: the queue writes consecutive appends (of any callers) with
    // multi-row INSERTs, and each append still commits or fails as a whole.
    return this.queue.enqueueRows(this.inserter, rows, options);
  }

  /** Rows in append (id) order, filtered by kind / cursor / ingest time. */
  read(query: LedgerQuery = {}): LedgerEvent[] {
    const q = LedgerQuerySchema.parse(query);
    const where = ['id > @afterId'];
    if (q.kind !== undefined) where.push('kind = @kind');
    if (q.sinceIngestMs !== undefined) where.push('ingest_ts_ms >= @sinceIngestMs');
    const sql = `SELECT id, source, source_event_id, kind, payload, venue_ts_ms, ingest_ts_ms
      FROM ledger_events WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit`;
    const params = {
      afterId: q.afterId ?? 0,
      limit: q.limit ?? 1_000,
      ...(q.kind === undefined ? {} : { kind: q.kind }),
      ...(q.sinceIngestMs === undefined ? {} : { sinceIngestMs: q.sinceIngestMs }),
    };
    return this.statement(sql).all(params).map(rowToEvent);
  }

  readByKind(kind: string, query: Omit<LedgerQuery, 'kind'> = {}): LedgerEvent[] {
    return this.read({ ...query, kind });
  }

  /**
   * The committed event with this key, or null. Looked up through the writer's key index (there is
   * no SQL index on the key): each candidate id is read on the read connection and compared, so a
   * row whose batch has not committed is not found.
   */
  get(source: string, sourceEventId: string): LedgerEvent | null {
    const byId = this.statement(
      `SELECT id, source, source_event_id, kind, payload, venue_ts_ms, ingest_ts_ms
       FROM ledger_events WHERE id = ?`,
    );
    let found: LedgerEvent | null = null;
    this.keyIndex.find(ledgerKeyHash(source, sourceEventId), (id) => {
      const raw: unknown = byId.get(id);
      if (raw === undefined) return false;
      const event = rowToEvent(raw);
      if (event.source !== source || event.sourceEventId !== sourceEventId) return false;
      found = event;
      return true;
    });
    return found;
  }

  countByKind(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const raw of this.statement('SELECT kind, count(*) AS n FROM ledger_events GROUP BY kind').all()) {
      const row = CountRow.parse(raw);
      counts[row.kind] = row.n;
    }
    return counts;
  }

  private statement(sql: string): Statement {
    let stmt = this.readStatements.get(sql);
    if (stmt === undefined) {
      stmt = this.reader.prepare(sql);
      this.readStatements.set(sql, stmt);
    }
    return stmt;
  }
}
