-- The activity feed (agent/src/activity/) pages its rows newest first, filtered by market. Its
-- rows are ledger rows of kind `activity.*` whose payload is the protocol ActivityEvent, so the
-- market is `payload ->> '$.ticker'`; without an index a ticker filter reads every activity row.
-- Partial: only activity rows enter it, so the market-data hot path (almost every ledger row)
-- pays nothing for it. The feed's queries repeat the WHERE term and the expression verbatim so the
-- planner can use it (activity-query.test.ts checks the plan).
CREATE INDEX ledger_events_activity_ticker
  ON ledger_events (json_extract(payload, '$.ticker'), id)
  WHERE kind GLOB 'activity.*';
