-- The event ledger: every venue message, order intent and state change the agent must be able to
-- replay after a crash. Rows are keyed by (source, source_event_id) so re-ingesting the same event
-- after a reconnect or a restart is a no-op (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE ledger_events (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (length(source) > 0),
  source_event_id TEXT NOT NULL CHECK (length(source_event_id) > 0),
  kind TEXT NOT NULL CHECK (length(kind) > 0),
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  venue_ts_ms INTEGER,
  ingest_ts_ms INTEGER NOT NULL,
  UNIQUE (source, source_event_id)
) STRICT;

-- Replays of one kind (e.g. all order intents) page by id; time windows of one kind or of all kinds
-- page by ingest time. The rowid is implicitly the last column of each index, so both orders are
-- served without a sort.
CREATE INDEX ledger_events_kind_id ON ledger_events (kind, id);
CREATE INDEX ledger_events_ingest_ts ON ledger_events (ingest_ts_ms);

-- Append-only: a ledger that can be edited cannot be trusted for reconciliation.
CREATE TRIGGER ledger_events_no_update BEFORE UPDATE ON ledger_events
BEGIN
  SELECT RAISE(ABORT, 'ledger_events is append-only: UPDATE refused');
END;

CREATE TRIGGER ledger_events_no_delete BEFORE DELETE ON ledger_events
BEGIN
  SELECT RAISE(ABORT, 'ledger_events is append-only: DELETE refused');
END;
