/**
 * WS orderbook_delta ingest on one core: the stream's real per-frame path (JSON.parse + hand
 * guard + seq check + book apply + liveness + event out; book deltas are not ledgered, by design,
 * see ws/ledger-records.ts) against the raw floor (plain JSON.parse + Map update of the same
 * frames). Target: ≥ 250,000 msg/s and ≥ 0.5 × floor.
 *
 * Frames are generated from real recorded books: every top-of-book move in
 * shared/data/kalshi-weather/market_data_KXHIGHNY-*.csv becomes "remove the old level, add the
 * new one", sized with the real top-of-book sizes of shared/data/kalshi-markets (KXFEDMENTION).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { formatPriceDollars, MarketTicker, priceE4 } from '@pt/protocol';
import { BookRegistry } from '../src/connectors/kalshi/book/index.js';
import { ContractMonitor } from '../src/connectors/kalshi/contract/contract-monitor.js';
import { FrameHandler } from '../src/connectors/kalshi/ws/frame-handler.js';
import { SHARED_DATA_DIR } from '../src/connectors/kalshi/ws/frames/recorded-frames.js';
import { LedgerSink } from '../src/connectors/kalshi/ws/ledger-sink.js';
import { DEFAULT_LIVENESS, LivenessTracker } from '../src/connectors/kalshi/ws/liveness.js';
import { SeqTracker } from '../src/connectors/kalshi/ws/seq-tracker.js';
import { Subscriptions } from '../src/connectors/kalshi/ws/subscriptions.js';
import { openStore } from '../src/store/index.js';
import { agentFigure, emit } from './bench.js';
import type { Bench } from './bench.js';
import { mainThreadCpuSeconds } from './thread-cpu.js';

/** Each round is ~0.1 s; CPU time is summed over all rounds (the kernel counts in 10 ms ticks). */
const ROUNDS = 12;
const TARGET_PER_SECOND = 250_000;
const TARGET_FLOOR_RATIO = 0.5;
const SID = 1;

interface Recorded {
  tickers: MarketTicker[];
  /** Snapshot frames (empty books) then delta frames, with consecutive seq on one sid. */
  frames: string[];
  deltas: number;
  /** Last recorded best YES bid per ticker (cents), to check the books after ingest. */
  lastYesBidCents: Map<string, number>;
}

function realSizes(): string[] {
  const raw: unknown = JSON.parse(
    readFileSync(`${SHARED_DATA_DIR}kalshi-markets/KXFEDMENTION-26MAR_markets_data.json`, 'utf8'),
  );
  const sizes: string[] = [];
  for (const market of Object.values(raw as Record<string, Record<string, unknown>>)) {
    for (const key of ['yes_bid_size_fp', 'yes_ask_size_fp']) {
      const s = market[key];
      if (typeof s === 'string' && s !== '0.00') sizes.push(s);
    }
  }
  return sizes;
}

function recordedFrames(): Recorded {
  const sizes = realSizes();
  let sizeAt = 0;
  let seq = 0;
  const frames: string[] = [];
  const snapshots: string[] = [];
  const tops = new Map<string, { yes: [number, string] | null; no: [number, string] | null }>();
  const lastYesBidCents = new Map<string, number>();
  const delta = (ticker: string, side: 'yes' | 'no', cents: number, fp: string): string =>
    JSON.stringify({
      type: 'orderbook_delta',
      sid: SID,
      seq: ++seq,
      msg: {
        market_ticker: ticker,
        market_id: '00000000-0000-4000-8000-000000000000',
        price_dollars: formatPriceDollars(priceE4(cents * 100)),
        delta_fp: fp,
        side,
        ts_ms: 1_767_225_600_000 + seq,
      },
    });
  for (const file of ['market_data_KXHIGHNY-25DEC27.csv', 'market_data_KXHIGHNY-26JAN01.csv']) {
    const lines = readFileSync(`${SHARED_DATA_DIR}kalshi-weather/${file}`, 'utf8').split('\n').slice(1);
    for (const line of lines) {
      const [, ticker, yesBid, noBid] = line.split(',');
      if (ticker === undefined || yesBid === undefined || noBid === undefined) continue;
      let top = tops.get(ticker);
      if (top === undefined) {
        top = { yes: null, no: null };
        tops.set(ticker, top);
        snapshots.push(
          JSON.stringify({
            type: 'orderbook_snapshot',
            sid: SID,
            seq: 0,
            msg: { market_ticker: ticker, market_id: 'x' },
          }),
        );
      }
      for (const [side, cents] of [
        ['yes', Number(yesBid)],
        ['no', Number(noBid)],
      ] as const) {
        const current = top[side];
        if (current !== null && current[0] === cents) continue;
        if (current !== null) frames.push(delta(ticker, side, current[0], `-${current[1]}`));
        top[side] = null;
        if (cents > 0 && cents < 100) {
          const size = sizes[sizeAt++ % sizes.length] ?? '1.00';
          frames.push(delta(ticker, side, cents, size));
          top[side] = [cents, size];
        }
      }
      lastYesBidCents.set(ticker, Number(yesBid));
    }
  }
  // snapshots go first on the sid: renumber so seq is consecutive from 1
  const deltas = frames.length;
  const all = [...snapshots, ...frames].map((f, i) => f.replace(/"seq":\d+/, `"seq":${i + 1}`));
  return {
    tickers: [...tops.keys()].map((t) => MarketTicker.parse(t)),
    frames: all,
    deltas,
    lastYesBidCents,
  };
}

