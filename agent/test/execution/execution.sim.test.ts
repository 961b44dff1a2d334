/**
 * The execution road end to end against the REAL simulator: a real KalshiConnector (REST, limiter,
 * books, WS stream), LedgerLocalState and the ExecutionService on a real SQLite store.
 */
import { randomUUID } from 'node:crypto';
import type { MarketTicker, Order } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityRecorder } from '../../src/activity/index.js';
import { StreamHub } from '../../src/api/stream/index.js';
import type { KalshiConnector } from '../../src/connectors/kalshi/connector.js';
import { CLIENT_ORDER_ID_PREFIX, DENIED_KIND, ExecutionService } from '../../src/execution/index.js';
import type { Store } from '../../src/store/index.js';
import type { SimVenue } from '../helpers/sim-venue.js';
import { logger, restingRequest as resting, startHarness, waitFor, type Harness } from './harness.js';

let harness: Harness;
let sim: SimVenue;
let store: Store;
let connector: KalshiConnector;
let execution: ExecutionService;
let ticker: MarketTicker;

async function venueOrdersWith(clientOrderId: string) {
  const page = await connector.http.getOrders({ ticker, limit: 1000 });
  return page.items.filter((order) => order.clientOrderId === clientOrderId);
}

/** Keys of the activity entries in the ledger (source `agent`). */
function activityKeys(): string[] {
  return ['activity.order', 'activity.risk'].flatMap((kind) =>
    store.ledger.readByKind(kind, { limit: 10_000 }).map((row) => row.sourceEventId),
  );
}

function restingRequest(clientOrderId?: string) {
  return resting(ticker, clientOrderId);
}

function placedOrder(result: Awaited<ReturnType<ExecutionService['place']>>): Order {
  if (result.kind !== 'order') throw new Error(`denied: ${result.denial.rule} ${result.denial.detail}`);
  return result.order;
}

beforeAll(async () => {
  harness = await startHarness(7);
  ({ sim, store, connector, ticker } = harness);
  const activity = new ActivityRecorder({ ledger: () => store.ledger, hub: new StreamHub() });
  execution = ExecutionService.open({ ledger: store.ledger, venue: () => connector, logger, activity });
}, 90_000);

afterAll(async () => {
  execution.close();
  await harness.close();
});

