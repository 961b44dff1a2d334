import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { openStore } from '../src/store/index.js';
import type { LedgerEventInput, SynchronousMode } from '../src/store/index.js';
import type { Figure } from '../../scripts/bench-report/figure.js';
import { agentFigure } from './bench.js';
import type { Bench } from './bench.js';
import { startReader } from './reader-pool.js';
import { mainThreadCpuSeconds } from './thread-cpu.js';
import { loadRecordedTrades } from './recorded-trades.js';
import type { TradeMessage } from './recorded-trades.js';

const DURATION_MS = 2_000;
const READERS = 2;

/** Realistic but heavy readers: each runs its query set every 1 ms (API + tabs + a replay). */
const PACED_READER_PAUSE_MS = 1;

interface Scenario {
  synchronous: SynchronousMode;
  /** Reader pause between query sets; 0 = back to back (a stress figure, not a real reader). */
  readerPauseMs: number;
  /** Concurrent callers, each awaiting its ack before appending again. */
  callers: number;
  eventsPerAppend: number;
  /** Events already in the ledger (written, store closed and reopened) before the clock starts. */
  prefilledEvents: number;
}

/**
 * Headline: the agent's configuration (FULL) with the connector's shape: one WS message per
 * append, many in flight (the connector does not wait for one ack before handling the next
 * message), while two readers query every 1 ms. Then NORMAL for the durability trade-off
 * (src/store/db.ts), bulk appends (a REST page or a snapshot of 100 events in one call), and the
 * stress figure: the headline with readers that query back to back, each taking a whole core of
 * this 2-core machine away from the writer, which no real reader does.
 */
const SCENARIOS: Scenario[] = [
  {
    synchronous: 'FULL',
    readerPauseMs: PACED_READER_PAUSE_MS,
    callers: 4_096,
    eventsPerAppend: 1,
    prefilledEvents: 0,
  },
  {
    synchronous: 'NORMAL',
    readerPauseMs: PACED_READER_PAUSE_MS,
    callers: 4_096,
    eventsPerAppend: 1,
    prefilledEvents: 0,
  },
  {
    synchronous: 'FULL',
    readerPauseMs: PACED_READER_PAUSE_MS,
    callers: 64,
    eventsPerAppend: 100,
    prefilledEvents: 0,
  },
  { synchronous: 'FULL', readerPauseMs: 0, callers: 4_096, eventsPerAppend: 1, prefilledEvents: 0 },
  // At scale: the cost of keeping each key once must not grow with the ledger (a B-tree on random
  // keys did: 12 us/row fresh, 55 us/row at a million rows).
  {
    synchronous: 'FULL',
    readerPauseMs: PACED_READER_PAUSE_MS,
    callers: 4_096,
    eventsPerAppend: 1,
    prefilledEvents: 1_000_000,
  },
];

interface Measurement {
  eventsPerSecond: number;
  events: number;
  batches: number;
  sqliteBusy: number;
  readerQueries: number;
  elapsedMs: number;
  /** How long the writer's event loop was blocked (a batch runs synchronously): median and max, ms. */
  loopDelayP50Ms: number;
  loopDelayMaxMs: number;
  /** Main-thread CPU per acknowledged event (validation, queue, SQLite, commit), if measurable. */
  cpuMicrosPerEvent: number | null;
  /** How long opening the store took (migrations, loading the key index), ms. */
  openMs: number;
}

function tradeEvent(trades: TradeMessage[], n: number, runTag = ''): LedgerEventInput {
  const trade = trades[n % trades.length];
  if (trade === undefined) throw new Error('no recorded trades');
  return {
    source: 'kalshi.ws',
    // The recording is replayed in loops; the loop number keeps ids unique, like fresh trades.
    sourceEventId: `${trade.trade_id}#${runTag}${Math.floor(n / trades.length)}`,
    kind: 'market.trade',
    payload: trade,
    venueTsMs: trade.ts_ms,
  };
}

/** Writes `count` events (bulk appends, not timed) and closes the store. */
async function prefill(dataDir: string, trades: TradeMessage[], count: number): Promise<void> {
  const store = openStore({ dataDir, environment: 'sim', logger: pino({ level: 'silent' }) });
  try {
    const appendSize = 1_000;
    for (let n = 0; n < count; n += appendSize * 8) {
      await Promise.all(
        Array.from({ length: 8 }, (_, c) =>
          store.ledger.append(
            Array.from({ length: Math.max(0, Math.min(appendSize, count - n - c * appendSize)) }, (_, k) =>
              tradeEvent(trades, n + c * appendSize + k, 'prefill'),
            ),
          ),
        ),
      );
    }
  } finally {
    await store.close();
  }
}

