/**
 * Crash recovery of the execution road against the real simulator: an ExecutionService that dies
 * between the intent and the send, or between the send and the answer, is replaced by a new one
 * on the same SQLite store; reconciliation settles each order by client order id, and the venue
 * never sees a second order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExecutionService } from '../../src/execution/index.js';
import { logger, restingRequest, startHarness, waitFor, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(21);
}, 90_000);

afterAll(async () => {
  await harness.close();
});

function open(): ExecutionService {
  return ExecutionService.open({ ledger: harness.store.ledger, venue: () => harness.connector, logger });
}

async function recordSentIntent(service: ExecutionService, clientOrderId: string): Promise<void> {
  const { ticker } = harness;
  await service.journal.recordIntent({
    clientOrderId: clientOrderId as never,
    ticker,
    side: 'bid',
    priceE4: 100 as never,
    countE2: 100 as never,
    timeInForce: 'good_till_canceled',
    reduceOnly: false,
    origin: { kind: 'manual' },
    createdAtMs: Date.now(),
  });
  await service.journal.apply(clientOrderId as never, { type: 'sent' });
}

async function venueOrdersWith(clientOrderId: string) {
  const page = await harness.connector.http.getOrders({ ticker: harness.ticker, limit: 1000 });
  return page.items.filter((order) => order.clientOrderId === clientOrderId);
}

describe('execution crash recovery', () => {
  it('died after the intent, before the send: the next run proves it was never placed', async () => {
    const first = open();
    const clientOrderId = `pt-crash-before-send-${Date.now()}`;
    await recordSentIntent(first, clientOrderId);
    first.close();

    const second = open();
    // Handed to reconciliation as unknown: never resent.
    await waitFor(() => (second.journal.get(clientOrderId)?.status === 'unknown' ? true : undefined));
    const settled = await waitFor(() => {
      const order = second.journal.get(clientOrderId);
      return order?.status === 'rejected' ? order : undefined;
    }, 20_000);
    expect(settled.statusDetail).toMatch(/never placed/);
    expect(await venueOrdersWith(clientOrderId)).toHaveLength(0);
    second.close();
  }, 30_000);

  it('died after the send, before the answer: the next run adopts the venue order, no second order', async () => {
    const first = open();
    const clientOrderId = `pt-crash-after-send-${Date.now()}`;
    await recordSentIntent(first, clientOrderId);
    first.close();
    await waitFor(() => (harness.connector.tradingState().mode === 'active' ? true : undefined));
    // The send that happened just before the crash (the answer never reached the road).
    const sent = await harness.connector.createOrder({
      ...restingRequest(harness.ticker),
      clientOrderId,
      priceE4: 100 as never,
      countE2: 100 as never,
      selfTradePrevention: 'taker_at_cross',
    });
    expect(sent.status).toBe('ok');

    const second = open();
    const adopted = await waitFor(() => {
      const order = second.journal.get(clientOrderId);
      return order?.status === 'resting' ? order : undefined;
    });
    expect(adopted.orderId).toBe(sent.status === 'ok' ? sent.value.orderId : null);
    // The same key from the ticket again: the adopted order, not a new one.
    const again = await second.place(restingRequest(harness.ticker, clientOrderId), { kind: 'manual' });
    expect(again).toMatchObject({ kind: 'order', isExisting: true });
    expect(await venueOrdersWith(clientOrderId)).toHaveLength(1);
    second.close();
  }, 30_000);
});
