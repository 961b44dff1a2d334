/**
 * `npm run bench -w @pt/agent`: runs each bench in turn, records its figures (printed as lines and,
 * under `npm run bench`, collected for the report) and prints its context lines.
 * Add a bench by writing `<name>.bench.ts` exporting a `Bench` and listing it here.
 */
import { emit } from './bench.js';
import type { Bench } from './bench.js';
import { backtestBench } from './backtest.bench.js';
import { bookApplyBench } from './book-apply.bench.js';
import { coldStartBench } from './cold-start.bench.js';
import { ledgerWriteQueueBench } from './ledger-write-queue.bench.js';
import { orderLatencyBench } from './order-latency.bench.js';
import { wsIngestBench } from './ws-ingest.bench.js';

const benches: Bench[] = [
  ledgerWriteQueueBench,
  wsIngestBench,
  bookApplyBench,
  orderLatencyBench,
  coldStartBench,
  backtestBench,
];

for (const bench of benches) emit(await bench.run());
