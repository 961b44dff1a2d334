/**
 * A reader for the ledger bench: its own read-only connection, reading continuously (the shapes a
 * UI or a strategy replay would use) until told to stop; reports reads and SQLITE_BUSY errors.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReader } from '../src/store/db.js';
import { isSqliteBusy } from '../src/store/write-queue.js';

if (parentPort === null) throw new Error('ledger-reader.worker.ts must run in a worker thread');
const port = parentPort;
const file: unknown = Reflect.get(Object(workerData), 'file');
if (typeof file !== 'string') throw new Error('workerData.file must be the database path');

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

port.on('message', () => {
  isStopping = true;
});

function readBurst(): void {
  for (let i = 0; i < 20; i += 1) {
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
  } else {
    setImmediate(readBurst); // yield so the stop message can arrive
  }
}
readBurst();
