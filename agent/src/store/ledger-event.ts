import { z } from 'zod';

/**
 * An event offered to the ledger. `source` names the stream it came from (e.g. `kalshi.ws`,
 * `agent.orders`) and `sourceEventId` is unique within that source, so appending the same event
 * again (a replay after a crash or reconnect) is a no-op.
 */
export const LedgerEventInput = z.object({
  source: z.string().min(1).max(200),
  sourceEventId: z.string().min(1).max(500),
  /** Dotted lower case, like the WS event types: `order.intent`, `kalshi.orderbook_delta`. */
  kind: z
    .string()
    .max(100)
    .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'kind must be dotted lower case, e.g. order.intent'),
  /** Any JSON value; refused if serialising it would lose information. */
  payload: z.unknown(),
  /** When the venue says the event happened (ms since epoch), if it says. */
  venueTsMs: z.number().int().nonnegative().nullable().optional(),
  /** When the agent received it; defaults to the store's clock at append time. */
  ingestTsMs: z.number().int().nonnegative().optional(),
});
export type LedgerEventInput = z.input<typeof LedgerEventInput>;

/** A stored ledger row. `id` is the append order across all sources. */
export interface LedgerEvent {
  id: number;
  source: string;
  sourceEventId: string;
  kind: string;
  payload: unknown;
  venueTsMs: number | null;
  ingestTsMs: number;
}

/** Per input event, in input order: `isNew` false means (source, sourceEventId) was already stored. */
export type LedgerAppendOutcome = { isNew: true; id: number } | { isNew: false };

export const LedgerRow = z.object({
  id: z.number().int(),
  source: z.string(),
  source_event_id: z.string(),
  kind: z.string(),
  payload: z.string(),
  venue_ts_ms: z.number().int().nullable(),
  ingest_ts_ms: z.number().int(),
});

export function rowToEvent(raw: unknown): LedgerEvent {
  const row = LedgerRow.parse(raw);
  return {
    id: row.id,
    source: row.source,
    sourceEventId: row.source_event_id,
    kind: row.kind,
    payload: JSON.parse(row.payload),
    venueTsMs: row.venue_ts_ms,
    ingestTsMs: row.ingest_ts_ms,
  };
}
