/**
 * The manual order road on the real agent process against the real simulator: place → list →
 * activity → cancel, through the paired API exactly as the PWA will call it.
 */
import { describe, expect, it } from 'vitest';
import { ActivityPage, ErrorBody, OrderList, OrderResponse } from '@pt/protocol';
import { usePairedSimAgent } from './paired-sim-agent.js';

const { call, waitForActive, openMarket } = usePairedSimAgent();

describe('manual orders on the real agent', () => {
  it('places a resting order on the simulator, lists it, records it in the activity feed, and cancels it', async () => {
    await waitForActive();
    const ticker = await openMarket();
    const placed = await call('POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: 100,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      maxSlippageE4: 9_999,
    });
    const placedText = await placed.text();
    expect(placed.status, placedText).toBe(201);
    const { order } = OrderResponse.parse(JSON.parse(placedText));
    expect(order).toMatchObject({ ticker, status: 'resting', origin: { kind: 'manual' } });
    if (order.orderId === null) throw new Error('a resting order has a venue id');

    const list = OrderList.parse(await (await call('GET', '/v1/orders')).json());
    expect(list.orders.map((o) => o.orderId)).toContain(order.orderId);

    // The venue's own events reach the feed too: the trading gate opening after reconciliation.
    const gate = ActivityPage.parse(await (await call('GET', '/v1/activity?kind=trading_state')).json());
    expect(gate.events.length).toBeGreaterThan(0);
    const activity = ActivityPage.parse(await (await call('GET', `/v1/activity?ticker=${ticker}`)).json());
    expect(activity.events.some((e) => e.kind === 'order' && e.clientOrderId === order.clientOrderId)).toBe(
      true,
    );

    const canceled = await call('DELETE', `/v1/orders/${order.orderId}`);
    const canceledText = await canceled.text();
    expect(canceled.status, canceledText).toBe(200);
    expect(OrderResponse.parse(JSON.parse(canceledText)).order.status).toBe('canceled');
  }, 60_000);

  it("puts the trader's switch changes in the activity feed, with who and why", async () => {
    await waitForActive();
    const halt = await call('POST', '/v1/trading-state', { mode: 'halted', reason: 'e2e pause' });
    expect(halt.status, await halt.text()).toBe(200);
    const resume = await call('POST', '/v1/trading-state', { mode: 'active', reason: 'e2e back' });
    expect(resume.status, await resume.text()).toBe(200);
    // The feed entry is written after the switch answers (the write queue batches it): poll.
    const messages = async (): Promise<string[]> =>
      ActivityPage.parse(await (await call('GET', '/v1/activity?kind=trading_state')).json()).events.map(
        (e) => e.message,
      );
    const deadline = Date.now() + 10_000;
    let seen = await messages();
    while (
      !seen.some((m) => m.startsWith('Trading resumed by the trader: e2e back')) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await messages();
    }
    expect(seen.some((m) => m.startsWith('Trading halted by the trader: e2e pause'))).toBe(true);
    expect(seen.some((m) => m.startsWith('Trading resumed by the trader: e2e back'))).toBe(true);
  }, 30_000);

  it('refuses a fat-fingered limit far from the mid with the rule named, and nothing reaches the venue', async () => {
    const ticker = await openMarket();
    const res = await call('POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: 9_900,
      countE2: 100,
      timeInForce: 'good_till_canceled',
      maxSlippageE4: 100,
    });
    const text = await res.text();
    expect(res.status, text).toBe(422);
    const body = ErrorBody.parse(JSON.parse(text));
    expect(body.code).toBe('RISK_DENIED');
    expect(body.details?.['rule']).toBe('FAT_FINGER');
  }, 30_000);
});