function cpuOrWall(startCpu: number | null, wallMs: number): number {
  const cpu = mainThreadCpuSeconds();
  return startCpu === null || cpu === null ? wallMs / 1000 : Math.max(cpu - startCpu, 0.01);
}

/** The stream's own frame path, wired as KalshiStream wires it (no socket). */
async function ingestOnce(
  recorded: Recorded,
  dataDir: string,
): Promise<{ seconds: number; wallMs: number; verified: boolean }> {
  const logger = pino({ level: 'silent' });
  mkdirSync(dataDir, { recursive: true });
  const store = openStore({ dataDir, environment: 'sim', logger });
  const books = new BookRegistry();
  const subs = new Subscriptions(['orderbook_delta'], () => undefined);
  for (const t of recorded.tickers) subs.wanted.add(t);
  const liveness = new LivenessTracker(DEFAULT_LIVENESS);
  liveness.restart(Date.now());
  for (const t of recorded.tickers) liveness.trackMarket(t, Date.now());
  let events = 0;
  const handler = new FrameHandler({
    subs,
    seq: new SeqTracker(),
    books,
    liveness,
    ledger: new LedgerSink(store.ledger, logger),
    contract: new ContractMonitor(),
    logger,
    nowMs: Date.now,
    emit: () => {
      events += 1;
    },
    onSubscribeAnswered: () => undefined,
  });
  const [subscribeId] = subs.syncAll();
  handler.handle(
    JSON.stringify({ type: 'subscribed', id: subscribeId, msg: { channel: 'orderbook_delta', sid: SID } }),
  );
  const startCpu = mainThreadCpuSeconds();
  const t0 = performance.now();
  for (const frame of recorded.frames) handler.handle(frame);
  const wallMs = performance.now() - t0;
  const seconds = cpuOrWall(startCpu, wallMs);
  const verified =
    events >= recorded.deltas &&
    handler.rejectedFrames === 0 &&
    recorded.tickers.every((t) => {
      const cents = recorded.lastYesBidCents.get(t) ?? 0;
      const best = books.get(t)?.bestYesBid();
      return (
        books.get(t)?.isQuotable === true &&
        (cents === 0 || cents === 100 ? best === null : best?.priceE4 === cents * 100)
      );
    });
  await store.close();
  return { seconds, wallMs, verified };
}

/** The floor: plain JSON.parse and a Map update keyed by ticker/side/price, nothing checked. */
function floorOnce(recorded: Recorded): { seconds: number; wallMs: number } {
  const levels = new Map<string, number>();
  const startCpu = mainThreadCpuSeconds();
  const t0 = performance.now();
  for (const text of recorded.frames) {
    const frame = JSON.parse(text) as {
      msg: { market_ticker: string; side: string; price_dollars?: string; delta_fp?: string };
    };
    const m = frame.msg;
    if (m.price_dollars === undefined || m.delta_fp === undefined) continue;
    const key = `${m.market_ticker}|${m.side}|${m.price_dollars}`;
    levels.set(key, (levels.get(key) ?? 0) + Number(m.delta_fp));
  }
  const wallMs = performance.now() - t0;
  return { seconds: cpuOrWall(startCpu, wallMs), wallMs };
}

export const wsIngestBench: Bench = {
  name: 'ws-ingest',
  async run() {
    const recorded = recordedFrames();
    const dataDir = mkdtempSync(join(tmpdir(), 'pt-ws-bench-'));
    let cpu = { stream: 0, floor: 0 };
    let wall = { stream: 0, floor: 0 };
    let isVerified = true;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const f = floorOnce(recorded);
        const s = await ingestOnce(recorded, join(dataDir, String(round)));
        if (round === 0) continue; // warm-up (JIT)
        cpu = { stream: cpu.stream + s.seconds, floor: cpu.floor + f.seconds };
        wall = { stream: wall.stream + s.wallMs / 1000, floor: wall.floor + f.wallMs / 1000 };
        isVerified &&= s.verified;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const measured = recorded.frames.length * (ROUNDS - 1);
    const best = {
      perCpuSecond: measured / cpu.stream,
      perWallSecond: measured / wall.stream,
      verified: isVerified,
    };
    const floor = { perCpuSecond: measured / cpu.floor, perWallSecond: measured / wall.floor };
    const ratio = best.perCpuSecond / floor.perCpuSecond;
    const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
    return [
      agentFigure({
        name: 'ws ingest, orderbook_delta per CPU second',
        value: Math.round(best.perCpuSecond),
        unit: 'msg/s',
        floor: {
          value: Math.round(floor.perCpuSecond),
          label: 'raw JSON.parse + Map update, per CPU second',
        },
        target: { op: '>=', value: TARGET_PER_SECOND },
      }),
      agentFigure({
        name: 'ws ingest against the raw JSON.parse floor',
        value: Math.round(ratio * 100) / 100,
        unit: '× floor',
        target: { op: '>=', value: TARGET_FLOOR_RATIO },
      }),
      `ws-ingest: wall clock ${fmt(best.perWallSecond)} msg/s (floor ${fmt(floor.perWallSecond)}/s); ${ROUNDS - 1} rounds after a warm-up`,
      `ws-ingest: ${fmt(recorded.frames.length)} frames (${fmt(recorded.deltas)} deltas) from ${recorded.tickers.length} real KXHIGHNY books; books after ingest match the recorded best bids: ${best.verified ? 'yes' : 'NO'}`,
    ];
  },
};

// `node --import tsx agent/bench/ws-ingest.bench.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  emit(await wsIngestBench.run());
}
