/**
 * Test harness: a real simulator process, a real store (temp dir), a KalshiStream wired to K2's
 * BookRegistry, every event recorded, and a signed REST helper. Nothing here is mocked: the
 * stream meets the sim on the wire only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { MarketTicker } from '@pt/protocol';
import { BookRegistry } from '../../../src/connectors/kalshi/book/index.js';
import { ContractMonitor } from '../../../src/connectors/kalshi/contract/contract-monitor.js';
import { signKalshiRequest } from '../../../src/connectors/kalshi/http/sign.js';
import {
  KalshiStream,
  seededRandom,
  type KalshiStreamOptions,
  type StreamEvent,
} from '../../../src/connectors/kalshi/ws/index.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { startSimVenue, type SimVenue, type SimVenueOptions } from '../../helpers/sim-venue.js';

export interface StreamHarness {
  sim: SimVenue;
  stream: KalshiStream;
  books: BookRegistry;
  contract: ContractMonitor;
  store: Store;
  events: StreamEvent[];
  rest(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  waitFor<T extends StreamEvent['type']>(
    type: T,
    predicate?: (event: Extract<StreamEvent, { type: T }>) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<StreamEvent, { type: T }>>;
  close(): Promise<void>;
}

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function startStreamHarness(
  options: { sim?: SimVenueOptions; stream?: Partial<KalshiStreamOptions> } = {},
): Promise<StreamHarness> {
  const sim = await startSimVenue(options.sim);
  const logger = pino({ level: process.env['PT_TEST_LOG'] ?? 'silent' });
  const dataDir = mkdtempSync(join(tmpdir(), 'pt-ws-test-'));
  const store = openStore({ dataDir, environment: 'sim', logger });
  const books = new BookRegistry();
  const contract = new ContractMonitor();
  const stream = new KalshiStream({
    wsUrl: sim.ws,
    credentials: { keyId: sim.keyId, privateKey: sim.privateKey },
    books,
    ledger: store.ledger,
    contract,
    logger,
    random: seededRandom(1),
    ...options.stream,
  });
  const events: StreamEvent[] = [];
  const waiters = new Set<(event: StreamEvent) => void>();
  stream.onEvent((event) => {
    if (event.type !== 'book_changed') events.push(event);
    for (const waiter of waiters) waiter(event);
  });
  const restPrefix = new URL(sim.rest).pathname;
  return {
    sim,
    stream,
    books,
    contract,
    store,
    events,
    async rest(method, path, body) {
      const headers = signKalshiRequest(
        { keyId: sim.keyId, privateKey: sim.privateKey },
        method,
        `${restPrefix}${path}`,
        Date.now(),
      );
      const response = await fetch(`${sim.rest}${path}`, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: await response.json() };
    },
    waitFor(type, predicate, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no ${type} event within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (event: StreamEvent): void => {
          if (event.type !== type) return;
          const typed = event as Extract<StreamEvent, { type: typeof type }>;
          if (predicate !== undefined && !predicate(typed)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(typed);
        };
        waiters.add(waiter);
      });
    },
    async close() {
      await stream.stop();
      await store.close();
      await sim.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const FED_MARKET = MarketTicker.parse('KXFEDMENTION-26MAR-YIEL');

/** Open markets of the sim, by series prefix (real recorded tickers). */
export async function openTickers(h: StreamHarness, prefix: string): Promise<MarketTicker[]> {
  const { json } = await h.rest('GET', '/markets?limit=1000');
  const markets = (json as { markets: { ticker: string; status: string }[] }).markets;
  return markets
    .filter((m) => m.ticker.startsWith(prefix) && m.status === 'active')
    .map((m) => MarketTicker.parse(m.ticker));
}
