/**
 * Internal latency from a book delta arriving at the connector to the order leaving it, for a
 * trivial strategy that places one order per delta through the REAL ExecutionService (risk on the
 * in-memory snapshot, intent committed to a real SQLite ledger before the send) against the REAL
 * simulator on loopback. Target: p99 ≤ 2 ms.
 *
 * Measurement points (no hook in the measured path itself):
 * - arrival: the WS socket's `data` event carrying the delta (a listener prepended on the upgrade
 *   request's socket, found through `http.client.request.start`), i.e. before frame parsing;
 * - handed over: the connector's transport calls `fetch` for `POST /portfolio/events/orders` (the
 *   connector's default keep-alive `fetch`, wrapped and injected);
 * - written: the `node:http` request's `finish` (headers and body handed to the OS), found through
 *   `http.client.request.start` and paired through its signature header.
 * Deltas come from the simulator's bench churn (a bench user places and cancels 1-contract bids at
 * the lowest price) plus the market's own replayed activity. Orders are 1-contract IOC bids one cent
 * under the best ask (inside the fat-finger guard, never crossing: no fill, nothing rests).
 * Two runs: the ledger as shipped (synchronous=FULL; the intent itself commits without an fsync,
 * see the store's `isFsyncOptional`), and the same with every commit unsynced and unbatched (what
 * the road costs without any ledger fsync on the event loop).
 * Stage costs alone: bench/order-stages.ts; this bench alone: bench/order-latency-run.ts.
 */
import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import type { MarketTicker } from '@pt/protocol';
import { KalshiConnector } from '../src/connectors/kalshi/connector.js';
import { createKeepAliveFetch } from '../src/connectors/kalshi/http/keep-alive-fetch.js';
import { LedgerLocalState } from '../src/connectors/kalshi/reconcile/ledger-local-state.js';
import { resolveVenueConfig } from '../src/connectors/kalshi/venue-config.js';
import {
  CLIENT_ORDER_ID_PREFIX,
  DEFAULT_MAX_SLIPPAGE_E4,
  ExecutionService,
  type RiskCache,
} from '../src/execution/index.js';
import { preTradeCheck, unknownOutcomeTickers } from '../src/execution/pre-trade.js';
import { RiskCaches } from '../src/execution/risk-cache-host.js';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from '../src/risk/index.js';
import { openStore, type StoreOptions } from '../src/store/index.js';
import { startSimVenue } from '../test/helpers/sim-venue.js';
import { agentFigure } from './bench.js';
import type { Bench, BenchOutput } from './bench.js';
import { orderPrice, percentiles, type LatencySample } from './order-latency-stats.js';

/** Churn pairs (two deltas each, so two orders) and their spacing: ~20 orders/s, a rate the
 * shipped ledger sustains (at ~130/s its fsync'd, serial journal falls behind and queues grow). */
const CHURN_PAIRS = Number(process.env.PT_BENCH_ORDER_PAIRS ?? 150);
const CHURN_EVERY_MS = Number(process.env.PT_BENCH_ORDER_EVERY_MS ?? 100);
const WARMUP_ORDERS = 40;
const TARGET_P99_MS = 2;

const SETTINGS = RiskSettings.parse({
  ...DEFAULT_RISK_SETTINGS,
  // Each order is one contract, IOC, never filling; while in flight it counts as working.
  maxPositionCountE2: 100_000_00,
  maxEventLossE6: 1_000_000_000_000,
  maxTotalExposureE6: 1_000_000_000_000,
  maxOpenOrders: 1_000,
  maxOrdersPerWindow: 10_000,
  orderRateWindowMs: 1_000,
  preCloseBlackoutMs: 0,
});

/** Timestamps keyed by client order id, filled by the hooks. */
class Probe {
  lastWsChunkAtMs = 0;
  readonly handedAtMs = new Map<string, number>();
  readonly writtenAtMs = new Map<string, number>();
  /** Creates handed to fetch whose request has not started yet, oldest first. */
  private readonly handedOver: string[] = [];
  private readonly inner = createKeepAliveFetch();
  private readonly offs: (() => void)[] = [];

  constructor(wsPath: string) {
    this.listen('http.client.request.start', (message) => {
      const request = (message as { request: ClientRequest }).request;
      if (!request.path.startsWith(wsPath)) return;
      const stamp = (socket: Socket): void => {
        socket.prependListener('data', () => {
          this.lastWsChunkAtMs = performance.now();
        });
      };
      // ws connects through `createConnection`: the socket may be attached before this message.
      if (request.socket !== null) stamp(request.socket);
      else request.once('socket', stamp);
    });
    // Order creates start their `node:http` requests in the order they were handed over.
    this.listen('http.client.request.start', (message) => {
      const request = (message as { request: ClientRequest }).request;
      if (request.method !== 'POST' || !request.path.endsWith('/portfolio/events/orders')) return;
      const clientOrderId = this.handedOver.shift();
      if (clientOrderId === undefined) return;
      request.once('finish', () => this.writtenAtMs.set(clientOrderId, performance.now()));
    });
  }

