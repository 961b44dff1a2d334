import type { BookSide, Exchange, TimeInForce } from '../engine/index.js';

/**
 * Orders placed by the replay's own users (maker and tape). A rejection is not an error for the
 * replay (e.g. a trading pause), so it yields null and the caller moves on.
 */
export function placeOrder(
  exchange: Exchange,
  userId: string,
  ticker: string,
  side: BookSide,
  priceE4: number,
  countE2: number,
  timeInForce: TimeInForce,
): string | null {
  const result = exchange.placeOrder(userId, {
    ticker,
    side,
    priceE4,
    countE2,
    timeInForce,
    selfTradePrevention: 'maker',
  });
  if (!result.ok) return null;
  return result.order.status === 'resting' ? result.order.orderId : null;
}

export function cancelOrder(exchange: Exchange, userId: string, orderId: string): void {
  exchange.cancelOrder(userId, orderId);
}
