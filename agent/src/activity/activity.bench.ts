/**
 * The activity feed's query on a ledger of 1M rows, two shapes: market data with 5% activity
 * (what a real ledger looks like) and 1M activity rows (the worst case for the feed). Prints
 * p50 / p99 per query shape, measured in-process on the read connection the feed uses.
 *
 *   node --import tsx agent/src/activity/activity.bench.ts [--rows 1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ActivityKind, countE2, priceE4 } from '@pt/protocol';
import type { ActivityQuery, MarketTicker } from '@pt/protocol';
/* eslint-disable no-console -- a bench prints its figures; it is not agent code. */
import { pino } from 'pino';
import { openStore } from '../store/index.js';
import type { LedgerEventInput, Store } from '../store/index.js';
import { buildActivityEvent, toLedgerEvent } from './activity-input.js';
import { ActivityFeed } from './activity-feed.js';
import { orderPlaced } from './order-activity.js';

const logger = pino({ level: 'silent' });
const ROWS = Number(process.argv[process.argv.indexOf('--rows') + 1] ?? 1_000_000) || 1_000_000;
const TICKERS = Array.from({ length: 200 }, (_, i) => `KXBENCH-25NOV25-T${i}`);
const START_MS = 1_764_000_000_000;
const CHUNK = 10_000;
const REPEAT = 200;

/** Activity number `a` (ledger row `n`): kinds and tickers cycle. */
function activityRow(n: number, a: number): LedgerEventInput {
  const kind = ActivityKind.options[a % ActivityKind.options.length] ?? 'order';
  const placed = orderPlaced(
    { ticker: TICKERS[a % TICKERS.length] ?? 'X', clientOrderId: `bench-${n}` },
    { side: 'bid', priceE4: priceE4(5600), countE2: countE2(100) },
  );
  const input = {
    ...placed,
    kind,
    atMs: START_MS + n * 100,
    ...(kind === 'not_traded' ? { notTradedReason: 'data_stale' as const } : {}),
  };
  return toLedgerEvent(
    buildActivityEvent(input, () => START_MS),
    null,
  );
}

function marketRow(n: number): LedgerEventInput {
  return {
    source: 'kalshi.ws',
    sourceEventId: `trade:${n}`,
    kind: 'market.trade',
    payload: { ticker: TICKERS[n % TICKERS.length], yes_price_dollars: '0.5600', count_fp: '1.00', n },
    ingestTsMs: START_MS + n * 100,
  };
}

async function fill(store: Store, activityEvery: number): Promise<number> {
  let activity = 0;
  for (let from = 0; from < ROWS; from += CHUNK) {
    const rows: LedgerEventInput[] = [];
    for (let n = from; n < Math.min(ROWS, from + CHUNK); n += 1) {
      if (n % activityEvery === 0) {
        rows.push(activityRow(n, activity));
        activity += 1;
      } else {
        rows.push(marketRow(n));
      }
    }
    await store.ledger.append(rows);
  }
  return activity;
}

function time(run: () => unknown): { p50: number; p99: number } {
  const samples: number[] = [];
  for (let i = 0; i < REPEAT; i += 1) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(REPEAT / 2)] ?? 0, p99: samples[Math.floor(REPEAT * 0.99)] ?? 0 };
}

function queries(feed: ActivityFeed): [string, ActivityQuery][] {
  const middle = feed.page({ limit: 500 });
  const deep = middle.nextCursor ?? undefined;
  const ticker = TICKERS[7] as MarketTicker;
  const endMs = START_MS + ROWS * 100;
  return [
    ['newest 100, no filter', { limit: 100 }],
    ['newest 500, no filter', { limit: 500 }],
    ['page 2 by cursor (500)', { limit: 500, ...(deep === undefined ? {} : { cursor: deep }) }],
    ['kind=risk, 100', { kind: ['risk'], limit: 100 }],
    ['kind=order,fill,risk, 100', { kind: ['order', 'fill', 'risk'], limit: 100 }],
    ['ticker, 100', { ticker, limit: 100 }],
    ['ticker + its kind, 100', { ticker, kind: [ActivityKind.options[7] ?? 'order'], limit: 100 }],
    ['last hour, 100', { sinceMs: endMs - 3_600_000, limit: 100 }],
    [
      'a window in the middle, 100',
      { sinceMs: START_MS + ROWS * 50, untilMs: START_MS + ROWS * 50 + 3_600_000, limit: 100 },
    ],
    ['a window at the start, 100', { untilMs: START_MS + 3_600_000, limit: 100 }],
    ['since the start (widest window), 100', { sinceMs: START_MS, limit: 100 }],
    ['ticker + last hour, 100', { ticker, sinceMs: endMs - 3_600_000, limit: 100 }],
  ];
}

async function scenario(name: string, activityEvery: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pt-activity-bench-'));
  try {
    let store = openStore({ dataDir: dir, environment: 'sim', logger });
    const t0 = performance.now();
    const activity = await fill(store, activityEvery);
    await store.close();
    store = openStore({ dataDir: dir, environment: 'sim', logger });
    const fillS = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `\n${name}: ${ROWS.toLocaleString()} ledger rows, ${activity.toLocaleString()} activity (filled in ${fillS} s)`,
    );
    const feed = new ActivityFeed(() => store);
    for (const [label, query] of queries(feed)) {
      const { p50, p99 } = time(() => feed.page(query));
      const events = feed.page(query).events.length;
      console.log(
        `  ${label.padEnd(36)} p50 ${p50.toFixed(2).padStart(7)} ms  p99 ${p99.toFixed(2).padStart(7)} ms  (${events} events)`,
      );
    }
    feed.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `activity feed bench, load ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);
await scenario('market data + 5% activity', 20);
await scenario('all activity (worst case)', 1);
