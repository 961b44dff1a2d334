/**
 * A cancel or amend whose answer is lost (`outcome_unknown`) forces a reconciliation, and the
 * order's state comes from it — on the real simulator with its `lost_response` (the venue acted,
 * the answer never came) and `http_5xx` (the venue did nothing) faults. Also the shutdown cancel
 * (lifecycle/shutdown-cancel.ts) over the same real road: our orders canceled, bounded by its deadline.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExecutionService } from '../../src/execution/index.js';
import { cancelRestingForShutdown } from '../../src/lifecycle/shutdown-cancel.js';
import { logger, restingRequest, startHarness, type Harness } from '../execution/harness.js';

let harness: Harness;
let service: ExecutionService;

beforeAll(async () => {
  harness = await startHarness(41);
  service = ExecutionService.open({ ledger: harness.store.ledger, venue: () => harness.connector, logger });
}, 90_000);

afterAll(async () => {
  service.close();
  await harness.close();
});

afterEach(async () => {
  await harness.sim.admin('/faults', undefined, 'DELETE');
});

const unique = (label: string): string => `pt-${label}-${Date.now()}-${Math.round(Math.random() * 1e6)}`;

async function resting(label: string) {
  const result = await service.place(restingRequest(harness.ticker, unique(label)), { kind: 'manual' });
  if (result.kind !== 'order' || result.order.orderId === null) throw new Error('not placed');
  expect(result.order.status).toBe('resting');
  return { ...result.order, orderId: result.order.orderId };
}

async function venueOrder(clientOrderId: string | null) {
  const page = await harness.connector.http.getOrders({ ticker: harness.ticker, limit: 1000 });
  const matches = page.items.filter((order) => order.clientOrderId === clientOrderId);
  expect(matches).toHaveLength(1);
  const [order] = matches;
  if (order === undefined) throw new Error(`no venue order ${clientOrderId}`);
  return order;
}

async function fault(kind: 'lost_response' | 'http_5xx', method: string, pathPrefix: string): Promise<void> {
  const res = await harness.sim.admin('/faults/rest', {
    kind,
    method,
    path_prefix: pathPrefix,
    hold_ms: 0,
    status: 503,
  });
  expect(res.status).toBe(200);
}

describe('lost cancel and amend answers', () => {
  it('a cancel the venue carried out, whose answer was lost, comes back canceled from reconciliation', async () => {
    const order = await resting('lost-cancel');
    await fault('lost_response', 'DELETE', `/portfolio/events/orders/${order.orderId}`);
    const after = await service.cancel(order.orderId);
    expect(after.status).toBe('canceled');
    expect(service.journal.get(order.clientOrderId ?? '')?.status).toBe('canceled');
    expect((await venueOrder(order.clientOrderId)).status).toBe('canceled');
  }, 30_000);

  it('a cancel the venue never ran (503) comes back still resting from reconciliation, and can be canceled again', async () => {
    const order = await resting('failed-cancel');
    await fault('http_5xx', 'DELETE', `/portfolio/events/orders/${order.orderId}`);
    const after = await service.cancel(order.orderId);
    expect(after.status).toBe('resting');
    expect((await venueOrder(order.clientOrderId)).status).toBe('resting');
    expect((await service.cancel(order.orderId)).status).toBe('canceled');
  }, 30_000);

  it('an amend the venue carried out, whose answer was lost, takes the new count from reconciliation', async () => {
    const order = await resting('lost-amend');
    await fault('lost_response', 'POST', `/portfolio/events/orders/${order.orderId}/amend`);
    // Count only: the fat-finger guard would refuse a price this far below the mid.
    const after = await service.amend(order.orderId, { countE2: 300 });
    expect(after).toMatchObject({ kind: 'order', order: { status: 'resting', countE2: 300 } });
    const venue = await venueOrder(order.clientOrderId);
    expect(venue.fillCountE2 + venue.remainingCountE2).toBe(300);
    await service.cancel(after.kind === 'order' ? (after.order.orderId ?? '') : '');
  }, 30_000);
});

describe('shutdown cancel', () => {
  it('cancels every working order of ours on the venue and reports it', async () => {
    const a = await resting('shutdown-a');
    const b = await resting('shutdown-b');
    const report = await cancelRestingForShutdown(service, { deadlineMs: 10_000, logger });
    expect(report).toMatchObject({ working: 2, canceled: 2, failed: 0, pending: 0, isTimedOut: false });
    expect((await venueOrder(a.clientOrderId)).status).toBe('canceled');
    expect((await venueOrder(b.clientOrderId)).status).toBe('canceled');
  }, 30_000);

  it('stops waiting at its deadline and reports the order still pending', async () => {
    const order = await resting('shutdown-held');
    const res = await harness.sim.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'DELETE',
      path_prefix: `/portfolio/events/orders/${order.orderId}`,
      hold_ms: 5_000,
    });
    expect(res.status).toBe(200);
    const report = await cancelRestingForShutdown(service, { deadlineMs: 500, logger });
    expect(report).toMatchObject({ working: 1, canceled: 0, pending: 1, isTimedOut: true });
  }, 30_000);
});
