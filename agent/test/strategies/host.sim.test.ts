/**
 * The strategy host on the real simulator (real KalshiConnector, real SQLite ledger, the real
 * execution road and activity recorder): strategies are disabled by default; an enabled Volatility
 * Rider sees a breakout of the real replayed book (our own resting bids lift its best bid toward the replayed ask) and
 * places a real order through the road — origin strategy in the ledger, in the strategy's venue
 * order group — and an enabled Hype-Fade with no sentiment service records its blocked decision
 * (sentiment_stale) in the activity feed. Settings survive a re-open of the same ledger.
 */
import type { ActivityEvent } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityRecorder } from '../../src/activity/index.js';
import { StreamHub } from '../../src/api/stream/index.js';
import { ExecutionService } from '../../src/execution/index.js';
import { DEFAULT_RISK_SETTINGS } from '../../src/risk/index.js';
import { STRATEGY_DECISION_KIND, StrategyHost } from '../../src/strategy-host/index.js';
import { logger, restingRequest, startHarness, waitFor, type Harness } from '../execution/harness.js';

let harness: Harness;
let service: ExecutionService;
let host: StrategyHost;

function openHost(): StrategyHost {
  return new StrategyHost({
    current: () => ({ store: harness.store, venue: harness.connector }),
    execution: () => service,
    activity: new ActivityRecorder({ ledger: () => harness.store.ledger, hub: new StreamHub() }),
    logger,
    tickEveryMs: 100,
  });
}

beforeAll(async () => {
  harness = await startHarness(57);
  service = ExecutionService.open({
    ledger: harness.store.ledger,
    venue: () => harness.connector,
    logger,
    riskSettings: () => DEFAULT_RISK_SETTINGS,
    activity: new ActivityRecorder({ ledger: () => harness.store.ledger, hub: new StreamHub() }),
  });
  host = openHost();
}, 90_000);

afterAll(async () => {
  host.close();
  service.close();
  await harness.close();
});

function strategyOrders() {
  return service
    .list()
    .filter((o) => o.origin.kind === 'strategy' && o.origin.strategyId === 'volatility-rider');
}

/**
 * Moves the real book with our own manual resting bids (the simulator's replay supplies the
 * asks): `far` adds size at $0.01 (a book change, mid unchanged: a calm sample); otherwise the
 * best bid is lifted to $0.03 under the best ask (a jump of the mid: the breakout).
 */
async function bid(kind: 'far' | 'lift'): Promise<void> {
  const book = harness.connector.quotableBook(harness.ticker);
  const ask = book?.yesAsks[0]?.priceE4 ?? 9_900;
  const priceE4 = kind === 'far' ? 100 : ask - 300;
  const result = await service.place({ ...restingRequest(harness.ticker), priceE4 }, { kind: 'manual' });
  if (result.kind !== 'order')
    throw new Error(`manual bid denied: ${result.denial.rule} ${result.denial.detail}`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await host.settled();
}

describe('strategy host on the simulator', () => {
  it('lists both strategies, disabled, with their default configs', () => {
    const list = host.list();
    expect(list.map((s) => [s.id, s.isEnabled])).toEqual([
      ['volatility-rider', false],
      ['hype-fade', false],
    ]);
    expect(list[0]?.config).toMatchObject({ windowSize: 20, zThreshold: 2.5, tickers: [] });
  });

  it('refuses a bad config naming the field, and records nothing', async () => {
    await expect(
      host.update('volatility-rider', { config: { zThreshold: 'high' } }, null),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'config.zThreshold' },
    });
    expect(host.list()[0]?.changedAtMs).toBeNull();
  });

  it('an enabled Volatility Rider places a real order through the road; Hype-Fade records why it did not', async () => {
    const ticker = harness.ticker;
    await host.update(
      'volatility-rider',
      {
        isEnabled: true,
        config: {
          tickers: [ticker],
          windowSize: 3,
          sampleIntervalMs: 0,
          zThreshold: 0.5,
          minVolE4: 1,
          preCloseWindowMs: 0,
          maxSpreadE4: 9_999,
          maxBookAgeMs: 86_400_000,
          riskBudgetE6: 30_000,
          maxCountE2: 100,
        },
      },
      'device-test',
    );
    await host.update(
      'hype-fade',
      { isEnabled: true, config: { markets: [{ ticker, topic: 'cpi' }], minMoveE4: 1 } },
      null,
    );
    host.tick();
    for (let i = 0; i < 4; i += 1) await bid('far');
    await bid('lift');
    await waitFor(() => (strategyOrders().length > 0 ? true : undefined));
    // The first strategy order is the entry (an exit may follow once it fills).
    const [order] = strategyOrders().sort((a, b) => a.createdAtMs - b.createdAtMs);
    expect(order).toBeDefined();
    expect(order).toMatchObject({ ticker, side: 'bid', countE2: 100, timeInForce: 'immediate_or_cancel' });

    // The ledger: the road's intent row carries origin strategy; the host's decision row says sent.
    const intents = harness.store.ledger
      .readByKind('execution.intent')
      .map((row) => JSON.stringify(row.payload));
    expect(
      intents.some((p) => p.includes(order?.clientOrderId ?? '?') && p.includes('"volatility-rider"')),
    ).toBe(true);
    const decisions = harness.store.ledger
      .readByKind(STRATEGY_DECISION_KIND)
      .map((row) => row.payload as Record<string, unknown>);
    const sent = decisions.find((d) => JSON.stringify(d.outcome).includes(order?.clientOrderId ?? '?'));
    expect(sent).toMatchObject({
      strategyId: 'volatility-rider',
      outcome: { kind: 'sent' },
      decision: { kind: 'intent' },
    });

    // Every strategy sell that followed is an exit of that position: reduce-only.
    const sells = decisions.filter((d) => JSON.stringify(d.decision).includes('"side":"ask"'));
    for (const sell of sells) expect(sell).toMatchObject({ decision: { isReduceOnly: true } });

    // The venue: the order is in the strategy's order group.
    const groupId = service.orderGroups.groupOf('volatility-rider')?.orderGroupId;
    expect(groupId).toBeDefined();
    const venueOrders = await harness.connector.http.getOrders({ ticker, limit: 1000 });
    const venueOrder = venueOrders.items.find((o) => o.clientOrderId === order?.clientOrderId);
    expect(venueOrder?.orderGroupId).toBe(groupId);

    // The feed: Hype-Fade saw the same fast move and refused it (no sentiment service).
    const blocked = await waitFor(() =>
      harness.store.ledger
        .readByKind('activity.not_traded')
        .map((row) => row.payload as ActivityEvent)
        .find((e) => e.strategyId === 'hype-fade'),
    );
    expect(blocked).toMatchObject({ kind: 'not_traded', ticker, notTradedReason: 'sentiment_stale' });
    expect(blocked.message).toContain('sentiment unavailable for cpi');
  }, 60_000);

  it('keeps enablement and config per environment ledger across a re-open', () => {
    const reopened = openHost();
    try {
      const list = reopened.list();
      expect(list.map((s) => s.isEnabled)).toEqual([true, true]);
      expect(list[0]?.config).toMatchObject({ windowSize: 3, tickers: [harness.ticker] });
      expect(list[0]?.changedAtMs).not.toBeNull();
    } finally {
      reopened.close();
    }
  });
});
