/**
 * The risk cache against the REAL simulator: after a series of orders, fills, an amend and cancels
 * placed through the real ExecutionService, the snapshot from memory equals the one captured over
 * REST and every intent gets the same decision from both; a WS gap or a dropped socket makes the
 * cache invalid (decisions read REST) until its next baseline.
 */
import type { MarketTicker, Order } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KalshiConnector } from '../../src/connectors/kalshi/connector.js';
import type { ConnectorEvent } from '../../src/connectors/kalshi/venue-connector.js';
import { ExecutionService } from '../../src/execution/index.js';
import { unknownOutcomeTickers } from '../../src/execution/pre-trade.js';
import type { RiskCache } from '../../src/execution/risk-cache.js';
import { RiskCaches } from '../../src/execution/risk-cache-host.js';
import { captureRiskSnapshot, type SnapshotInputs } from '../../src/execution/risk-inputs.js';
import {
  DEFAULT_RISK_SETTINGS,
  evaluateOrder,
  RiskSettings,
  type OrderIntent,
  type RiskSnapshot,
} from '../../src/risk/index.js';
import { countE2, priceE4 } from '@pt/protocol';
import { logger, restingRequest, startHarness, waitFor, type Harness } from './harness.js';

let harness: Harness;
let connector: KalshiConnector;
let ticker: MarketTicker;
let execution: ExecutionService;
let caches: RiskCaches;
let cache: RiskCache;
let lastAccountEventAtMs = 0;

const LOOSE = RiskSettings.parse({
  ...DEFAULT_RISK_SETTINGS,
  maxOpenOrders: 1_000,
  maxOrdersPerWindow: 10_000,
  preCloseBlackoutMs: 0,
});

function placed(result: Awaited<ReturnType<ExecutionService['place']>>): Order {
  if (result.kind !== 'order') throw new Error(`denied: ${result.denial.rule} ${result.denial.detail}`);
  return result.order;
}

/** What the road's check() passes: working orders and every order's creation time. */
function inputs(): SnapshotInputs {
  return {
    venue: connector,
    ticker,
    ourOrders: execution.journal.workingOrders(),
    recentOrderTimesMs: execution.journal.createdTimesMs(),
    unknownOutcomeTickers: unknownOutcomeTickers(connector, execution.journal),
    nowMs: Date.now(),
  };
}

/** Arrays sorted, so two snapshots compare by content. */
function normalized(snapshot: RiskSnapshot): RiskSnapshot {
  const byJson = <T>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    ...snapshot,
    positions: byJson(snapshot.positions),
    restingOrders: byJson(snapshot.restingOrders),
    recentOrderTimesMs: [...snapshot.recentOrderTimesMs].sort((a, b) => a - b),
  };
}

/**
 * Quiet account (no event for 300 ms) and a cache baseline issued after its last event: the
 * cache's background re-read, triggered by the events (or the next one after a discarded read).
 */
async function settled(): Promise<void> {
  await waitFor(() => {
    const quietMs = Date.now() - lastAccountEventAtMs;
    const isReRead = cache.stats().lastBaselineIssuedAtMs > lastAccountEventAtMs;
    return quietMs >= 300 && isReRead && cache.isReady ? true : undefined;
  });
}

beforeAll(async () => {
  harness = await startHarness(11);
  ({ connector, ticker } = harness);
  connector.onEvent((event: ConnectorEvent) => {
    if (event.type === 'order_update' || event.type === 'fill' || event.type === 'position')
      lastAccountEventAtMs = Date.now();
  });
  caches = new RiskCaches({ logger, readLagMs: 0, refreshDelayMs: 100 });
  execution = ExecutionService.open({
    ledger: harness.store.ledger,
    venue: () => connector,
    logger,
    riskSettings: () => LOOSE,
    riskCaches: caches,
  });
  cache = caches.for(connector);
  await waitFor(() => (cache.isReady ? true : undefined));
}, 90_000);

afterAll(async () => {
  execution.close();
  caches.close();
  await harness.close();
});

