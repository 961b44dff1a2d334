/**
 * Adapters from the protocol's domain objects to the engine's snapshot pieces, so the execution road
 * builds a RiskSnapshot without re-deriving the leg arithmetic.
 */
import type { Order, OrderStatus, Position } from '@pt/protocol';
import type { MarketPosition, RestingOrder } from './types.js';

/**
 * Statuses whose remaining count may still fill: working orders for the worst case. An `unknown`
 * order may be resting at the venue, so it counts too (its market is blocked separately, through
 * `unknownOutcomeTickers`, but it still weighs on the other markets of its event).
 */
const WORKING: ReadonlySet<OrderStatus> = new Set<OrderStatus>([
  'submitting',
  'resting',
  'partially_filled',
  'unknown',
]);

/**
 * A protocol order priced on the YES book (`bid` buys YES at the price, `ask` sells YES at it) as a
 * resting order, or null when nothing of it can fill any more.
 */
export function restingOrderFromProtocol(order: Order): RestingOrder | null {
  if (!WORKING.has(order.status) || order.remainingCountE2 === 0) return null;
  return {
    ticker: order.ticker,
    side: 'yes',
    action: order.side === 'bid' ? 'buy' : 'sell',
    priceE4: order.priceE4,
    remainingCountE2: order.remainingCountE2,
  };
}

/** Kalshi's `market_exposure` is the cost of the contracts held. */
export function marketPositionFromProtocol(position: Position): MarketPosition {
  return {
    ticker: position.ticker,
    positionCountE2: position.positionCountE2,
    costE6: position.exposureMoneyE6,
  };
}
