/**
 * Start-up refresh of our WORKING orders (resting, partially filled): what happened to them while
 * the agent was down (a fill, a cancel on the Kalshi site, an expiry) reaches the lifecycle even
 * when the connector's first reconciliation ran before the road was listening. An order the
 * connector's local state still holds as open is left to reconciliation and WS `user_order` (the
 * road listens before this runs); any other is read from the venue by order id (REST) and set to
 * the venue's state. Never writes to the venue.
 */
import type { ClientOrderId, Order, OrderId } from '@pt/protocol';
import type { ApplyResult } from './order-journal.js';
import type { LifecycleEvent } from './order-lifecycle.js';
import type { ExecutionVenue } from './types.js';

type Apply = (clientOrderId: ClientOrderId, event: LifecycleEvent) => Promise<ApplyResult>;

/** Returns how many orders were moved to the venue's state. */
export async function refreshWorking(
  venue: Pick<ExecutionVenue, 'local' | 'http'>,
  orders: readonly Order[],
  apply: Apply,
): Promise<number> {
  const working = orders.filter(
    (order) => (order.status === 'resting' || order.status === 'partially_filled') && order.orderId !== null,
  );
  if (working.length === 0) return 0;
  const local = await venue.local.read();
  const open = new Set<string>(local.openOrders.map((known) => known.orderId));
  let moved = 0;
  for (const order of working) {
    const orderId = order.orderId as OrderId;
    if (open.has(orderId)) continue;
    const onVenue = await venue.http.getOrder(orderId).catch(() => undefined);
    if (onVenue === undefined) continue;
    const result = await apply(order.clientOrderId as ClientOrderId, {
      type: 'venue_state',
      orderId,
      state: onVenue.status,
      filledCountE2: onVenue.fillCountE2,
    });
    if (result.ok && result.order.status !== order.status) moved += 1;
  }
  return moved;
}
