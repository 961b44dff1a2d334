/**
 * The order intent is committed without an fsync (store `isFsyncOptional`): it survives a process
 * crash but may be lost with the OS. Then the venue holds an order whose intent is in no ledger;
 * start-up reconciliation must adopt it as ours (client order id with our prefix), never as an
 * external order, while a foreign client order id still comes in as external. Real sim + store.
 */
import { randomUUID } from 'node:crypto';
import { ClientOrderId, countE2, priceE4 } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/execution/harness.js';
import { CLIENT_ORDER_ID_PREFIX } from './index.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(11);
}, 60_000);
afterAll(async () => {
  await h.close();
});

function restingBid(clientOrderId: string) {
  return {
    ticker: h.ticker,
    clientOrderId: ClientOrderId.parse(clientOrderId),
    side: 'bid' as const,
    countE2: countE2(100),
    priceE4: priceE4(100),
    timeInForce: 'good_till_canceled' as const,
    selfTradePrevention: 'taker_at_cross' as const,
  };
}

describe('an order intent lost with the OS', () => {
  it('is adopted by reconciliation as ours by its client order id prefix; a foreign one is external', async () => {
    // Straight to the venue: no intent in the ledger, nothing in the connector's local state.
    const ours = await h.connector.http.createOrder(restingBid(`${CLIENT_ORDER_ID_PREFIX}${randomUUID()}`));
    const foreign = await h.connector.http.createOrder(restingBid(`manual-${randomUUID()}`));
    expect((await h.connector.local.read()).openOrders.map((o) => o.orderId)).not.toContain(ours.orderId);

    const report = await h.connector.reconcile();

    const imported = (report.plan?.actions ?? []).flatMap((action) =>
      action.kind === 'order_imported' ? [[action.order.orderId, action.isExternal] as const] : [],
    );
    expect(imported).toContainEqual([ours.orderId, false]);
    expect(imported).toContainEqual([foreign.orderId, true]);
    expect((await h.connector.local.read()).openOrders).toContainEqual(
      expect.objectContaining({ orderId: ours.orderId, isExternal: false }),
    );
    await h.connector.cancelOrder(ours.orderId, h.ticker);
    await h.connector.cancelOrder(foreign.orderId, h.ticker);
  }, 60_000);
});
