import type { EngineState } from './engine-state.js';
import type { OrderGroupState } from './order-group.js';
import { headroomE2, recordMatch } from './order-group.js';
import type { OrderState } from './order-state.js';
import { cancelLive } from './order-ops.js';
import type { CountE2, OrderGroupEventType } from './types.js';

export function emitGroupEvent(
  state: EngineState,
  group: OrderGroupState,
  eventType: OrderGroupEventType,
): void {
  state.pending.push({
    type: 'order_group',
    userId: group.userId,
    eventType,
    orderGroupId: group.orderGroupId,
    contractsLimitE2: group.contractsLimitE2,
    tsMs: state.clock(),
  });
}

/** Cancels every live order of the group and blocks new ones until `reset`. */
export function triggerGroup(state: EngineState, group: OrderGroupState): void {
  group.isTriggered = true;
  for (const orderId of [...group.orderIds]) {
    const order = state.ordersById.get(orderId);
    // Kalshi has no update reason for a group cancel; null rather than a misleading one.
    if (order) cancelLive(state, order, null);
  }
  group.orderIds.clear();
  emitGroupEvent(state, group, 'triggered');
}

export function groupOf(state: EngineState, order: OrderState): OrderGroupState | undefined {
  return order.orderGroupId === null ? undefined : state.groups.get(order.orderGroupId);
}

/** How much this order may match now given its group's rolling limit (Infinity without a group). */
export function orderHeadroomE2(state: EngineState, order: OrderState): CountE2 {
  const group = groupOf(state, order);
  return group ? headroomE2(group, state.clock()) : Number.POSITIVE_INFINITY;
}

/** Counts a match against the order's group and triggers the group when its limit is reached. */
export function countGroupMatch(state: EngineState, order: OrderState, countE2: CountE2): void {
  const group = groupOf(state, order);
  if (group && !group.isTriggered && recordMatch(group, countE2, state.clock())) triggerGroup(state, group);
}
