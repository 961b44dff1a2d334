/**
 * Venue events as lifecycle events of OUR orders: WS fills (keyed by trade id), WS `user_order`
 * updates and reconciliation plans (a lost create found or proved never placed, an order updated,
 * an order closed after repeated misses). Orders that are not ours (external) are ignored here.
 */
import type { ClientOrderId, OrderId } from '@pt/protocol';
import type { ReconcileAction } from '../connectors/kalshi/reconcile/types.js';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import type { LifecycleEvent } from './order-lifecycle.js';
import type { OrderJournal } from './order-journal.js';

type Ours = (orderId: string | null, clientOrderId: string | null) => ClientOrderId | undefined;

/** The lifecycle events a venue event carries for our orders. */
export function lifecycleEventsFrom(
  event: ConnectorEvent,
  journal: Pick<OrderJournal, 'byOrderId' | 'get'>,
): [ClientOrderId, LifecycleEvent][] {
  const ours: Ours = (orderId, clientOrderId) => {
    const order =
      (orderId === null ? undefined : journal.byOrderId(orderId)) ??
      (clientOrderId === null ? undefined : journal.get(clientOrderId));
    return order?.clientOrderId ?? undefined;
  };
  if (event.type === 'fill') {
    const id = ours(event.fill.orderId, event.fill.clientOrderId);
    if (id === undefined) return [];
    const orderId = event.fill.orderId as OrderId;
    return [[id, { type: 'fill', fillId: event.fill.tradeId, orderId, countE2: event.fill.countE2 }]];
  }
  if (event.type === 'order_update') {
    const { order } = event;
    const id = ours(order.orderId, order.clientOrderId);
    if (id === undefined || order.status === 'unknown') return [];
    const orderId = order.orderId as OrderId;
    return [[id, { type: 'venue_state', orderId, state: order.status, filledCountE2: order.fillCountE2 }]];
  }
  if (event.type === 'reconciled' && event.report.plan !== undefined)
    return event.report.plan.actions.flatMap((action) => fromPlan(action, ours, journal));
  return [];
}

function fromPlan(
  action: ReconcileAction,
  ours: Ours,
  journal: Pick<OrderJournal, 'get'>,
): [ClientOrderId, LifecycleEvent][] {
  switch (action.kind) {
    case 'intent_accepted':
    case 'order_imported':
    case 'order_updated': {
      const { order } = action;
      const id = ours(order.orderId, order.clientOrderId);
      if (id === undefined) return [];
      return [
        [
          id,
          {
            type: 'venue_state',
            orderId: order.orderId,
            state: order.status,
            filledCountE2: order.filledCountE2,
          },
        ],
      ];
    }
    case 'intent_not_placed': {
      const id = ours(null, action.clientOrderId);
      return id === undefined ? [] : [[id, { type: 'not_found', detail: 'Reconciliation: never placed' }]];
    }
    case 'order_closed_missing': {
      const id = ours(action.orderId, null);
      const order = id === undefined ? undefined : journal.get(id);
      if (id === undefined || order === undefined) return [];
      const filled = order.filledCountE2;
      return [
        [id, { type: 'venue_state', orderId: action.orderId, state: 'canceled', filledCountE2: filled }],
      ];
    }
    case 'intent_unmatched':
    case 'order_miss_reset':
    case 'order_missed':
    case 'fill_recorded':
    case 'position_mismatch':
    case 'balance_mismatch':
      return [];
  }
}
