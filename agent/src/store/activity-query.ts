/**
 * The activity feed's read over the ledger: activity rows (kind `activity.*`) newest first, by
 * ledger id, with keyset pagination (`beforeId`). Runs on a read-only connection in one read
 * transaction (one WAL snapshot), so it never blocks the writer and a page never mixes two
 * snapshots. Index use (see migrations/1795617078639_activity_ticker_index.sql):
 * - with a ticker: the partial expression index (ticker, id), one walk newest first;
 * - with a time bound and no ticker: per kind, a short newest-first probe on (kind, id), else the
 *   window's ids from the partial (kind, ingest_ts_ms) index (covering; cost grows with the
 *   window, not with what is newer), merged;
 * - otherwise: one walk per kind on (kind, id), ids only, merged; then the page's rows by id.
 */
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';

export interface ActivityRowQuery {
  /** Ledger kinds (`activity.order`, …); at least one. */
  kinds: readonly string[];
  /** The payload's `ticker`. */
  ticker?: string;
  /** Inclusive bounds on `ingest_ts_ms` (the activity's `atMs`). */
  sinceMs?: number;
  untilMs?: number;
  /** Keyset cursor: only rows with a smaller id. */
  beforeId?: number;
  limit: number;
}

export interface ActivityRow {
  id: number;
  /** The stored payload, JSON-parsed (the caller validates it). */
  payload: unknown;
}

/** Repeated verbatim in the queries so the planner can use the partial index. */
const ACTIVITY_ROWS = "kind GLOB 'activity.*'";
const TICKER_EXPR = "json_extract(payload, '$.ticker')";
const TIME_INDEX = 'ledger_events_activity_kind_ts';
/** How many rows per wanted row a window query reads newest first before using the time index. */
const WINDOW_PROBE = 4;

const IdRow = z.object({ id: z.number().int() });
const PayloadRow = z.object({ id: z.number().int(), payload: z.string() });

export class ActivityLedgerQuery {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly reader: Database) {}

  /** Up to `limit` rows, largest id first. */
  page(query: ActivityRowQuery): ActivityRow[] {
    if (query.kinds.length === 0) return [];
    return this.reader.transaction(() =>
      query.ticker === undefined ? this.pageByKinds(query) : this.pageByTicker(query, query.ticker),
    )();
  }

  private pageByTicker(query: ActivityRowQuery, ticker: string): ActivityRow[] {
    const kindParams = query.kinds.map((_, i) => `@k${i}`);
    const where = [ACTIVITY_ROWS, `${TICKER_EXPR} = @ticker`, `kind IN (${kindParams.join(', ')})`];
    where.push(...bounds(query));
    const sql = `SELECT id, payload FROM ledger_events WHERE ${where.join(' AND ')}
      ORDER BY id DESC LIMIT @limit`;
    const params: Record<string, string | number> = { ...boundParams(query), ticker };
    query.kinds.forEach((kind, i) => (params[`k${i}`] = kind));
    return this.statement(sql).all(params).map(toRow);
  }

  private pageByKinds(query: ActivityRowQuery): ActivityRow[] {
    const ids: number[] = [];
    for (const kind of query.kinds) ids.push(...this.kindIds(query, kind));
    ids.sort((a, b) => b - a);
    const pageIds = ids.slice(0, query.limit);
    if (pageIds.length === 0) return [];
    return this.statement(
      `SELECT id, payload FROM ledger_events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`,
    )
      .all(JSON.stringify(pageIds))
      .map(toRow);
  }

  /** The newest `limit` ids of one kind inside the query's bounds. */
  private kindIds(query: ActivityRowQuery, kind: string): number[] {
    const params = { ...boundParams(query), kind };
    const idBound = query.beforeId === undefined ? [] : ['id < @beforeId'];
    const window = bounds({ ...query, beforeId: undefined });
    if (window.length === 0) {
      const sql = `SELECT id FROM ledger_events WHERE ${['kind = @kind', ...idBound].join(' AND ')}
        ORDER BY id DESC LIMIT @limit`;
      return this.ids(sql, params);
    }
    // A window: first the newest WINDOW_PROBE × limit rows of the kind; if `limit` of them fall in
    // the window, they are its newest (anything newer was probed). Otherwise the window is sparse
    // or in the past: read it whole from the time index (cost: the window's size).
    const probe = `SELECT id FROM (SELECT id, ingest_ts_ms FROM ledger_events
        WHERE ${['kind = @kind', ...idBound].join(' AND ')} ORDER BY id DESC LIMIT @probe)
      WHERE ${window.join(' AND ')} ORDER BY id DESC LIMIT @limit`;
    const probed = this.ids(probe, { ...params, probe: query.limit * WINDOW_PROBE });
    if (probed.length >= query.limit) return probed;
    const sql = `SELECT id FROM ledger_events INDEXED BY ${TIME_INDEX}
      WHERE ${[ACTIVITY_ROWS, 'kind = @kind', ...idBound, ...window].join(' AND ')}
      ORDER BY id DESC LIMIT @limit`;
    return this.ids(sql, params);
  }

  private ids(sql: string, params: Record<string, string | number>): number[] {
    return this.statement(sql)
      .all(params)
      .map((raw) => IdRow.parse(raw).id);
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (stmt === undefined) {
      stmt = this.reader.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}

function bounds(query: ActivityRowQuery): string[] {
  const where: string[] = [];
  if (query.beforeId !== undefined) where.push('id < @beforeId');
  if (query.sinceMs !== undefined) where.push('ingest_ts_ms >= @sinceMs');
  if (query.untilMs !== undefined) where.push('ingest_ts_ms <= @untilMs');
  return where;
}

function boundParams(query: ActivityRowQuery): Record<string, number> {
  return {
    limit: query.limit,
    ...(query.beforeId === undefined ? {} : { beforeId: query.beforeId }),
    ...(query.sinceMs === undefined ? {} : { sinceMs: query.sinceMs }),
    ...(query.untilMs === undefined ? {} : { untilMs: query.untilMs }),
  };
}

function toRow(raw: unknown): ActivityRow {
  const row = PayloadRow.parse(raw);
  return { id: row.id, payload: JSON.parse(row.payload) };
}
