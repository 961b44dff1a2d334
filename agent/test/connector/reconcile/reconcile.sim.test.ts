/**
 * Start-up reconciliation against the real simulator (a child process, met only on the wire),
 * through K1's real KalshiHttp and K2's real limiter. Expected outcomes:
 * - an order placed on the venue by "another device" is imported and flagged external;
 * - a create whose response is lost (sim `lost_response`) is resolved by client_order_id;
 * - the gate stays halted until the reconciliation succeeds;
 * - schema drift on `/portfolio/balance` fails closed: gate halted with the reason, contract red.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientOrderId, OrderId, countE2, priceE4, type MarketTicker } from '@pt/protocol';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractMonitor } from '../../../src/connectors/kalshi/contract/contract-monitor.js';
import { HealthTracker } from '../../../src/connectors/kalshi/health.js';
import { KalshiHttp, isKalshiRequestError } from '../../../src/connectors/kalshi/http/index.js';
import { TokenBucketLimiter } from '../../../src/connectors/kalshi/rate-limit/index.js';
import { InMemoryLocalState } from '../../../src/connectors/kalshi/reconcile/local-state.js';
import {
  RECONCILE_PLAN_KIND,
  Reconciler,
  REST_FILL_KIND,
  REST_FILL_SOURCE,
} from '../../../src/connectors/kalshi/reconcile/reconciler.js';
import { TradingGate, type GateState } from '../../../src/connectors/kalshi/reconcile/trading-gate.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { startSimVenue, type SimVenue } from '../../helpers/sim-venue.js';

const logger = pino({ level: 'silent' });

let sim: SimVenue;
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pt-reconcile-'));
  dirs.push(dir);
  return dir;
}
const stores: Store[] = [];
let ticker: MarketTicker;

function makeHttp(contract = new ContractMonitor(), timeoutMs = 5_000): KalshiHttp {
  return new KalshiHttp({
    baseUrl: sim.rest,
    credentials: { keyId: sim.keyId, privateKey: sim.privateKey },
    limiter: new TokenBucketLimiter(),
    contract,
    logger,
    timeoutMs,
  });
}

function makeReconciler(http: KalshiHttp, local = new InMemoryLocalState()) {
  const gate = new TradingGate();
  // A real store per agent: a fresh data dir is a fresh install.
  const store = openStore({
    dataDir: tempDir(),
    environment: 'sim',
    logger,
  });
  stores.push(store);
  const ledger = store.ledger;
  const reconciler = new Reconciler({ http, local, gate, ledger, logger });
  return { gate, ledger, local, reconciler };
}

/** A bid at 1¢ for one contract: rests (the maker's asks are far above), costs almost nothing. */
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