async function measure(scenario: Scenario, trades: TradeMessage[]): Promise<Measurement> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pt-bench-'));
  if (scenario.prefilledEvents > 0) await prefill(dataDir, trades, scenario.prefilledEvents);
  const openStartMs = performance.now();
  const store = openStore({
    dataDir,
    environment: 'sim',
    logger: pino({ level: 'silent' }),
    synchronous: scenario.synchronous,
    // The store's default queue options: the figure is for the configuration the agent runs.
  });
  const openMs = performance.now() - openStartMs;
  try {
    const readers = await Promise.all(
      Array.from({ length: READERS }, () => startReader(store.file, scenario.readerPauseMs)),
    );
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    let next = 0;
    let acked = 0;
    const startedMs = performance.now();
    const startCpuS = mainThreadCpuSeconds();
    const deadlineMs = startedMs + DURATION_MS;
    loopDelay.enable();
    const caller = async (): Promise<void> => {
      while (performance.now() < deadlineMs) {
        const events = Array.from({ length: scenario.eventsPerAppend }, () => tradeEvent(trades, next++));
        await store.ledger.append(events);
        acked += events.length;
      }
    };
    await Promise.all(Array.from({ length: scenario.callers }, caller));
    loopDelay.disable();
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
      elapsedMs,
      // The histogram is in ns and includes the 1 ms sampling resolution.
      loopDelayP50Ms: Math.round(loopDelay.percentile(50) / 1e5) / 10,
      loopDelayMaxMs: Math.round(loopDelay.max / 1e5) / 10,
      cpuMicrosPerEvent:
        startCpuS === null || endCpuS === null || acked === 0
          ? null
          : Math.round(((endCpuS - startCpuS) / acked) * 1e6 * 10) / 10,
      openMs: Math.round(openMs),
    };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The agent's target for its own configuration (the first scenario); the others are context. */
const TARGET_EVENTS_PER_SECOND = 100_000;

function figure(s: Scenario, m: Measurement, isHeadline: boolean): Figure {
  const readers = s.readerPauseMs === 0 ? `${READERS} readers back to back (stress)` : `${READERS} readers`;
  const ledger = s.prefilledEvents === 0 ? '' : `, ${s.prefilledEvents.toLocaleString('en-US')} rows in`;
  const readerQps = Math.round((m.readerQueries / m.elapsedMs) * 1_000);
  const readerDetail =
    s.readerPauseMs === 0 ? 'querying back to back' : `each querying every ${s.readerPauseMs} ms`;
  return agentFigure({
    name: `ledger write queue, ${s.synchronous}, ${s.callers} × ${s.eventsPerAppend}, ${readers}${ledger}`,
    value: m.eventsPerSecond,
    unit: 'events/s',
    ...(isHeadline ? { target: { op: '>=' as const, value: TARGET_EVENTS_PER_SECOND } } : {}),
    note:
      `${s.callers} callers × ${s.eventsPerAppend} event/append, ` +
      `${s.prefilledEvents === 0 ? 'empty ledger' : `store opened in ${m.openMs} ms`}, readers ${readerDetail}, ` +
      `events=${m.events}, batches=${m.batches}, ` +
      `events/batch=${Math.round(m.events / Math.max(m.batches, 1))}, reader queries=${m.readerQueries} ` +
      `(${readerQps}/s), SQLITE_BUSY=${m.sqliteBusy}, event-loop delay p50=${m.loopDelayP50Ms}ms ` +
      `max=${m.loopDelayMaxMs}ms, writer CPU/event=${m.cpuMicrosPerEvent ?? '?'}us ` +
      `=> ${m.cpuMicrosPerEvent === null ? '?' : Math.round(1e6 / m.cpuMicrosPerEvent)} events/s per writer CPU second, ` +
      `loadavg1=${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} cores`,
  });
}

export const ledgerWriteQueueBench: Bench = {
  name: 'ledger.write_queue',
  async run() {
    const trades = loadRecordedTrades();
    const figures: Figure[] = [];
    for (const [i, scenario] of SCENARIOS.entries())
      figures.push(figure(scenario, await measure(scenario, trades), i === 0));
    return figures;
  },
};
