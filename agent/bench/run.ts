/**
 * `npm run bench -w @pt/agent`: runs each bench in turn and prints its figures as plain lines.
 * Add a bench by writing `<name>.bench.ts` exporting a `Bench` and listing it here.
 */
import type { Bench } from './bench.js';
import { bookApplyBench } from './book-apply.bench.js';
import { ledgerWriteQueueBench } from './ledger-write-queue.bench.js';
import { orderLatencyBench } from './order-latency.bench.js';
import { wsIngestBench } from './ws-ingest.bench.js';

const benches: Bench[] = [ledgerWriteQueueBench, wsIngestBench, bookApplyBench, orderLatencyBench];

for (const bench of benches) {
  const lines = await bench.run();
  for (const line of lines) process.stdout.write(`${line}\n`);
}
