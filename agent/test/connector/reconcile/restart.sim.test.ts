/**
 * Start-up reconciliation "with the ledger" (issue 5) across an agent restart, against the real
 * simulator: a connector whose local belief is a LedgerLocalState stops, the store is closed and
 * reopened (as a restarted agent does), and a NEW connector on the same store must
 * - not import the order it placed before the restart as external;
 * - resolve a create whose answer was lost (sim `lost_response`) before the restart by its
 *   client_order_id, without resubmitting it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countE2, priceE4, type MarketTicker } from '@pt/protocol';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KalshiConnector } from '../../../src/connectors/kalshi/connector.js';
import { ContractMonitor } from '../../../src/connectors/kalshi/contract/contract-monitor.js';
import { KalshiHttp } from '../../../src/connectors/kalshi/http/index.js';
import { TokenBucketLimiter } from '../../../src/connectors/kalshi/rate-limit/index.js';
import { LedgerLocalState } from '../../../src/connectors/kalshi/reconcile/ledger-local-state.js';
import type { ReconcileReport } from '../../../src/connectors/kalshi/venue-connector.js';
import { resolveVenueConfig } from '../../../src/connectors/kalshi/venue-config.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { startSimVenue, type SimVenue } from '../../helpers/sim-venue.js';

const logger = pino({ level: 'silent' });

let sim: SimVenue;
let ticker: MarketTicker;
const dirs: string[] = [];
const openStores = new Set<Store>();
const connectors: KalshiConnector[] = [];

function openAgentStore(dataDir: string): Store {
  const store = openStore({ dataDir, environment: 'sim', logger });
  openStores.add(store);
  return store;
}

async function closeStore(store: Store): Promise<void> {
  openStores.delete(store);
  await store.close();
}

/** One "agent run": its local belief rebuilt from the store's ledger, as start-venue does. */
async function startAgent(store: Store, followUpMs = 200) {
  const local = await LedgerLocalState.open(store.ledger);
  const connector = new KalshiConnector({
    venue: resolveVenueConfig('sim', { restBaseUrl: sim.rest, wsUrl: sim.ws }),
    credentials: { keyId: sim.keyId, privateKey: sim.privateKey },
    ledger: store.ledger,
    logger,
    local,
    httpTimeoutMs: 1_000,
    followUpMs,
    retryFailedMs: 300,
  });
  connectors.push(connector);
  const reports: ReconcileReport[] = [];
  connector.onEvent((event) => {
    if (event.type === 'reconciled') reports.push(event.report);
  });
  await connector.start();
  return { connector, local, reports };
}

async function stopAgent(connector: KalshiConnector): Promise<void> {
  connectors.splice(connectors.indexOf(connector), 1);
  await connector.stop();
}

function restingBid(clientOrderId: string) {
  return {
    ticker,
    clientOrderId,
    side: 'bid' as const,
    countE2: countE2(100),
    priceE4: priceE4(100),
    timeInForce: 'good_till_canceled' as const,
    selfTradePrevention: 'taker_at_cross' as const,
  };
}

function importedIds(reports: readonly ReconcileReport[]): string[] {
  return reports.flatMap((report) =>
    (report.plan?.actions ?? []).flatMap((action) =>
      action.kind === 'order_imported' ? [action.order.orderId] : [],
    ),
  );
}

beforeAll(async () => {
  sim = await startSimVenue({ seed: 13 });
  const http = new KalshiHttp({
    baseUrl: sim.rest,
    credentials: { keyId: sim.keyId, privateKey: sim.privateKey },
    limiter: new TokenBucketLimiter(),
    contract: new ContractMonitor(),
    logger,
  });
  const markets = await http.getMarkets({ status: 'open', limit: 200 });
  const weather = markets.items.find((market) => market.ticker.startsWith('KXHIGHNY'));
  if (weather === undefined) throw new Error('the sim serves no open KXHIGHNY market');
  ticker = weather.ticker;
}, 60_000);

afterEach(async () => {
  await sim.admin('/faults', undefined, 'DELETE');
  await Promise.all(connectors.splice(0).map((connector) => connector.stop()));
});

afterAll(async () => {
  await Promise.all([...openStores].map((store) => store.close()));
  await sim.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pt-restart-'));
  dirs.push(dir);
  return dir;
}

describe('start-up reconciliation with the ledger, across a restart', () => {
  it('does not import its own resting order as external after a restart', async () => {
    const dataDir = tempDir();
    const first = openAgentStore(dataDir);
    const before = await startAgent(first);
    const outcome = await before.connector.createOrder(restingBid(`own-${randomUUID()}`));
    if (outcome.status !== 'ok') throw new Error(`create failed: ${JSON.stringify(outcome)}`);
    const orderId = outcome.value.orderId;
    expect(before.local.read().openOrders).toContainEqual(
      expect.objectContaining({ orderId, isExternal: false }),
    );
    await stopAgent(before.connector);
    await closeStore(first);

    const after = await startAgent(openAgentStore(dataDir));

    expect(after.reports[0]?.isOk).toBe(true);
    expect(importedIds(after.reports)).not.toContain(orderId);
    expect(after.local.read().openOrders).toContainEqual(
      expect.objectContaining({ orderId, isExternal: false, consecutiveMisses: 0 }),
    );
    expect(after.connector.gate.isOpen).toBe(true);
    const cancel = await after.connector.cancelOrder(orderId, ticker);
    expect(cancel.status).toBe('ok');
  }, 60_000);

  it('resolves a create lost before the restart by client_order_id, without resubmitting', async () => {
    const dataDir = tempDir();
    const first = openAgentStore(dataDir);
    // No follow-up reconciliation before the "crash": the lost create must survive the restart unresolved.
    const before = await startAgent(first, 600_000);
    await sim.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      hold_ms: 3_000,
    });
    const clientOrderId = `lost-${randomUUID()}`;
    const outcome = await before.connector.createOrder(restingBid(clientOrderId));
    expect(outcome.status).toBe('outcome_unknown');
    expect(before.local.read().unknownIntents.map((intent) => intent.clientOrderId)).toEqual([clientOrderId]);
    await stopAgent(before.connector);
    await closeStore(first);
    await sim.admin('/faults', undefined, 'DELETE');

    const after = await startAgent(openAgentStore(dataDir));

    const startUp = after.reports[0];
    expect(startUp?.isOk).toBe(true);
    expect(startUp?.plan?.actions).toContainEqual(
      expect.objectContaining({
        kind: 'intent_accepted',
        clientOrderId,
        order: expect.objectContaining({ status: 'resting', ticker }) as unknown,
      }),
    );
    expect(after.local.read().unknownIntents).toEqual([]);
    const placed = after.local.read().openOrders.find((order) => order.clientOrderId === clientOrderId);
    expect(placed?.isExternal).toBe(false);
    if (placed === undefined) throw new Error('the resolved order is not open locally');
    expect(importedIds(after.reports)).not.toContain(placed.orderId);
    const venueOrders = await after.connector.http.getOrders({ ticker, status: 'resting' });
    expect(venueOrders.items.filter((order) => order.clientOrderId === clientOrderId)).toHaveLength(1);
    expect((await after.connector.cancelOrder(placed.orderId, ticker)).status).toBe('ok');
  }, 60_000);
});
