/**
 * The venue-side backstop on the real simulator (real KalshiConnector, real SQLite ledger):
 * strategy orders go into their strategy's order group (one per strategy, kept in the ledger,
 * re-used by the next run, re-created when the limit changes or the venue has lost it); a group
 * that trips cancels the strategy's orders through the lifecycle and lands in the activity feed;
 * `cancel_order_on_pause` follows the setting order by order.
 */
import { OrderOrigin } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityRecorder } from '../../src/activity/index.js';
import { StreamHub } from '../../src/api/stream/index.js';
import { ExecutionService } from '../../src/execution/index.js';
import { ORDER_GROUP_KIND } from '../../src/execution/order-group-events.js';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from '../../src/risk/index.js';
import { logger, restingRequest, startHarness, waitFor, type Harness } from '../execution/harness.js';

let harness: Harness;
let settings: RiskSettings = DEFAULT_RISK_SETTINGS;
const strategy = (strategyId: string): OrderOrigin => OrderOrigin.parse({ kind: 'strategy', strategyId });

beforeAll(async () => {
  harness = await startHarness(31);
}, 90_000);

afterAll(async () => {
  await harness.close();
});

function open(): ExecutionService {
  return ExecutionService.open({
    ledger: harness.store.ledger,
    venue: () => harness.connector,
    logger,
    riskSettings: () => settings,
    activity: new ActivityRecorder({ ledger: () => harness.store.ledger, hub: new StreamHub() }),
  });
}

async function venueOrder(clientOrderId: string) {
  const page = await harness.connector.http.getOrders({ ticker: harness.ticker, limit: 1000 });
  const matches = page.items.filter((order) => order.clientOrderId === clientOrderId);
  expect(matches).toHaveLength(1);
  const [order] = matches;
  if (order === undefined) throw new Error(`no venue order ${clientOrderId}`);
  return order;
}

async function placeResting(service: ExecutionService, origin: OrderOrigin, clientOrderId: string) {
  const result = await service.place(restingRequest(harness.ticker, clientOrderId), origin);
  if (result.kind !== 'order') throw new Error(`denied: ${result.denial.rule} ${result.denial.detail}`);
  expect(result.order.status).toBe('resting');
  return result.order;
}

const unique = (label: string): string => `pt-${label}-${Date.now()}-${Math.round(Math.random() * 1e6)}`;