  /** The connector's fetch: notes order creates as they leave the connector. */
  readonly fetch: typeof fetch = (input, init) => {
    // The transport passes a URL string and a JSON string body.
    if (
      init?.method === 'POST' &&
      typeof input === 'string' &&
      input.endsWith('/portfolio/events/orders') &&
      typeof init.body === 'string'
    ) {
      const at = performance.now();
      const body = JSON.parse(init.body) as { client_order_id?: string };
      if (body.client_order_id !== undefined) {
        this.handedAtMs.set(body.client_order_id, at);
        this.handedOver.push(body.client_order_id);
      }
    }
    return this.inner(input, init);
  };

  close(): void {
    for (const off of this.offs) off();
  }

  private listen(name: string, handler: (message: unknown) => void): void {
    dc.subscribe(name, handler);
    this.offs.push(() => dc.unsubscribe(name, handler));
  }
}

/** The production store, and one whose commits neither wait for company nor fsync (the floor). */
const CONFIGS: readonly StoreConfig[] = [
  {
    short: 'FULL, as shipped',
    label: 'ledger as shipped (synchronous=FULL, 2 ms batch delay; the intent not fsynced)',
    options: {},
  },
  {
    short: 'NORMAL, no batch delay',
    label: 'ledger synchronous=NORMAL, no batch delay',
    options: { synchronous: 'NORMAL', queue: { maxBatchDelayMs: 0 } },
  },
];

interface StoreConfig {
  /** For the figure's name; `label` says it in full. */
  short: string;
  label: string;
  options: Pick<StoreOptions, 'synchronous' | 'queue'>;
}

async function run(): Promise<BenchOutput[]> {
  const lines: BenchOutput[] = [];
  for (const config of CONFIGS) lines.push(...(await measure(config)));
  return lines;
}

