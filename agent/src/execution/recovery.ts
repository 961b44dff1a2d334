/**
 * Start-up recovery of our unanswered orders (a crash between the intent and the answer): each
 * becomes `unknown`, then each one the connector's local state already holds
 * as an open order is settled from it; each other one is registered there as an unknown intent,
 * so the next reconciliation looks it up by client order id (found → adopted, absent after the
 * checks → never placed). Returns how many were registered (the caller then reconciles).
 */
import type { ClientOrderId, Order } from '@pt/protocol';
import type { ApplyResult } from './order-journal.js';
import type { LifecycleEvent } from './order-lifecycle.js';
import type { ExecutionVenue } from './types.js';

type Apply = (clientOrderId: ClientOrderId, event: LifecycleEvent) => Promise<ApplyResult>;

const DETAIL = 'The agent stopped before the venue answered; reconciling by client order id';

/** Never resubmits: the venue is asked, by client order id, what became of each order. */
export async function recoverUnanswered(
  venue: ExecutionVenue,
  orders: readonly Order[],
  apply: Apply,
): Promise<number> {
  const orphans = orders.filter((order) => order.status === 'submitting' || order.status === 'unknown');
  for (const order of orphans)
    if (order.status === 'submitting')
      await apply(order.clientOrderId as ClientOrderId, { type: 'outcome_unknown', detail: DETAIL });
  const registered = await handToReconciliation(venue, { apply }, orphans);
  if (registered > 0) await venue.reconcile();
  return registered;
}

export async function handToReconciliation(
  venue: ExecutionVenue,
  journal: { apply: Apply },
  orphans: readonly Order[],
): Promise<number> {
  let registered = 0;
  for (const order of orphans) {
    const clientOrderId = order.clientOrderId as ClientOrderId;
    const local = await venue.local.read();
    const open = local.openOrders.find((known) => known.clientOrderId === clientOrderId);
    if (open !== undefined) {
      await journal.apply(clientOrderId, {
        type: 'venue_state',
        orderId: open.orderId,
        state: 'resting',
        filledCountE2: open.filledCountE2,
      });
      continue;
    }
    if (local.unknownIntents.some((intent) => intent.clientOrderId === clientOrderId)) continue;
    const intent = { clientOrderId, ticker: order.ticker, submittedAtMs: order.createdAtMs };
    await venue.local.recordUnknownIntent?.(intent);
    const after = await venue.local.read();
    // Stored earlier and already resolved (the ledger keeps that row): an earlier send time is a
    // new row, and only widens the venue lookup window.
    if (!after.unknownIntents.some((known) => known.clientOrderId === clientOrderId))
      await venue.local.recordUnknownIntent?.({
        ...intent,
        submittedAtMs: Math.max(0, order.createdAtMs - 1),
      });
    registered += 1;
  }
  return registered;
}
