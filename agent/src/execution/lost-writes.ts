/**
 * A cancel or amend whose answer was lost (`outcome_unknown`): it may or may not have happened, so
 * the road forces a reconciliation and takes the order's state from it (never a blind retry).
 * The reconciliation's own lifecycle events (venue_state: canceled, filled, still resting) reach
 * the journal through the venue listener; an amend that took effect is read here from the venue's
 * view of the order (its new count and price), which `venue_state` does not carry.
 */
import type { Order, OrderId, PriceE4 } from '@pt/protocol';
import { priceE4 } from '@pt/protocol';
import type { VenueOrderView } from '../connectors/kalshi/reconcile/types.js';
import type { ReconcileReport } from '../connectors/kalshi/venue-connector.js';
import type { LifecycleEvent } from './order-lifecycle.js';

/** The venue's view of one order in a reconciliation's plan, if the plan says anything about it. */
export function venueViewOf(report: ReconcileReport, orderId: OrderId): VenueOrderView | undefined {
  for (const action of report.plan?.actions ?? []) {
    if (
      (action.kind === 'order_updated' ||
        action.kind === 'intent_accepted' ||
        action.kind === 'order_imported') &&
      action.order.orderId === orderId
    )
      return action.order;
  }
  return undefined;
}

/** The amend the venue applied, as seen by reconciliation; null when it did not (or is moot). */
export function amendSeen(
  order: Order,
  view: VenueOrderView | undefined,
): { event: LifecycleEvent; priceE4: PriceE4 } | null {
  if (view?.status !== 'resting') return null;
  const countE2 = view.filledCountE2 + view.remainingCountE2;
  if (countE2 === order.countE2 && view.priceE4 === order.priceE4) return null;
  return { event: { type: 'amend_ack', countE2 }, priceE4: priceE4(view.priceE4) };
}
