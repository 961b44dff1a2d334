import type { CountE2 } from './types.js';

/** Kalshi's order-group window: contracts matched in a rolling 15 seconds. */
export const ORDER_GROUP_WINDOW_MS = 15_000;

export interface OrderGroupState {
  orderGroupId: string;
  userId: string;
  contractsLimitE2: CountE2;
  isTriggered: boolean;
  orderIds: Set<string>;
  /** Matches inside the window, oldest first. */
  matches: { tsMs: number; countE2: CountE2 }[];
}

export function newOrderGroup(orderGroupId: string, userId: string, limitE2: CountE2): OrderGroupState {
  return {
    orderGroupId,
    userId,
    contractsLimitE2: limitE2,
    isTriggered: false,
    orderIds: new Set(),
    matches: [],
  };
}

export function matchedInWindowE2(group: OrderGroupState, nowMs: number): CountE2 {
  const cutoffMs = nowMs - ORDER_GROUP_WINDOW_MS;
  while (group.matches.length > 0 && (group.matches[0]?.tsMs ?? Infinity) <= cutoffMs) group.matches.shift();
  return group.matches.reduce((sum, m) => sum + m.countE2, 0);
}

/**
 * Contracts the group may still match now. Matching is capped at the limit (never overshoots it),
 * the defensive reading: a trader who sets a limit of 10 never finds 11 matched.
 */
export function headroomE2(group: OrderGroupState, nowMs: number): CountE2 {
  if (group.isTriggered) return 0;
  return Math.max(0, group.contractsLimitE2 - matchedInWindowE2(group, nowMs));
}

/** Records a match; returns true when the group has now reached its limit and must trigger. */
export function recordMatch(group: OrderGroupState, countE2: CountE2, nowMs: number): boolean {
  group.matches.push({ tsMs: nowMs, countE2 });
  return matchedInWindowE2(group, nowMs) >= group.contractsLimitE2;
}
