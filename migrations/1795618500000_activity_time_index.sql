-- The activity feed's time filter (sinceMs / untilMs): activity rows are written with
-- ingest_ts_ms = the event's atMs, and a window is read per kind through this index (rowid, the
-- ledger id, implicitly last: covering), then the newest ids of the window are taken. Walking
-- (kind, id) newest first instead reads every newer row before reaching a window in the past.
-- Partial like ledger_events_activity_ticker: market data never enters it.
CREATE INDEX ledger_events_activity_kind_ts
  ON ledger_events (kind, ingest_ts_ms)
  WHERE kind GLOB 'activity.*';