describe('strategy order groups', () => {
  it('puts a strategy order in its group, re-uses it for the next order and the next run, and leaves manual orders out', async () => {
    settings = RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, strategyGroupContractsLimitE2: 500 });
    const first = open();
    const a = await placeResting(first, strategy('s-reuse'), unique('reuse-a'));
    const b = await placeResting(first, strategy('s-reuse'), unique('reuse-b'));
    const manual = await placeResting(first, { kind: 'manual' }, unique('manual'));
    const groupId = first.orderGroups.groupOf('s-reuse')?.orderGroupId;
    expect(groupId).toBeDefined();
    expect((await venueOrder(a.clientOrderId ?? '')).orderGroupId).toBe(groupId);
    expect((await venueOrder(b.clientOrderId ?? '')).orderGroupId).toBe(groupId);
    expect((await venueOrder(manual.clientOrderId ?? '')).orderGroupId).toBeUndefined();
    const group = await harness.connector.http.getOrderGroup(groupId ?? '');
    expect(group.contractsLimitE2).toBe(500);
    expect([...group.orderIds].sort()).toEqual([a.orderId, b.orderId].sort());
    first.close();

    // The next run (same ledger): the venue still has the group, so it is re-used.
    const second = open();
    expect(second.orderGroups.groupOf('s-reuse')?.orderGroupId).toBe(groupId);
    const c = await placeResting(second, strategy('s-reuse'), unique('reuse-c'));
    expect((await venueOrder(c.clientOrderId ?? '')).orderGroupId).toBe(groupId);
    const created = harness.store.ledger
      .readByKind(ORDER_GROUP_KIND)
      .filter((row) => JSON.stringify(row.payload).includes('"s-reuse"'));
    expect(created).toHaveLength(1);
    second.close();
  }, 60_000);

  it('sets up one group when a strategy sends its first orders concurrently', async () => {
    settings = RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, strategyGroupContractsLimitE2: 500 });
    const service = open();
    const [a, b] = await Promise.all([
      placeResting(service, strategy('s-burst'), unique('burst-a')),
      placeResting(service, strategy('s-burst'), unique('burst-b')),
    ]);
    const groupId = service.orderGroups.groupOf('s-burst')?.orderGroupId;
    expect((await venueOrder(a.clientOrderId ?? '')).orderGroupId).toBe(groupId);
    expect((await venueOrder(b.clientOrderId ?? '')).orderGroupId).toBe(groupId);
    const rows = harness.store.ledger
      .readByKind(ORDER_GROUP_KIND)
      .filter((row) => JSON.stringify(row.payload).includes('"s-burst"'));
    expect(rows).toHaveLength(1);
    service.close();
  }, 60_000);

  it('re-creates the group when the limit setting changes or the venue no longer has it', async () => {
    settings = RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, strategyGroupContractsLimitE2: 500 });
    const service = open();
    await placeResting(service, strategy('s-renew'), unique('renew-a'));
    const firstGroup = service.orderGroups.groupOf('s-renew')?.orderGroupId ?? '';

    settings = RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, strategyGroupContractsLimitE2: 700 });
    const b = await placeResting(service, strategy('s-renew'), unique('renew-b'));
    const secondGroup = service.orderGroups.groupOf('s-renew')?.orderGroupId ?? '';
    expect(secondGroup).not.toBe(firstGroup);
    expect((await venueOrder(b.clientOrderId ?? '')).orderGroupId).toBe(secondGroup);
    expect((await harness.connector.http.getOrderGroup(secondGroup)).contractsLimitE2).toBe(700);
    service.close();

    // Gone on the venue (deleted elsewhere): the next run finds out and creates a new one.
    await harness.connector.http.deleteOrderGroup(secondGroup);
    const next = open();
    const c = await placeResting(next, strategy('s-renew'), unique('renew-c'));
    const thirdGroup = next.orderGroups.groupOf('s-renew')?.orderGroupId ?? '';
    expect(thirdGroup).not.toBe(secondGroup);
    expect((await venueOrder(c.clientOrderId ?? '')).orderGroupId).toBe(thirdGroup);
    next.close();
  }, 60_000);

  it('a group that trips cancels the strategy orders through the lifecycle, is recorded once, and refuses new orders', async () => {
    settings = RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, strategyGroupContractsLimitE2: 100 });
    const service = open();
    const resting = await placeResting(service, strategy('s-trip'), unique('trip-resting'));
    const book = harness.connector.quotableBook(harness.ticker);
    const bestAsk = book?.yesAsks[0];
    if (bestAsk === undefined) throw new Error('no ask to cross');
    // One contract bought at the best ask: the group's limit (1 contract per 15 s) is reached.
    const crossing = await service.place(
      {
        ticker: harness.ticker,
        side: 'bid',
        priceE4: bestAsk.priceE4,
        countE2: 100,
        timeInForce: 'immediate_or_cancel',
        maxSlippageE4: 9_999,
        clientOrderId: unique('trip-cross'),
      },
      strategy('s-trip'),
    );
    expect(crossing).toMatchObject({ kind: 'order', order: { filledCountE2: 100 } });

    const canceled = await waitFor(() => {
      const order = service.journal.get(resting.clientOrderId ?? '');
      return order?.status === 'canceled' ? order : undefined;
    });
    expect(canceled.orderId).toBe(resting.orderId);
    expect((await venueOrder(resting.clientOrderId ?? '')).status).toBe('canceled');
    await waitFor(() => (service.orderGroups.groupOf('s-trip')?.isTripped === true ? true : undefined));
    const trips = harness.store.ledger
      .readByKind('activity.risk')
      .filter((row) => JSON.stringify(row.payload).includes('Order group of strategy s-trip tripped'));
    expect(trips).toHaveLength(1);

    // The venue refuses the strategy's next order while its group stays tripped; nothing rests.
    const refused = await service.place(
      restingRequest(harness.ticker, unique('trip-after')),
      strategy('s-trip'),
    );
    expect(refused).toMatchObject({ kind: 'order', order: { status: 'rejected' } });
    expect(refused.kind === 'order' ? refused.order.statusDetail : '').toMatch(/order_group_triggered/);
    service.close();
  }, 60_000);
});

describe('cancel_order_on_pause', () => {
  it('follows the setting order by order: a pause cancels the flagged order and leaves the other resting', async () => {
    const service = open();
    settings = RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, cancelOrdersOnPause: true });
    const flagged = await placeResting(service, { kind: 'manual' }, unique('pause-on'));
    settings = RiskSettings.parse({ ...DEFAULT_RISK_SETTINGS, cancelOrdersOnPause: false });
    const unflagged = await placeResting(service, { kind: 'manual' }, unique('pause-off'));
    try {
      const paused = await harness.sim.admin('/faults/pause', { is_paused: true });
      expect(await paused.json()).toMatchObject({ is_trading_paused: true });
      expect((await venueOrder(flagged.clientOrderId ?? '')).status).toBe('canceled');
      expect((await venueOrder(unflagged.clientOrderId ?? '')).status).toBe('resting');
      // The venue's cancel reaches our lifecycle too (WS user_order).
      await waitFor(() =>
        service.journal.get(flagged.clientOrderId ?? '')?.status === 'canceled' ? true : undefined,
      );
      expect(service.journal.get(unflagged.clientOrderId ?? '')?.status).toBe('resting');
    } finally {
      await harness.sim.admin('/faults/pause', { is_paused: false });
    }
    await service.cancel(unflagged.orderId ?? '');
    service.close();
  }, 60_000);
});
