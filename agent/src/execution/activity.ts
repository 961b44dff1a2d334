/**
 * The road's decisions as activity-feed entries (issue 7, "every decision becomes a structured
 * event"): sent, accepted, canceled, rejected, unknown, and denials with their rule. Fills come
 * from the connector bridge (keyed by trade id), so they are not repeated here. Keys tie each entry
 * to its order, so a replayed step records nothing new.
 */
import type { Order, OrderStatus } from '@pt/protocol';
import {
  orderAcked,
  orderCanceled,
  orderPlaced,
  orderRejected,
  orderUnknown,
  riskDenied,
  type ActivityInput,
  type OrderRef,
} from '../activity/index.js';
import type { Denial } from './types.js';

/** Where entries go: the ActivityRecorder (ledger first, then the stream). */
export interface ExecutionActivitySink {
  record(input: ActivityInput): Promise<unknown>;
}

function refOf(order: Order): OrderRef {
  return {
    ticker: order.ticker,
    clientOrderId: order.clientOrderId ?? '',
    orderId: order.orderId,
    strategyId: order.origin.kind === 'strategy' ? order.origin.strategyId : null,
  };
}

export function placedActivity(order: Order): ActivityInput {
  return orderPlaced(refOf(order), { side: order.side, priceE4: order.priceE4, countE2: order.countE2 });
}

/** The entry for a status change, or null when the change is not a decision worth a line. */
export function transitionActivity(before: OrderStatus, order: Order): ActivityInput | null {
  if (before === order.status) return null;
  const ref = refOf(order);
  switch (order.status) {
    case 'resting':
    case 'partially_filled':
    case 'filled':
      return before === 'submitting' || before === 'unknown'
        ? orderAcked({ ...ref, orderId: order.orderId ?? '' })
        : null;
    case 'canceled':
      return orderCanceled(ref, (order.countE2 - order.filledCountE2) as Order['countE2']);
    case 'rejected':
      return orderRejected(ref, order.statusDetail ?? 'no reason given');
    case 'unknown':
      return orderUnknown(ref, order.statusDetail ?? 'answer lost');
    case 'submitting':
      return null;
  }
}

export function deniedActivity(
  denial: Denial,
  order: { ticker: string; clientOrderId: string; strategyId: string | null },
): ActivityInput {
  if (denial.rule !== 'FAT_FINGER') return riskDenied({ rule: denial.rule, detail: denial.detail, ...order });
  return {
    key: `risk:${order.clientOrderId}`,
    kind: 'risk',
    severity: 'warning',
    message: `Order on ${order.ticker} denied by FAT_FINGER: ${denial.detail}`,
    ticker: order.ticker,
    clientOrderId: order.clientOrderId,
    strategyId: order.strategyId,
  };
}