describe('risk cache on the simulator', () => {
  it('after orders, fills, an amend and cancels, the memory snapshot equals the REST capture and decides the same', async () => {
    const rest1 = placed(await execution.place(restingRequest(ticker), { kind: 'manual' }));
    const rest2 = placed(
      await execution.place({ ...restingRequest(ticker), priceE4: 200 }, { kind: 'manual' }),
    );
    placed(
      await execution.place({ ...restingRequest(ticker), side: 'ask', priceE4: 9_800 }, { kind: 'manual' }),
    );
    const ask = connector.quotableBook(ticker)?.yesAsks[0];
    if (ask === undefined) throw new Error('no ask to lift');
    const taker = placed(
      await execution.place(
        {
          ticker,
          side: 'bid',
          priceE4: ask.priceE4,
          countE2: Math.min(300, ask.countE2),
          timeInForce: 'immediate_or_cancel',
          maxSlippageE4: 9_999,
        },
        { kind: 'manual' },
      ),
    );
    expect(taker.filledCountE2).toBeGreaterThan(0);
    await execution.amend(rest2.orderId ?? '', { countE2: 300 });
    await execution.cancel(rest1.orderId ?? '');
    await settled();
    const hitsBefore = cache.stats().hits;
    const all = execution.journal.list();
    expect(execution.journal.workingOrders()).toEqual(
      all.filter((o) => ['submitting', 'resting', 'partially_filled', 'unknown'].includes(o.status)),
    );
    expect(execution.journal.createdTimesMs()).toEqual(all.map((o) => o.createdAtMs));

    const fromMemory = await cache.capture(inputs());
    const fromRest = await captureRiskSnapshot(inputs());
    expect(fromMemory).not.toBeNull();
    expect(cache.stats().hits).toBe(hitsBefore + 1);
    if (fromMemory === null) return;
    expect(normalized({ ...fromMemory, nowMs: 0 })).toEqual(normalized({ ...fromRest, nowMs: 0 }));
    expect(fromRest.positions.some((p) => p.ticker === ticker && p.positionCountE2 > 0)).toBe(true);
    expect(fromRest.restingOrders.length).toBeGreaterThanOrEqual(2);

    const held = fromRest.positions.find((p) => p.ticker === ticker)?.positionCountE2 ?? 0;
    const variants: RiskSettings[] = [
      LOOSE,
      RiskSettings.parse({ ...LOOSE, maxPositionCountE2: held + 100 }),
      RiskSettings.parse({ ...LOOSE, maxEventLossE6: 1_000_000 }),
      RiskSettings.parse({ ...LOOSE, maxOpenOrders: fromRest.restingOrders.length }),
      RiskSettings.parse({ ...LOOSE, maxTotalExposureE6: 2_000_000 }),
    ];
    const intents: OrderIntent[] = [100, 5_000, 50_000].flatMap((count) =>
      (['buy', 'sell'] as const).map((action) => ({
        ticker,
        side: 'yes' as const,
        action,
        countE2: countE2(count),
        priceE4: priceE4(ask.priceE4),
        reduceOnly: false,
      })),
    );
    const rules = new Set<string>();
    for (const settings of variants)
      for (const intent of intents) {
        const decision = evaluateOrder(intent, fromMemory, settings);
        expect(decision).toEqual(evaluateOrder(intent, fromRest, settings));
        rules.add(decision.ok ? 'ok' : decision.rule);
      }
    // The comparison covered allowed orders and several different denials.
    expect(rules.size).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('a lifecycle message drops the market from the cache: a settled market is denied from memory as over REST', async () => {
    const markets = await connector.http.getMarkets({ status: 'open', limit: 200 });
    const other = markets.items.find((m) => m.ticker.startsWith('KXHIGHNY') && m.ticker !== ticker)?.ticker;
    if (other === undefined) throw new Error('the sim serves one open KXHIGHNY market only');
    const otherInputs = (): SnapshotInputs => ({ ...inputs(), ticker: other });
    const before = await cache.capture(otherInputs());
    expect(before?.markets.map((m) => [m.ticker, m.status])).toEqual([[other, 'active']]);
    const lifecycle = new Promise<void>((resolve) => {
      const off = connector.onEvent((event) => {
        if (event.type === 'lifecycle' && event.lifecycle.marketTicker === other) {
          off();
          resolve();
        }
      });
    });
    await harness.sim.admin('/faults/settle', { ticker: other, result: 'no' });
    await lifecycle;
    const fromRest = await captureRiskSnapshot(otherInputs());
    expect(fromRest.markets[0]?.status).toBe('closed');
    // The entry was dropped at the message; the refetch may still be answering (joined here).
    let fromMemory = await cache.capture(otherInputs());
    for (let i = 0; i < 50 && fromMemory?.markets[0]?.status !== 'closed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      fromMemory = await cache.capture(otherInputs());
    }
    if (fromMemory === null) throw new Error('the cache answered no snapshot');
    expect(fromMemory.markets).toEqual(fromRest.markets);
    const intent: OrderIntent = {
      ticker: other,
      side: 'yes',
      action: 'buy',
      countE2: countE2(100),
      priceE4: priceE4(5_000),
      reduceOnly: false,
    };
    expect(evaluateOrder(intent, fromMemory, LOOSE)).toEqual(evaluateOrder(intent, fromRest, LOOSE));
    expect(evaluateOrder(intent, fromMemory, LOOSE)).toMatchObject({ ok: false, rule: 'MARKET_NOT_ACTIVE' });
  }, 60_000);

  it('a WS seq gap makes the cache invalid at once; it is valid again after its baseline and equals REST', async () => {
    const sawInvalid = new Promise<boolean>((resolve) => {
      const off = connector.onEvent((event) => {
        if (event.type !== 'gap') return;
        off();
        resolve(cache.isReady);
      });
    });
    await harness.sim.admin('/faults/ws/seq-gap');
    expect(await sawInvalid).toBe(false);
    await waitFor(() => (cache.isReady ? true : undefined));
    await settled();
    const fromMemory = await cache.capture(inputs());
    expect(fromMemory).not.toBeNull();
    if (fromMemory !== null)
      expect(normalized({ ...fromMemory, nowMs: 0 })).toEqual(
        normalized({ ...(await captureRiskSnapshot(inputs())), nowMs: 0 }),
      );
  }, 60_000);

  it('a dropped socket invalidates the cache until reconciliation; then it follows the venue again', async () => {
    const states: boolean[] = [];
    const off = connector.onEvent((event) => {
      if (event.type === 'disconnected' || event.type === 'reconnected') states.push(cache.isReady);
    });
    await harness.sim.admin('/faults/ws/drop');
    await waitFor(() => (states.length >= 2 ? true : undefined), 30_000);
    off();
    expect(states.slice(0, 2)).toEqual([false, false]);
    await waitFor(() => (cache.isReady ? true : undefined), 30_000);
    const order = placed(await execution.place(restingRequest(ticker), { kind: 'manual' }));
    await settled();
    const fromMemory = await cache.capture(inputs());
    expect(fromMemory?.restingOrders).toContainEqual({
      ticker,
      side: 'yes',
      action: 'buy',
      priceE4: order.priceE4,
      remainingCountE2: order.remainingCountE2,
    });
    if (fromMemory !== null)
      expect(normalized({ ...fromMemory, nowMs: 0 })).toEqual(
        normalized({ ...(await captureRiskSnapshot(inputs())), nowMs: 0 }),
      );
  }, 90_000);
});
