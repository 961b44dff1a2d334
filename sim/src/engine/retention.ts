import type { EngineState } from './engine-state.js';
import type { OrderState } from './order-state.js';

/**
 * Bounded history, the simulator's analogue of Kalshi's historical cutoff: finished orders, fills
 * and public trades beyond these counts drop off oldest-first, so a long-running sim with busy
 * background makers keeps flat memory. Resting orders are never dropped.
 */
export interface RetentionLimits {
  finishedOrdersPerUser: number;
  fillsPerUser: number;
  tradesPerMarket: number;
}

export const DEFAULT_RETENTION: RetentionLimits = {
  finishedOrdersPerUser: 50_000,
  fillsPerUser: 100_000,
  tradesPerMarket: 100_000,
};

/** Call once when an order reaches `canceled` or `executed`. */
export function noteFinished(state: EngineState, order: OrderState): void {
  const account = state.accounts.get(order.userId);
  if (!account) return;
  account.finishedOrderIds.push(order.orderId);
  // Trim in batches so the queue shift stays amortised O(1).
  const excess = account.finishedOrderIds.length - state.retention.finishedOrdersPerUser;
  if (excess < Math.max(1, state.retention.finishedOrdersPerUser / 10)) return;
  for (const orderId of account.finishedOrderIds.splice(0, excess)) {
    account.orders.delete(orderId);
    state.ordersById.delete(orderId);
  }
}

/** Drops the oldest entries once a history list is a tenth over its limit. */
export function trimHistory<T>(items: T[], limit: number): void {
  const excess = items.length - limit;
  if (excess >= Math.max(1, limit / 10)) items.splice(0, excess);
}