describe('ExecutionService against the simulator', () => {
  it('places a resting order: intent in the ledger first, resting on the venue', async () => {
    const order = placedOrder(await execution.place(restingRequest(), { kind: 'manual' }));
    expect(order).toMatchObject({ status: 'resting', ticker, filledCountE2: 0, remainingCountE2: 100 });
    expect(order.clientOrderId?.startsWith(CLIENT_ORDER_ID_PREFIX)).toBe(true);
    const onVenue = await venueOrdersWith(order.clientOrderId ?? '');
    expect(onVenue.map((o) => [o.orderId, o.status])).toEqual([[order.orderId, 'resting']]);
    await waitFor(() => (activityKeys().includes(`order:${order.clientOrderId}:acked`) ? true : undefined));
    expect(activityKeys()).toContain(`order:${order.clientOrderId}:placed`);
    const intents = store.ledger.readByKind('execution.intent', { limit: 1000 });
    expect(intents.some((row) => JSON.stringify(row.payload).includes(order.clientOrderId ?? '?'))).toBe(
      true,
    );
  });

  it('a marketable order fills', async () => {
    const book = connector.quotableBook(ticker);
    const ask = book?.yesAsks[0];
    if (ask === undefined) throw new Error('no ask to lift');
    const order = placedOrder(
      await execution.place(
        {
          ticker,
          side: 'bid',
          priceE4: ask.priceE4,
          countE2: Math.min(100, ask.countE2),
          timeInForce: 'immediate_or_cancel',
          maxSlippageE4: 9_999,
        },
        { kind: 'manual' },
      ),
    );
    expect(order.filledCountE2).toBeGreaterThan(0);
    expect(['filled', 'canceled']).toContain(order.status);
    const [onVenue] = await venueOrdersWith(order.clientOrderId ?? '');
    expect(onVenue?.fillCountE2).toBe(order.filledCountE2);
  });

  it('the same clientOrderId twice (even at once) makes one venue order', async () => {
    const clientOrderId = `ticket-${randomUUID()}`;
    const [first, second] = await Promise.all([
      execution.place(restingRequest(clientOrderId), { kind: 'manual' }),
      execution.place(restingRequest(clientOrderId), { kind: 'manual' }),
    ]);
    const third = await execution.place(restingRequest(clientOrderId), { kind: 'manual' });
    expect(placedOrder(first).orderId).not.toBeNull();
    expect(placedOrder(second).orderId).toBe(placedOrder(first).orderId);
    expect(third).toMatchObject({
      kind: 'order',
      isExisting: true,
      order: { orderId: placedOrder(first).orderId },
    });
    expect(await venueOrdersWith(clientOrderId)).toHaveLength(1);
  });

  it('a risk denial never reaches the venue and is recorded', async () => {
    const clientOrderId = `big-${randomUUID()}`;
    const result = await execution.place(
      { ...restingRequest(clientOrderId), countE2: 1_000_000 },
      { kind: 'manual' },
    );
    expect(result).toMatchObject({ kind: 'denied', denial: { rule: 'MAX_ORDER_SIZE' } });
    expect(await venueOrdersWith(clientOrderId)).toHaveLength(0);
    expect(execution.journal.get(clientOrderId)).toBeUndefined();
    const denied = store.ledger.readByKind(DENIED_KIND, { limit: 1000 });
    expect(denied.map((row) => row.payload)).toContainEqual(
      expect.objectContaining({ clientOrderId, rule: 'MAX_ORDER_SIZE' }),
    );
    await waitFor(() => (activityKeys().includes(`risk:${clientOrderId}`) ? true : undefined));
    const fat = await execution.place({ ...restingRequest(), maxSlippageE4: 100 }, { kind: 'manual' });
    expect(fat).toMatchObject({ kind: 'denied', denial: { rule: 'FAT_FINGER' } });
  });

  it('a lost create: unknown → market blocked → reconciliation finds it → unblocked, never resubmitted', async () => {
    // Data frames stop, so the WS user_order cannot settle the order first: reconciliation must.
    await sim.admin('/faults/ws/stall', { is_stalled: true });
    await sim.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      hold_ms: 3_000,
    });
    const order = placedOrder(await execution.place(restingRequest(), { kind: 'manual' }));
    expect(order.status).toBe('unknown');
    expect(order.orderId).toBeNull();
    await waitFor(() => (activityKeys().includes(`order:${order.clientOrderId}:unknown`) ? true : undefined));
    const blocked = await execution.place(restingRequest(), { kind: 'manual' });
    expect(blocked).toMatchObject({ kind: 'denied', denial: { rule: 'UNKNOWN_OUTCOME_PENDING' } });
    const clientOrderId = order.clientOrderId ?? '';
    const resolved = await waitFor(() => {
      const now = execution.journal.get(clientOrderId);
      return now?.status === 'resting' ? now : undefined;
    });
    expect(resolved.orderId).not.toBeNull();
    expect(await venueOrdersWith(clientOrderId)).toHaveLength(1);
    await sim.admin('/faults/ws/stall', { is_stalled: false });
    await waitFor(() => connector.quotableBook(ticker) ?? undefined);
    const after = placedOrder(await execution.place(restingRequest(), { kind: 'manual' }));
    expect(after.status).toBe('resting');
  }, 30_000);

  it('cancels one order, then cancel-all empties the venue', async () => {
    const order = placedOrder(await execution.place(restingRequest(), { kind: 'manual' }));
    const canceled = await execution.cancel(order.orderId ?? '');
    expect(canceled).toMatchObject({ status: 'canceled', remainingCountE2: 0 });
    const [onVenue] = await venueOrdersWith(order.clientOrderId ?? '');
    expect(onVenue?.status).toBe('canceled');

    const a = placedOrder(await execution.place(restingRequest(), { kind: 'manual' }));
    const result = await execution.cancelAll();
    expect(result.canceled).toContain(a.orderId);
    expect(result.unknown).toEqual([]);
    const resting = await connector.http.getOrders({ status: 'resting', limit: 1000 });
    expect(resting.items).toEqual([]);
    expect(execution.list().filter((o) => o.status === 'resting')).toEqual([]);
  });
});