async function measure(config: StoreConfig): Promise<BenchOutput[]> {
  const logger = pino({ level: 'silent' });
  const sim = await startSimVenue({ seed: 3, balanceDollars: '1000000', tier: 'prime' });
  const dir = mkdtempSync(join(tmpdir(), 'pt-order-latency-'));
  const store = openStore({ dataDir: dir, environment: 'sim', logger, ...config.options });
  const probe = new Probe(new URL(sim.ws).pathname);
  const connector = new KalshiConnector({
    venue: resolveVenueConfig('sim', { restBaseUrl: sim.rest, wsUrl: sim.ws }),
    credentials: { keyId: sim.keyId, privateKey: sim.privateKey },
    ledger: store.ledger,
    logger,
    local: await LedgerLocalState.open(store.ledger),
    fetch: probe.fetch,
    reconcile: { isOwnClientOrderId: (id) => id.startsWith(CLIENT_ORDER_ID_PREFIX) },
  });
  const caches = new RiskCaches({ logger });
  const execution = ExecutionService.open({
    ledger: store.ledger,
    venue: () => connector,
    logger,
    riskSettings: () => SETTINGS,
    riskCaches: caches,
  });
  try {
    await connector.start();
    const ticker = await quotableMarket(connector);
    const cache = caches.for(connector);
    await until(() => cache.isReady, 'risk cache ready');

    const arrivals = new Map<string, number>();
    const denials = new Map<string, number>();
    const placing: Promise<unknown>[] = [];
    let skipped = 0;
    let sequence = 0;
    const off = connector.onEvent((event) => {
      if (event.type !== 'book_changed' || event.marketTicker !== ticker || !event.isQuotable) return;
      const arrivedAtMs = probe.lastWsChunkAtMs;
      const price = orderPrice(connector.quotableBook(ticker));
      if (price === null) {
        skipped += 1;
        return;
      }
      const clientOrderId = `${CLIENT_ORDER_ID_PREFIX}bench-${sequence++}`;
      arrivals.set(clientOrderId, arrivedAtMs);
      const request = { ticker, side: 'bid' as const, priceE4: price, countE2: 100 };
      placing.push(
        execution
          .place({ ...request, timeInForce: 'immediate_or_cancel', clientOrderId }, { kind: 'manual' })
          .then((result) => {
            if (result.kind === 'denied')
              denials.set(result.denial.rule, (denials.get(result.denial.rule) ?? 0) + 1);
          }),
      );
    });
    for (let pair = 0; pair < CHURN_PAIRS; pair += 1) {
      await sim.admin('/bench/churn', { ticker, pairs: 1, batch: 1 });
      await new Promise((resolve) => setTimeout(resolve, CHURN_EVERY_MS));
    }
    off();
    await Promise.all(placing);
    const samples: LatencySample[] = [...arrivals]
      .slice(WARMUP_ORDERS)
      .flatMap(([clientOrderId, arrivedAtMs]) => {
        const handed = probe.handedAtMs.get(clientOrderId);
        const written = probe.writtenAtMs.get(clientOrderId);
        return handed === undefined || written === undefined
          ? []
          : [{ handedMs: handed - arrivedAtMs, writtenMs: written - arrivedAtMs }];
      });
    const written = percentiles(samples.map((s) => s.writtenMs));
    const handed = percentiles(samples.map((s) => s.handedMs));
    const stats = cache.stats();
    const lines: BenchOutput[] = [
      agentFigure({
        name: `order latency p50, ledger ${config.short}`,
        value: Number(written.p50),
        unit: 'ms',
        note: `book delta arrival → order written to the socket, ${config.label}`,
      }),
      agentFigure({
        name: `order latency p99, ledger ${config.short}`,
        value: Number(written.p99),
        unit: 'ms',
        target: { op: '<=', value: TARGET_P99_MS },
        note: `max ${written.max} ms, n=${samples.length}`,
      }),
      `  delta arrival → connector hands the create to fetch: p50 ${handed.p50} ms, p99 ${handed.p99} ms, max ${handed.max} ms`,
      `  order creates signed ahead of time ${connector.http.presigner.counts.cached}, inline ${connector.http.presigner.counts.inline}`,
      `  risk snapshots from memory ${stats.hits}, from REST ${Object.values(stats.misses).reduce((a, b) => a + b, 0)}; orders without a price (no ask) ${skipped}`,
    ];
    if (denials.size > 0)
      lines.push(`  DENIED: ${[...denials].map(([rule, n]) => `${rule} ×${n}`).join(', ')}`);
    if (config === CONFIGS[0]) lines.push(await checkCost(connector, execution, cache, ticker));
    return lines;
  } finally {
    execution.close();
    caches.close();
    probe.close();
    await connector.stop();
    await store.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pre-trade checks alone (guard + snapshot + evaluateOrder), from memory and over REST. */
async function checkCost(
  connector: KalshiConnector,
  execution: ExecutionService,
  cache: RiskCache,
  ticker: MarketTicker,
): Promise<string> {
  const price = orderPrice(connector.quotableBook(ticker)) ?? 100;
  const time = async (riskCache: RiskCache | undefined, runs: number): Promise<number[]> => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      const denial = await preTradeCheck(
        { ticker, side: 'bid', priceE4: price, countE2: 100 },
        { maxSlippageE4: undefined, reduceOnly: false, excludeOrderId: undefined },
        {
          venue: connector,
          tradingState: connector.tradingState(),
          ourOrders: execution.journal.workingOrders(),
          recentOrderTimesMs: execution.journal.createdTimesMs(),
          unknownOutcomeTickers: unknownOutcomeTickers(connector, execution.journal),
          settings: SETTINGS,
          portfolio: undefined,
          defaultMaxSlippageE4: DEFAULT_MAX_SLIPPAGE_E4,
          nowMs: Date.now(),
          riskCache,
        },
      );
      ms.push(performance.now() - start);
      if (denial !== null) throw new Error(`order-latency bench: check denied ${denial.rule}`);
    }
    return ms;
  };
  const memory = percentiles(await time(cache, 300));
  const rest = percentiles(await time(undefined, 30));
  return `  pre-trade checks alone (${execution.journal.createdTimesMs().length} orders in the journal): from memory p50 ${memory.p50} ms, p99 ${memory.p99} ms; over REST (six reads) p50 ${rest.p50} ms, p99 ${rest.p99} ms`;
}

async function quotableMarket(connector: KalshiConnector): Promise<MarketTicker> {
  const markets = await connector.http.getMarkets({ status: 'open', limit: 200 });
  const market = markets.items.find((m) => m.ticker.startsWith('KXHIGHNY'));
  if (market === undefined) throw new Error('the sim serves no open KXHIGHNY market');
  connector.subscribeMarkets([market.ticker]);
  await until(
    () => orderPrice(connector.quotableBook(market.ticker)) !== null,
    'a quotable book with an ask',
  );
  return market.ticker;
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`order-latency bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const orderLatencyBench: Bench = { name: 'order-latency', run };
