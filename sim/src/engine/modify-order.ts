import type { EngineState } from './engine-state.js';
import { engineError } from './errors.js';
import { crossesBook, enforceReduceOnly, matchIncoming } from './matching.js';
import type { OrderState } from './order-state.js';
import { ladderOf, legPriceE4, snapshotOrder } from './order-state.js';
import { cancelLive, emitBookDelta, refreshAccountReserve, shrinkResting } from './order-ops.js';
import { settleRemainder } from './place-order.js';
import type {
  AmendOrderRequest,
  AmendOrderResult,
  CancelOrderResult,
  DecreaseOrderRequest,
  DecreaseOrderResult,
  EngineError,
  Order,
} from './types.js';
import { checkCollateral, checkPrice, checkShape, checkTradable } from './validate-order.js';

function ownOrder(
  state: EngineState,
  userId: string,
  orderId: string,
): OrderState | { ok: false; error: EngineError } {
  const order = state.accounts.get(userId)?.orders.get(orderId);
  return order ?? engineError('order_not_found', `order_id: ${orderId} not found`);
}

/**
 * Cancels a resting order. An order that already finished answers ok with `reducedByE2` 0 (the
 * legacy behaviour; whether V2 answers 404 instead is UNCONFIRMED). Allowed during a pause.
 */
export function cancelOrder(state: EngineState, userId: string, orderId: string): CancelOrderResult {
  const order = ownOrder(state, userId, orderId);
  if ('ok' in order) return order;
  const reducedByE2 = cancelLive(state, order, null);
  return { ok: true, order: snapshotOrder(order), reducedByE2 };
}

/** Cancels every resting order of the user (optionally one market); returns what was cancelled. */
export function cancelAll(state: EngineState, userId: string, ticker?: string): Order[] {
  const account = state.accounts.get(userId);
  if (!account) return [];
  const cancelled: Order[] = [];
  for (const [marketTicker, resting] of [...account.resting]) {
    if (ticker !== undefined && marketTicker !== ticker) continue;
    for (const order of [...resting]) {
      cancelLive(state, order, null);
      cancelled.push(snapshotOrder(order));
    }
  }
  return cancelled;
}

/** Reduces a resting order in place (it keeps its queue position). Allowed during a pause. */
export function decreaseOrder(
  state: EngineState,
  userId: string,
  orderId: string,
  req: DecreaseOrderRequest,
): DecreaseOrderResult {
  const order = ownOrder(state, userId, orderId);
  if ('ok' in order) return order;
  if (order.status !== 'resting') return engineError('invalid_order', `order is ${order.status}`);
  const byE2 = 'reduceByE2' in req ? req.reduceByE2 : order.remainingCountE2 - req.reduceToE2;
  const field = 'reduceByE2' in req ? 'reduce_by' : 'reduce_to';
  const isValid =
    'reduceByE2' in req
      ? Number.isSafeInteger(req.reduceByE2) && req.reduceByE2 > 0
      : Number.isSafeInteger(req.reduceToE2) && req.reduceToE2 >= 0 && byE2 > 0;
  if (!isValid) return engineError('invalid_order', `${field}: must reduce the remaining count`);
  shrinkResting(state, order, Math.min(byE2, order.remainingCountE2), 'Decrease');
  return { ok: true, order: snapshotOrder(order) };
}

/**
 * Amends price and/or total count (`countE2` = filled + desired remaining). A pure size decrease
 * keeps queue priority; a price change or size increase re-queues the order at the back, and a
 * new price that crosses trades immediately (post-only orders that would cross are rejected).
 * Queue-priority effects are UNCONFIRMED upstream; this is the usual exchange rule.
 */
export function amendOrder(
  state: EngineState,
  userId: string,
  orderId: string,
  req: AmendOrderRequest,
): AmendOrderResult {
  const order = ownOrder(state, userId, orderId);
  if ('ok' in order) return order;
  const market = state.markets.get(order.ticker);
  if (!market) return engineError('market_not_found', `ticker: ${order.ticker} not found`);
  if (req.ticker !== order.ticker)
    return engineError('order_ticker_mismatch', 'ticker: does not match the order');
  if (req.side !== order.side) return engineError('order_side_mismatch', 'side: does not match the order');
  const failure =
    checkShape({ side: req.side, priceE4: req.priceE4, countE2: req.countE2 }) ??
    checkTradable(state, market) ??
    checkPrice(market, req.priceE4);
  if (failure) return failure;
  if (order.status !== 'resting') return engineError('invalid_order', `order is ${order.status}`);
  const newRemainingE2 = req.countE2 - order.fillCountE2;
  if (newRemainingE2 <= 0) return engineError('invalid_order', 'count: must exceed the filled count');
  const account = state.accounts.get(userId);
  const newId = req.updatedClientOrderId;
  if (newId !== undefined && newId !== order.clientOrderId && account?.clientOrderIds.has(newId)) {
    return engineError('order_already_exists', `updated_client_order_id: ${newId} already used`);
  }
  const isRequeue = req.priceE4 !== order.priceE4 || newRemainingE2 > order.remainingCountE2;
  const probe = { ...order, priceE4: req.priceE4 };
  if (order.isPostOnly && isRequeue && crossesBook(market, probe)) {
    return engineError('invalid_order', 'post only cross');
  }
  if (account) {
    const collateralError = checkCollateral(account, market, { ...probe, countE2: newRemainingE2 }, order);
    if (collateralError) return collateralError;
    if (newId !== undefined && newId !== '') {
      account.clientOrderIds.add(newId);
      order.clientOrderId = newId;
    }
  }
  if (!isRequeue) {
    shrinkResting(state, order, order.remainingCountE2 - newRemainingE2, 'Amend');
    return { ok: true, order: snapshotOrder(order), fills: [] };
  }
  // Off the book, re-priced, then treated like an incoming order that keeps its id and fee state.
  market.ladders[ladderOf(order.side)].remove(
    order,
    legPriceE4(order.side, order.priceE4),
    order.remainingCountE2,
  );
  order.isOnBook = false;
  emitBookDelta(state, order, -order.remainingCountE2, true);
  account?.resting.get(market.ticker)?.delete(order);
  order.priceE4 = req.priceE4;
  order.remainingCountE2 = newRemainingE2;
  order.initialCountE2 = req.countE2;
  order.lastUpdateReason = 'Amend';
  order.lastUpdateTimeMs = state.clock();
  if (account) refreshAccountReserve(state, account, market, order);
  const fills = matchIncoming(state, market, order);
  settleRemainder(state, order);
  // A reduce-only order may not grow past what still closes the position.
  if (order.isReduceOnly) enforceReduceOnly(state, market, userId);
  return { ok: true, order: snapshotOrder(order), fills };
}
