/**
 * SIGKILL crash tests (issue 7): the REAL agent process against the REAL simulator, killed with
 * no chance to clean up at each point of an order's life, then restarted on the same data dir.
 * After each restart reconciliation must make the ledger equal the venue, and the venue must
 * never hold two orders for one client order id.
 *
 * (a) between the intent and the ack: the simulator runs the create and holds its answer;
 * (b) after the ack, before the fill: the order rests, the agent dies, another account fills it;
 * (c) between the intent and the send: a forwarder in front of the simulator swallows the create,
 *     so the venue provably never sees it → the next run proves it was never placed → rejected.
 */
import type { Order, OrderStatus } from '@pt/protocol';
import { OrderResponse } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerLocalState } from '../../src/connectors/kalshi/reconcile/ledger-local-state.js';
import { REST_FILL_KIND } from '../../src/connectors/kalshi/reconcile/reconciler.js';
import type { VenueOrder } from '../../src/connectors/kalshi/http/index.js';
import { openStore } from '../../src/store/index.js';
import { CrashRig, eventually, silent } from './crash-rig.js';
import { startHoldProxy, type HoldProxy } from './hold-proxy.js';

let rig: CrashRig;
let proxy: HoldProxy;
const ours: string[] = [];

beforeAll(async () => {
  rig = await CrashRig.start(61);
  proxy = await startHoldProxy(rig.sim.rest);
  await rig.launch();
}, 120_000);

afterAll(async () => {
  await proxy.close();
  await rig.close();
}, 30_000);

function coid(label: string): string {
  const id = `pt-crash-${label}-${Date.now()}`;
  ours.push(id);
  return id;
}

function bid(ticker: string, clientOrderId: string, priceE4: number) {
  return {
    ticker,
    side: 'bid',
    priceE4,
    countE2: 100,
    timeInForce: 'good_till_canceled',
    maxSlippageE4: 9_999,
    clientOrderId,
  };
}

const VENUE_STATUS: Partial<Record<OrderStatus, VenueOrder['status']>> = {
  resting: 'resting',
  partially_filled: 'resting',
  canceled: 'canceled',
  filled: 'executed',
};

/** Ledger equals venue: each order of ours the venue holds has the venue's status and fill count. */
async function expectLedgerEqualsVenue(): Promise<void> {
  const agentOrders = await rig.orders();
  for (const clientOrderId of ours) {
    const venue = await rig.venueOrders(clientOrderId);
    expect(venue.length, `venue orders for ${clientOrderId}`).toBeLessThanOrEqual(1);
    const mine = agentOrders.find((order) => order.clientOrderId === clientOrderId);
    const [onVenue] = venue;
    if (onVenue === undefined) {
      expect(mine?.status ?? 'rejected').toBe('rejected');
      continue;
    }
    expect(mine, clientOrderId).toBeDefined();
    expect(mine?.orderId).toBe(onVenue.orderId);
    expect(VENUE_STATUS[mine?.status ?? 'submitting']).toBe(onVenue.status);
    expect(mine?.filledCountE2).toBe(onVenue.fillCountE2);
  }
}

async function settled(clientOrderId: string, status: OrderStatus): Promise<Order> {
  return eventually(async () => {
    const order = await rig.order(clientOrderId);
    return order?.status === status ? order : undefined;
  }, `${clientOrderId} ${status}`);
}

