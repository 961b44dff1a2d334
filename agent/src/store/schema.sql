-- Generated from migrations/ by `npm run db:schema`; do not edit.
-- A test fails when this file differs from what the migrations produce.

CREATE TABLE "ledger_events" (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (length(source) > 0),
  source_event_id TEXT NOT NULL CHECK (length(source_event_id) > 0),
  kind TEXT NOT NULL CHECK (length(kind) > 0),
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  venue_ts_ms INTEGER,
  ingest_ts_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE ledger_key_hashes (
  first_id INTEGER PRIMARY KEY,
  hashes BLOB NOT NULL CHECK (length(hashes) > 0 AND length(hashes) % 4 = 0)
) STRICT;

CREATE TABLE schema_migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX ledger_events_activity_kind_ts
  ON ledger_events (kind, ingest_ts_ms)
  WHERE kind GLOB 'activity.*';

CREATE INDEX ledger_events_activity_ticker
  ON ledger_events (json_extract(payload, '$.ticker'), id)
  WHERE kind GLOB 'activity.*';

CREATE INDEX ledger_events_ingest_ts ON ledger_events (ingest_ts_ms);

CREATE INDEX ledger_events_kind_id ON ledger_events (kind, id);

CREATE TRIGGER ledger_events_no_delete BEFORE DELETE ON ledger_events
BEGIN
  SELECT RAISE(ABORT, 'ledger_events is append-only: DELETE refused');
END;

CREATE TRIGGER ledger_events_no_update BEFORE UPDATE ON ledger_events
BEGIN
  SELECT RAISE(ABORT, 'ledger_events is append-only: UPDATE refused');
END;

CREATE TRIGGER ledger_key_hashes_no_delete BEFORE DELETE ON ledger_key_hashes
BEGIN
  SELECT RAISE(ABORT, 'ledger_key_hashes is append-only: DELETE refused');
END;

CREATE TRIGGER ledger_key_hashes_no_update BEFORE UPDATE ON ledger_key_hashes
BEGIN
  SELECT RAISE(ABORT, 'ledger_key_hashes is append-only: UPDATE refused');
END;
