/** Invariant: the venue never holds two orders of the account under one client order id. */
import type { VenueOrderRow } from './views.js';

export function noDuplicateOrders(orders: readonly VenueOrderRow[]): string[] {
  const byClientId = new Map<string, string[]>();
  for (const { clientOrderId, orderId } of orders) {
    if (clientOrderId === undefined) continue;
    byClientId.set(clientOrderId, [...(byClientId.get(clientOrderId) ?? []), orderId]);
  }
  return [...byClientId]
    .filter(([, ids]) => ids.length > 1)
    .map(
      ([clientOrderId, ids]) =>
        `client order id ${clientOrderId} has ${ids.length} venue orders: ${ids.join(', ')}`,
    );
}
