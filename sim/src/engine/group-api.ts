import type { EngineState } from './engine-state.js';
import { engineError } from './errors.js';
import { emitGroupEvent, triggerGroup } from './group-ops.js';
import type { OrderGroupState } from './order-group.js';
import { matchedInWindowE2, newOrderGroup } from './order-group.js';
import { cancelLive } from './order-ops.js';
import type { CountE2, OrderGroup, Result } from './types.js';

/** Order-group endpoints: create, read, reset, trigger, limit update, delete. */

export function snapshotGroup(state: EngineState, group: OrderGroupState): OrderGroup {
  return {
    orderGroupId: group.orderGroupId,
    userId: group.userId,
    contractsLimitE2: group.contractsLimitE2,
    isTriggered: group.isTriggered,
    orderIds: [...group.orderIds],
    matchedInWindowE2: matchedInWindowE2(group, state.clock()),
  };
}

function checkLimit(limitE2: CountE2): ReturnType<typeof engineError> | null {
  return Number.isSafeInteger(limitE2) && limitE2 > 0
    ? null
    : engineError('invalid_order', 'contracts_limit: must be a positive multiple of 0.01');
}

function ownGroup(
  state: EngineState,
  userId: string,
  id: string,
): OrderGroupState | ReturnType<typeof engineError> {
  const group = state.groups.get(id);
  if (!group || group.userId !== userId) return engineError('order_group_not_found', `order_group_id: ${id}`);
  return group;
}

export function createOrderGroup(
  state: EngineState,
  userId: string,
  contractsLimitE2: CountE2,
): Result<{ group: OrderGroup }> {
  if (!state.accounts.has(userId)) return engineError('user_not_found', `user ${userId} has no account`);
  const limitError = checkLimit(contractsLimitE2);
  if (limitError) return limitError;
  const group = newOrderGroup(state.ids.next(), userId, contractsLimitE2);
  state.groups.set(group.orderGroupId, group);
  emitGroupEvent(state, group, 'created');
  return { ok: true, group: snapshotGroup(state, group) };
}

export function getOrderGroup(state: EngineState, userId: string, id: string): Result<{ group: OrderGroup }> {
  const group = ownGroup(state, userId, id);
  if ('ok' in group) return group;
  return { ok: true, group: snapshotGroup(state, group) };
}

/** Clears the trigger and the rolling window so the group accepts orders again. */
export function resetOrderGroup(
  state: EngineState,
  userId: string,
  id: string,
): Result<{ group: OrderGroup }> {
  const group = ownGroup(state, userId, id);
  if ('ok' in group) return group;
  group.isTriggered = false;
  group.matches = [];
  emitGroupEvent(state, group, 'reset');
  return { ok: true, group: snapshotGroup(state, group) };
}

export function triggerOrderGroup(
  state: EngineState,
  userId: string,
  id: string,
): Result<{ group: OrderGroup }> {
  const group = ownGroup(state, userId, id);
  if ('ok' in group) return group;
  triggerGroup(state, group);
  return { ok: true, group: snapshotGroup(state, group) };
}

/** A new limit already reached inside the current window triggers the group at once. */
export function updateOrderGroupLimit(
  state: EngineState,
  userId: string,
  id: string,
  contractsLimitE2: CountE2,
): Result<{ group: OrderGroup }> {
  const group = ownGroup(state, userId, id);
  if ('ok' in group) return group;
  const limitError = checkLimit(contractsLimitE2);
  if (limitError) return limitError;
  group.contractsLimitE2 = contractsLimitE2;
  emitGroupEvent(state, group, 'limit_updated');
  if (!group.isTriggered && matchedInWindowE2(group, state.clock()) >= contractsLimitE2)
    triggerGroup(state, group);
  return { ok: true, group: snapshotGroup(state, group) };
}

/** Deletes the group and cancels its orders. */
export function deleteOrderGroup(
  state: EngineState,
  userId: string,
  id: string,
): Result<{ group: OrderGroup }> {
  const group = ownGroup(state, userId, id);
  if ('ok' in group) return group;
  const before = snapshotGroup(state, group);
  for (const orderId of [...group.orderIds]) {
    const order = state.ordersById.get(orderId);
    if (order) cancelLive(state, order, null);
  }
  state.groups.delete(id);
  emitGroupEvent(state, group, 'deleted');
  return { ok: true, group: before };
}
