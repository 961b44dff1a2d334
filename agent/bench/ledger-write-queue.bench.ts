import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { openStore } from '../src/store/index.js';
import type { LedgerEventInput, SynchronousMode } from '../src/store/index.js';
import type { Bench } from './bench.js';
import { startReader } from './reader-pool.js';
import { mainThreadCpuSeconds } from './thread-cpu.js';
import { loadRecordedTrades } from './recorded-trades.js';
import type { TradeMessage } from './recorded-trades.js';

const DURATION_MS = 2_000;
const READERS = 2;

interface Scenario {
  synchronous: SynchronousMode;
  /** Concurrent callers, each awaiting its ack before appending again. */
  callers: number;
  eventsPerAppend: number;
}

/**
 * Headline: the agent's configuration (FULL) with the connector's shape: one WS message per
 * append, many in flight (the connector does not wait for one ack before handling the next
 * message). Then NORMAL for the durability trade-off (src/store/db.ts), then bulk appends
 * (a REST page or a snapshot of 100 events in one call).
 */
const SCENARIOS: Scenario[] = [
  { synchronous: 'FULL', callers: 4_096, eventsPerAppend: 1 },
  { synchronous: 'NORMAL', callers: 4_096, eventsPerAppend: 1 },
  { synchronous: 'FULL', callers: 64, eventsPerAppend: 100 },
];

interface Measurement {
  eventsPerSecond: number;
  events: number;
  batches: number;
  sqliteBusy: number;
  readerQueries: number;
  /** Main-thread CPU per acknowledged event (validation, queue, SQLite, commit), if measurable. */
  cpuMicrosPerEvent: number | null;
}

function tradeEvent(trades: TradeMessage[], n: number): LedgerEventInput {
  const trade = trades[n % trades.length];
  if (trade === undefined) throw new Error('no recorded trades');
  return {
    source: 'kalshi.ws',
    // The recording is replayed in loops; the loop number keeps ids unique, like fresh trades.
    sourceEventId: `${trade.trade_id}#${Math.floor(n / trades.length)}`,
    kind: 'market.trade',
    payload: trade,
    venueTsMs: trade.ts_ms,
  };
}

async function measure(scenario: Scenario, trades: TradeMessage[]): Promise<Measurement> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pt-bench-'));
  const store = openStore({
    dataDir,
    environment: 'sim',
    logger: pino({ level: 'silent' }),
    synchronous: scenario.synchronous,
    // The store's default queue options: the figure is for the configuration the agent runs.
  });
  try {
    const readers = await Promise.all(Array.from({ length: READERS }, () => startReader(store.file)));
    let next = 0;
    let acked = 0;
    const startedMs = performance.now();
    const startCpuS = mainThreadCpuSeconds();
    const deadlineMs = startedMs + DURATION_MS;
    const caller = async (): Promise<void> => {
      while (performance.now() < deadlineMs) {
        const events = Array.from({ length: scenario.eventsPerAppend }, () => tradeEvent(trades, next++));
        await store.ledger.append(events);
        acked += events.length;
      }
    };
    await Promise.all(Array.from({ length: scenario.callers }, caller));
    const reports = await Promise.all(readers.map((r) => r.stop()));
    const stats = store.queueStats();
    // The clock stops after close(): the final TRUNCATE checkpoint copies what the run wrote into
    // the database file, so a short run cannot look fast by leaving its checkpoint for later.
    await store.close();
    const elapsedMs = performance.now() - startedMs;
    const endCpuS = mainThreadCpuSeconds();
    return {
      eventsPerSecond: Math.round((acked / elapsedMs) * 1_000),
      events: acked,
      batches: stats.batchesCommitted,
      sqliteBusy: stats.sqliteBusy + reports.reduce((sum, r) => sum + r.busy, 0),
      readerQueries: reports.reduce((sum, r) => sum + r.reads, 0),
      cpuMicrosPerEvent:
        startCpuS === null || endCpuS === null || acked === 0
          ? null
          : Math.round(((endCpuS - startCpuS) / acked) * 1e6 * 10) / 10,
    };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function format(s: Scenario, m: Measurement): string {
  return (
    `ledger.write_queue: ${m.eventsPerSecond} events/s (${READERS} readers, synchronous=${s.synchronous}, ` +
    `${s.callers} callers x ${s.eventsPerAppend} event/append, events=${m.events}, batches=${m.batches}, ` +
    `events/batch=${Math.round(m.events / Math.max(m.batches, 1))}, reader queries=${m.readerQueries}, ` +
    `SQLITE_BUSY=${m.sqliteBusy}, writer CPU/event=${m.cpuMicrosPerEvent ?? '?'}us ` +
    `=> ${m.cpuMicrosPerEvent === null ? '?' : Math.round(1e6 / m.cpuMicrosPerEvent)} events/s per writer CPU second, ` +
    `loadavg1=${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} cores)`
  );
}

export const ledgerWriteQueueBench: Bench = {
  name: 'ledger.write_queue',
  async run() {
    const trades = loadRecordedTrades();
    const lines: string[] = [];
    for (const scenario of SCENARIOS) lines.push(format(scenario, await measure(scenario, trades)));
    return lines;
  },
};
