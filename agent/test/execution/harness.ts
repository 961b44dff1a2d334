/**
 * A real simulator, a real SQLite store and a started KalshiConnector (LedgerLocalState, the
 * agent's client order id scheme recognised by reconciliation), quotable on one weather market.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MarketTicker } from '@pt/protocol';
import { pino } from 'pino';
import { KalshiConnector } from '../../src/connectors/kalshi/connector.js';
import { LedgerLocalState } from '../../src/connectors/kalshi/reconcile/ledger-local-state.js';
import type { ConnectorEvent } from '../../src/connectors/kalshi/venue-connector.js';
import { resolveVenueConfig } from '../../src/connectors/kalshi/venue-config.js';
import { CLIENT_ORDER_ID_PREFIX } from '../../src/execution/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startSimVenue, type SimVenue } from '../helpers/sim-venue.js';

export const logger = pino({ level: 'silent' });

export interface Harness {
  sim: SimVenue;
  store: Store;
  connector: KalshiConnector;
  ticker: MarketTicker;
  close(): Promise<void>;
}

export async function startHarness(seed: number): Promise<Harness> {
  const sim = await startSimVenue({ seed });
  const dir = mkdtempSync(join(tmpdir(), 'pt-execution-'));
  const store = openStore({ dataDir: dir, environment: 'sim', logger });
  const connector = new KalshiConnector({
    venue: resolveVenueConfig('sim', { restBaseUrl: sim.rest, wsUrl: sim.ws }),
    credentials: { keyId: sim.keyId, privateKey: sim.privateKey },
    ledger: store.ledger,
    logger,
    local: await LedgerLocalState.open(store.ledger),
    httpTimeoutMs: 1_000,
    followUpMs: 300,
    retryFailedMs: 300,
    reconcile: { isOwnClientOrderId: (id) => id.startsWith(CLIENT_ORDER_ID_PREFIX) },
  });
  await connector.start();
  const markets = await connector.http.getMarkets({ status: 'open', limit: 200 });
  const market = markets.items.find((m) => m.ticker.startsWith('KXHIGHNY'));
  if (market === undefined) throw new Error('the sim serves no open KXHIGHNY market');
  const ticker = market.ticker;
  const quotable = new Promise<void>((resolve) => {
    const off = connector.onEvent((event: ConnectorEvent) => {
      if (event.type === 'book_changed' && event.marketTicker === ticker && event.isQuotable) {
        off();
        resolve();
      }
    });
  });
  connector.subscribeMarkets([ticker]);
  await quotable;
  return {
    sim,
    store,
    connector,
    ticker,
    close: async () => {
      await connector.stop();
      await store.close();
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A bid far below the book (it rests); the fat-finger guard is widened for it on purpose. */
export function restingRequest(ticker: MarketTicker, clientOrderId?: string) {
  return {
    ticker,
    side: 'bid' as const,
    priceE4: 100,
    countE2: 100,
    timeInForce: 'good_till_canceled' as const,
    maxSlippageE4: 9_999,
    ...(clientOrderId === undefined ? {} : { clientOrderId }),
  };
}
