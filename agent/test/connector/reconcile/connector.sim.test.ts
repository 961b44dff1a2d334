/**
 * KalshiConnector end to end against the real simulator, with every real part: K1's KalshiHttp,
 * K2's limiter and books, K3's KalshiStream. Expected outcomes:
 * - before start() nothing new can be sent (gate halted), cancels are not refused by the gate;
 * - start(): limits → reconcile (external order imported) → stream → quotable books; gate open;
 * - a lost create returns `outcome_unknown` and a follow-up reconciliation resolves it by
 *   client_order_id without any resubmission;
 * - a WS drop closes the gate until the reconciliation after `reconnected` succeeds;
 * - schema drift on positions at start-up: start resolves with the gate halted, creates are
 *   refused, health and the contract light are red.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countE2, priceE4, type MarketTicker } from '@pt/protocol';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KalshiConnector } from '../../../src/connectors/kalshi/connector.js';
import { KalshiHttp } from '../../../src/connectors/kalshi/http/index.js';
import { BASIC_TIER_LIMITS, TokenBucketLimiter } from '../../../src/connectors/kalshi/rate-limit/index.js';
import { ContractMonitor } from '../../../src/connectors/kalshi/contract/contract-monitor.js';
import { InMemoryLocalState } from '../../../src/connectors/kalshi/reconcile/local-state.js';
import type { ConnectorEvent, ReconcileReport } from '../../../src/connectors/kalshi/venue-connector.js';
import { resolveVenueConfig } from '../../../src/connectors/kalshi/venue-config.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { startSimVenue, type SimVenue } from '../../helpers/sim-venue.js';

const logger = pino({ level: 'silent' });

let sim: SimVenue;
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pt-connector-'));
  dirs.push(dir);
  return dir;
}
let store: Store;
let ticker: MarketTicker;
const connectors: KalshiConnector[] = [];

function makeConnector(local = new InMemoryLocalState()): KalshiConnector {
  const connector = new KalshiConnector({
    venue: resolveVenueConfig('sim', { restBaseUrl: sim.rest, wsUrl: sim.ws }),
    credentials: { keyId: sim.keyId, privateKey: sim.privateKey },
    ledger: store.ledger,
    logger,
    local,
    httpTimeoutMs: 1_000,
    followUpMs: 200,
    retryFailedMs: 300,
  });
  connectors.push(connector);
  return connector;
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

function nextEvent<T extends ConnectorEvent>(
  connector: KalshiConnector,
  isWanted: (event: ConnectorEvent) => event is T,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for a connector event'));
    }, timeoutMs);
    const off = connector.onEvent((event) => {
      if (!isWanted(event)) return;
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}

beforeAll(async () => {
  // Not Basic, so limits read from the venue are distinguishable from the Basic fallback.
  sim = await startSimVenue({ seed: 11, tier: 'advanced' });
  store = openStore({ dataDir: tempDir(), environment: 'sim', logger });
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
  await http.createOrder(restingBid(`ext-${randomUUID()}`));
}, 60_000);

afterEach(async () => {
  await sim.admin('/faults', undefined, 'DELETE');
  await Promise.all(connectors.splice(0).map((connector) => connector.stop()));
});

afterAll(async () => {
  await store.close();
  await sim.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('KalshiConnector against the simulator', () => {
  it('refuses new orders before start (halted), then starts: reconcile, stream, quotable book, gate open', async () => {
    const local = new InMemoryLocalState();
    const connector = makeConnector(local);
    const refused = await connector.createOrder(restingBid(`early-${randomUUID()}`));
    expect(refused).toEqual({
      status: 'refused',
      reason: expect.stringMatching(/Trading halted/) as unknown,
    });
    expect(connector.tradingState().mode).toBe('halted');

    await connector.start();

    expect(connector.gate.isOpen).toBe(true);
    expect(connector.tradingState().mode).toBe('active');
    expect(local.read().openOrders.some((order) => order.isExternal && order.ticker === ticker)).toBe(true);
    const quotable = nextEvent(
      connector,
      (event): event is Extract<ConnectorEvent, { type: 'book_changed' }> =>
        event.type === 'book_changed' && event.marketTicker === ticker && event.isQuotable,
    );
    connector.subscribeMarkets([ticker]);
    await quotable;
    const book = connector.quotableBook(ticker);
    expect(book?.isQuotable).toBe(true);
    expect(book?.yesBids.length).toBeGreaterThan(0);
    const limits = await connector.http.getAccountLimits();
    expect(limits.write.capacity).not.toBe(BASIC_TIER_LIMITS.write.capacity);
    expect(connector.budget().write.capacity).toBe(limits.write.capacity);
    expect(connector.budget().read.capacity).toBe(limits.read.capacity);
    expect(connector.budget().write.refillPerSecond).toBe(limits.write.refillPerSecond);
    const health = connector.health();
    expect(health.reconciliation.light).toBe('green');
    expect(health.apiContract.light).toBe('green');
    expect(health.venue.light).toBe('green');
  });

  it('resolves a lost create by client_order_id in a follow-up reconciliation, without resubmitting', async () => {
    const local = new InMemoryLocalState();
    const connector = makeConnector(local);
    await connector.start();
    await sim.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      hold_ms: 3_000,
    });
    const clientOrderId = `lost-${randomUUID()}`;
    const resolved = nextEvent(
      connector,
      (event): event is Extract<ConnectorEvent, { type: 'reconciled' }> =>
        event.type === 'reconciled' &&
        (event.report.plan?.actions.some((action) => action.kind === 'intent_accepted') ?? false),
    );

    const outcome = await connector.createOrder(restingBid(clientOrderId));

    expect(outcome.status).toBe('outcome_unknown');
    expect(local.read().unknownIntents.map((intent) => intent.clientOrderId)).toEqual([clientOrderId]);
    const { report } = await resolved;
    const accepted = report.plan?.actions.find((action) => action.kind === 'intent_accepted');
    expect(accepted).toMatchObject({ clientOrderId, order: { status: 'resting', ticker } });
    expect(local.read().unknownIntents).toEqual([]);
    const venueOrders = await connector.http.getOrders({ ticker, status: 'resting' });
    expect(venueOrders.items.filter((order) => order.clientOrderId === clientOrderId)).toHaveLength(1);
    // Clean up: cancels pass the gate.
    const placed = local.read().openOrders.find((order) => order.clientOrderId === clientOrderId);
    if (placed === undefined) throw new Error('the resolved order is not open locally');
    const cancel = await connector.cancelOrder(placed.orderId, ticker);
    expect(cancel.status).toBe('ok');
  });

  it('tracks a create answered 2xx without an order id: rejected to the caller, contract red, found as ours', async () => {
    const local = new InMemoryLocalState();
    const connector = makeConnector(local);
    await connector.start();
    await sim.admin('/faults/rest', {
      kind: 'empty_success',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
    });
    const clientOrderId = `empty-${randomUUID()}`;
    const found = nextEvent(
      connector,
      (event): event is Extract<ConnectorEvent, { type: 'reconciled' }> =>
        event.type === 'reconciled' &&
        (event.report.plan?.actions.some((action) => action.kind === 'intent_accepted') ?? false),
    );

    const outcome = await connector.createOrder(restingBid(clientOrderId));

    expect(outcome).toMatchObject({ status: 'rejected', venueCode: undefined });
    expect(connector.health().apiContract.light).toBe('red');
    expect(connector.tradingState().mode).toBe('halted');
    const { report } = await found;
    expect(report.plan?.actions.find((action) => action.kind === 'intent_accepted')).toMatchObject({
      clientOrderId,
    });
    expect(local.read().openOrders).toContainEqual(
      expect.objectContaining({ clientOrderId, isExternal: false }),
    );
    // Still halted: a broken contract needs a human (or a release) to acknowledge it.
    expect((await connector.createOrder(restingBid(`after-${randomUUID()}`))).status).toBe('refused');
    connector.contract.acknowledge();
    expect(connector.tradingState().mode).toBe('active');
    await connector.cancelAll();
  });

  it('closes the gate on a WS drop and reopens it only after the reconnect reconciliation', async () => {
    const connector = makeConnector();
    await connector.start();
    const phases: string[] = [];
    connector.onEvent((event) => {
      if (event.type === 'gate_changed') phases.push(event.gate.phase);
    });
    const reconciled = nextEvent(
      connector,
      (event): event is Extract<ConnectorEvent, { type: 'reconciled' }> => event.type === 'reconciled',
    );
    await sim.admin('/faults/ws/drop');
    const { report }: { report: ReconcileReport } = await reconciled;
    expect(report.isOk).toBe(true);
    expect(phases).toEqual(['stream_down', 'reconciling', 'open']);
    expect(connector.gate.isOpen).toBe(true);
  });

  it('cancels every resting order with cancel-all, one outcome each', async () => {
    const connector = makeConnector();
    await connector.start();
    for (const n of [1, 2]) {
      const placed = await connector.createOrder(restingBid(`all-${n}-${randomUUID()}`));
      expect(placed.status).toBe('ok');
    }
    // Our own orders are known locally: reconciling does not import them as external.
    const report = await connector.reconcile();
    expect(report.plan?.actions.filter((action) => action.kind === 'order_imported')).toEqual([]);
    const outcomes = await connector.cancelAll();
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    expect(outcomes.every((outcome) => outcome.status === 'ok')).toBe(true);
    expect((await connector.http.getOrders({ status: 'resting' })).items).toEqual([]);
  });

  it('reports a venue trading pause on the venue light after the next status poll', async () => {
    const connector = makeConnector();
    await connector.start();
    await sim.admin('/faults/pause', { is_paused: true });
    try {
      await connector.refreshExchangeStatus();
      expect(connector.health().venue.light).toBe('amber');
      expect(connector.health().venue.detail).toMatch(/Trading paused on Kalshi/);
    } finally {
      await sim.admin('/faults/pause', { is_paused: false });
    }
  });

  it('learns a pause from a create the venue bounced at once, and the resumption within seconds', async () => {
    // The default 30 s status poll: neither change may wait for it.
    const connector = makeConnector();
    await connector.start();
    expect(connector.health().venue.light).toBe('green');
    await sim.admin('/faults/pause', { is_paused: true });
    try {
      const outcome = await connector.createOrder(restingBid(`pause-${randomUUID()}`));
      expect(outcome).toMatchObject({ status: 'rejected', venueCode: 'trading_paused' });
      await vi.waitFor(() => expect(connector.health().venue.detail).toMatch(/Trading paused on Kalshi/), {
        timeout: 3_000,
        interval: 50,
      });
    } finally {
      await sim.admin('/faults/pause', { is_paused: false });
    }
    await vi.waitFor(() => expect(connector.health().venue.light).toBe('green'), {
      timeout: 5_000,
      interval: 50,
    });
  });

  it('falls back to Basic-tier limits when /account/limits is unavailable, and still starts', async () => {
    await sim.admin('/faults/rest', {
      kind: 'http_5xx',
      status: 503,
      method: 'GET',
      path_prefix: '/account/limits',
    });
    const connector = makeConnector();
    await connector.start();
    expect(connector.budget().write.capacity).toBe(BASIC_TIER_LIMITS.write.capacity);
    expect(connector.budget().write.refillPerSecond).toBe(BASIC_TIER_LIMITS.write.refillPerSecond);
    expect(connector.gate.isOpen).toBe(true);
  });

  it('retries a reconciliation that failed on a transient 503 and opens the gate only then', async () => {
    await sim.admin('/faults/rest', {
      kind: 'http_5xx',
      status: 503,
      method: 'GET',
      path_prefix: '/portfolio/balance',
    });
    const connector = makeConnector();
    const phases: string[] = [];
    connector.onEvent((event) => {
      if (event.type === 'gate_changed') phases.push(event.gate.phase);
    });
    const retried = nextEvent(
      connector,
      (event): event is Extract<ConnectorEvent, { type: 'reconciled' }> =>
        event.type === 'reconciled' && event.report.isOk,
    );
    await connector.start();
    await retried;
    expect(phases.slice(0, 2)).toEqual(['reconciling', 'reconcile_failed']);
    expect(phases).toContain('open');
    expect(connector.gate.isOpen).toBe(true);
  });

  it('fails closed when positions drift at start-up: gate halted, creates refused, health red', async () => {
    // A fresh account holds no positions, so drop the list itself (a required field).
    await sim.admin('/faults/drift', { field: 'market_positions', path_prefix: '/portfolio/positions' });
    const connector = makeConnector();
    await connector.start();

    expect(connector.gate.isOpen).toBe(false);
    expect(connector.gate.state().reason).toMatch(/^reconcile_failed: contract: GET \/portfolio\/positions/);
    const outcome = await connector.createOrder(restingBid(`drift-${randomUUID()}`));
    expect(outcome.status).toBe('refused');
    const health = connector.health();
    expect(health.apiContract.light).toBe('red');
    expect(health.reconciliation.light).toBe('red');
    expect(health.venue.light).toBe('red');
    expect(connector.tradingState().mode).toBe('halted');
  });
});