describe('SIGKILL of the real agent, then restart and reconcile', () => {
  it('(a) between the intent and the ack: the next run adopts the order, one venue order, market unblocked', async () => {
    const { ticker } = await rig.spreadMarket();
    const clientOrderId = coid('a');
    const armed = await rig.sim.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      hold_ms: 15_000,
    });
    expect(armed.status).toBe(200);
    const placing = rig.call('POST', '/v1/orders', bid(ticker, clientOrderId, 100)).catch(() => null);
    // The simulator ran the create (the order rests) and holds the answer: kill the agent now.
    const [held] = await eventually(async () => {
      const found = await rig.venueOrders(clientOrderId);
      return found.length > 0 ? found : undefined;
    }, 'the held create on the venue');
    await rig.kill();
    expect(await placing).toBeNull();

    await rig.launch();
    const adopted = await settled(clientOrderId, 'resting');
    expect(adopted.orderId).toBe(held?.orderId);
    expect(await rig.venueOrders(clientOrderId)).toHaveLength(1);
    // Not blocked any more: a new order on the same market goes through.
    const next = await rig.call('POST', '/v1/orders', bid(ticker, coid('a-next'), 100));
    expect(next.status, await next.clone().text()).toBe(201);
    // The same key again is the adopted order, never a second one.
    const again = await rig.call('POST', '/v1/orders', bid(ticker, clientOrderId, 100));
    expect(OrderResponse.parse(await again.json()).order.orderId).toBe(held?.orderId);
    await expectLedgerEqualsVenue();
  }, 120_000);

  it('(b) after the ack, before the fill: the fill made while the agent was dead is recorded once', async () => {
    const { ticker, bestBidE4 } = await rig.spreadMarket();
    const priceE4 = bestBidE4 + 100;
    const clientOrderId = coid('b');
    const placed = await rig.call('POST', '/v1/orders', bid(ticker, clientOrderId, priceE4));
    expect(placed.status, await placed.clone().text()).toBe(201);
    const { order } = OrderResponse.parse(await placed.json());
    expect(order.status).toBe('resting');
    await rig.kill();

    // Another account sells into every bid at or above ours: ours fills (1 contract).
    await rig.sellIntoBid(ticker, priceE4);
    const [onVenue] = await rig.venueOrders(clientOrderId);
    expect(onVenue).toMatchObject({ status: 'executed', fillCountE2: 100 });

    await rig.launch();
    const filled = await settled(clientOrderId, 'filled');
    expect(filled.filledCountE2).toBe(100);
    await expectLedgerEqualsVenue();
  }, 120_000);

  it('(c) between the intent and the send: the next run proves it was never placed and rejects it', async () => {
    const { ticker } = await rig.spreadMarket();
    await rig.terminate();
    await rig.launch(proxy.rest);
    proxy.holdCreates = true;
    const clientOrderId = coid('c');
    const placing = rig.call('POST', '/v1/orders', bid(ticker, clientOrderId, 100)).catch(() => null);
    // The create left the road (intent and `sent` are committed first) and never reached the venue.
    await proxy.firstHeld;
    await rig.kill();
    expect(await placing).toBeNull();
    expect(proxy.held()).toBe(1);

    await rig.launch();
    const rejected = await settled(clientOrderId, 'rejected');
    expect(rejected.statusDetail).toMatch(/never placed/);
    expect(await rig.venueOrders(clientOrderId)).toHaveLength(0);
    await expectLedgerEqualsVenue();
  }, 120_000);

  it('leaves zero duplicate orders on the venue and a ledger whose fills and positions equal the venue', async () => {
    const venueOrders = (await rig.agentAccount().getOrders({ limit: 1000 })).items;
    const byClientOrderId = new Map<string, number>();
    for (const { clientOrderId } of venueOrders)
      if (clientOrderId !== undefined && clientOrderId !== null)
        byClientOrderId.set(clientOrderId, (byClientOrderId.get(clientOrderId) ?? 0) + 1);
    expect([...byClientOrderId].filter(([, count]) => count > 1)).toEqual([]);
    const positions = (await rig.agentAccount().getPositions()).marketPositions.filter(
      (p) => p.positionE2 !== 0,
    );

    expect(await rig.terminate()).toBe(0);
    const store = openStore({ dataDir: rig.dataDir, environment: 'sim', logger: silent });
    try {
      const filledB = venueOrders.find((order) => order.clientOrderId?.startsWith('pt-crash-b-') === true);
      const fillRows = store.ledger
        .readByKind(REST_FILL_KIND)
        .filter((row) => row.sourceEventId.endsWith(`:${filledB?.orderId ?? 'none'}`));
      expect(fillRows).toHaveLength(1);
      const local = (await LedgerLocalState.open(store.ledger)).read();
      const localPositions = [...local.positions].filter(([, count]) => count !== 0);
      expect(new Map(localPositions)).toEqual(new Map(positions.map((p) => [p.ticker, p.positionE2])));
    } finally {
      await store.close();
    }
  }, 60_000);
});