beforeAll(async () => {
  sim = await startSimVenue({ seed: 7 });
  const markets = await makeHttp().getMarkets({ status: 'open', limit: 200 });
  const weather = markets.items.find((market) => market.ticker.startsWith('KXHIGHNY'));
  if (weather === undefined) throw new Error('the sim serves no open KXHIGHNY market');
  ticker = weather.ticker;
}, 60_000);

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await sim.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('start-up reconciliation against the simulator', () => {
  it('keeps the gate halted until reconciliation succeeds, then imports an order placed elsewhere as external', async () => {
    const elsewhere = makeHttp();
    const placed = await elsewhere.createOrder(restingBid(`ext-${randomUUID()}`));

    const { gate, reconciler, local, ledger } = makeReconciler(makeHttp());
    const phases: GateState['phase'][] = [];
    gate.onChange((state) => phases.push(state.phase));
    expect(gate.isOpen).toBe(false);
    expect(() => gate.assertOpen()).toThrow(/halted/);

    const report = await reconciler.run();

    expect(report.failure).toBeUndefined();
    expect(phases).toEqual(['reconciling', 'open']);
    const imported = report.plan?.actions.find(
      (action) => action.kind === 'order_imported' && action.order.orderId === placed.orderId,
    );
    expect(imported).toBeDefined();
    expect(local.read().openOrders).toContainEqual(
      expect.objectContaining({ orderId: placed.orderId, isExternal: true, ticker }),
    );
    expect(local.read().balanceE6).not.toBeNull();
    // The decisions are kept for the audit trail.
    expect(ledger.readByKind(RECONCILE_PLAN_KIND)).toHaveLength(1);

    // Reconciling again against an unchanged venue has nothing left to do.
    const again = await reconciler.run();
    expect(again.plan?.actions.filter((action) => action.kind !== 'fill_recorded')).toEqual([]);
  });

  it('resolves a create whose response was lost by its client_order_id', async () => {
    const armed = await sim.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      hold_ms: 3_000,
    });
    expect(armed.ok).toBe(true);
    const clientOrderId = ClientOrderId.parse(`lost-${randomUUID()}`);
    const http = makeHttp(new ContractMonitor(), 1_000);

    const lost = await http.createOrder(restingBid(clientOrderId)).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isKalshiRequestError(lost) && lost.outcomeUnknown).toBe(true);

    const { local, reconciler, gate } = makeReconciler(http);
    local.addUnknownIntent({ clientOrderId, ticker, submittedAtMs: Date.now() - 2_000 });
    const report = await reconciler.run();

    expect(report.failure).toBeUndefined();
    const accepted = report.plan?.actions.find((action) => action.kind === 'intent_accepted');
    expect(accepted).toMatchObject({
      kind: 'intent_accepted',
      clientOrderId,
      order: { status: 'resting', ticker },
    });
    expect(local.hasUnknownIntent(clientOrderId)).toBe(false);
    expect(local.read().openOrders).toContainEqual(
      expect.objectContaining({ clientOrderId, isExternal: false }),
    );
    expect(gate.isOpen).toBe(true);
  });

  it('closes a local open order the venue does not know only after three consecutive misses (404s)', async () => {
    const { local, reconciler, gate } = makeReconciler(makeHttp());
    const ghost = OrderId.parse(randomUUID());
    local.addOpenOrder({
      orderId: ghost,
      clientOrderId: ClientOrderId.parse(`ghost-${randomUUID()}`),
      ticker,
      filledCountE2: countE2(0),
      remainingCountE2: countE2(100),
      isExternal: false,
    });
    const trace: string[] = [];
    for (let pass = 0; pass < 3; pass += 1) {
      const report = await reconciler.run();
      expect(report.failure).toBeUndefined();
      for (const action of report.plan?.actions ?? [])
        if ('orderId' in action && action.orderId === ghost) trace.push(action.kind);
    }
    expect(trace).toEqual(['order_missed', 'order_missed', 'order_closed_missing']);
    expect(local.read().openOrders.some((order) => order.orderId === ghost)).toBe(false);
    expect(gate.isOpen).toBe(true);
  });

  it('records venue fills in the ledger once, under kalshi.rest with the fill id', async () => {
    const http = makeHttp();
    const book = await http.getOrderbook(ticker, 1);
    const bestNoBid = book.noBids[0];
    if (bestNoBid === undefined) throw new Error(`${ticker} has no NO bids to take`);
    // Buy one YES at the best ask (1 − best NO bid), IOC: a real engine fill against the maker.
    await http.createOrder({
      ...restingBid(`take-${randomUUID()}`),
      priceE4: priceE4(10_000 - bestNoBid.priceE4),
      timeInForce: 'immediate_or_cancel',
    });
    const { ledger, reconciler } = makeReconciler(http);
    const first = await reconciler.run();
    expect(first.fillsRecorded).toBeGreaterThan(0);
    const fills = ledger.readByKind(REST_FILL_KIND);
    expect(fills.length).toBe(first.fillsRecorded);
    for (const event of fills) expect(event.source).toBe(REST_FILL_SOURCE);
    const second = await reconciler.run();
    expect(second.fillsRecorded).toBe(0);
    expect(second.plan?.actions.some((action) => action.kind === 'fill_recorded')).toBe(false);

    // A fresh agent whose ledger got the fills from the WS (same key, source kalshi.ws) does not
    // record them again from REST.
    const restarted = makeReconciler(http);
    await restarted.ledger.append(
      fills.map(({ sourceEventId, kind, payload, venueTsMs }) => ({
        source: 'kalshi.ws',
        sourceEventId,
        kind,
        payload,
        venueTsMs,
      })),
    );
    const third = await restarted.reconciler.run();
    expect(third.fillsRecorded).toBe(0);
    expect(third.plan?.actions.some((action) => action.kind === 'fill_recorded')).toBe(false);
  });

  it('fails closed on schema drift in /portfolio/balance: gate halted with the reason, contract light red', async () => {
    const drift = await sim.admin('/faults/drift', {
      field: 'balance_dollars',
      path_prefix: '/portfolio/balance',
    });
    expect(drift.ok).toBe(true);
    try {
      const contract = new ContractMonitor();
      const { gate, reconciler } = makeReconciler(makeHttp(contract));
      const report = await reconciler.run();

      expect(report.isOk).toBe(false);
      expect(report.failure).toMatch(/contract: GET \/portfolio\/balance/);
      expect(gate.isOpen).toBe(false);
      expect(gate.state().reason).toMatch(/^reconcile_failed: contract/);
      expect(() => gate.assertOpen()).toThrow(/reconcile_failed/);
      const health = new HealthTracker().build({
        exchange: { status: undefined, error: undefined },
        contract: contract.state(),
        stream: undefined,
        gate: gate.state(),
        budget: new TokenBucketLimiter().budget(),
      });
      expect(health.apiContract.light).toBe('red');
      expect(health.apiContract.detail).toMatch(/balance_dollars/);
      expect(health.reconciliation.light).toBe('red');
      expect(health.venue.light).toBe('red');
    } finally {
      await sim.admin('/faults', undefined, 'DELETE');
    }
  });
});
