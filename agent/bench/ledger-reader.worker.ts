/**
 * A reader for the ledger bench: its own read-only connection, running its query set (the shapes a
 * UI or a strategy replay would use) every `pauseMs` ms, or back to back when `pauseMs` is 0 (the
 * stress variant), until told to stop; reports reads and SQLITE_BUSY errors.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReader } from '../src/store/db.js';
import { isSqliteBusy } from '../src/store/write-queue.js';

if (parentPort === null) throw new Error('ledger-reader.worker.ts must run in a worker thread');
const port = parentPort;
const file: unknown = Reflect.get(Object(workerData), 'file');
if (typeof file !== 'string') throw new Error('workerData.file must be the database path');
const pauseMs = nonNegativeInt(Reflect.get(Object(workerData), 'pauseMs'));
// Back to back, a burst of query sets per turn of the event loop; paced, one set per tick.
const setsPerTurn = pauseMs === 0 ? 20 : 1;

const db = openReader(file);
// What a UI or a strategy replay reads while the agent writes: the head of the ledger, the latest
// trades, and a page after a cursor. (Whole-table aggregates belong to diagnostics, not a hot loop.)
const lastId = db.prepare('SELECT max(id) FROM ledger_events').pluck();
const latestTrades = db.prepare(
  "SELECT * FROM ledger_events WHERE kind = 'market.trade' ORDER BY id DESC LIMIT 50",
);
const pageAfter = db.prepare('SELECT * FROM ledger_events WHERE id > ? ORDER BY id LIMIT 100');
const recent = db.prepare(
  'SELECT * FROM ledger_events WHERE ingest_ts_ms >= ? ORDER BY ingest_ts_ms LIMIT 100',
);
const queries = [
  () => lastId.get(),
  () => latestTrades.all(),
  () => pageAfter.all(Math.max(0, Number(lastId.get() ?? 0) - 1_000)),
  () => recent.all(Date.now() - 100),
];
let isStopping = false;
let reads = 0;
let busy = 0;
// The parent starts its clock only once every reader is querying.
port.postMessage('ready');

port.on('message', () => {
  isStopping = true;
});

function readBurst(): void {
  for (let i = 0; i < setsPerTurn; i += 1) {
    try {
      for (const query of queries) {
        query();
        reads += 1;
      }
    } catch (err) {
      if (!isSqliteBusy(err)) throw err;
      busy += 1;
    }
  }
  if (isStopping) {
    db.close();
    port.postMessage({ reads, busy });
  } else if (pauseMs === 0) {
    setImmediate(readBurst); // yield so the stop message can arrive
  } else {
    setTimeout(readBurst, pauseMs);
  }
}
readBurst();

function nonNegativeInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`workerData.pauseMs must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}
