import type { EngineState } from './engine-state.js';
import { engineError } from './errors.js';
import { newFeeAccumulator } from './fees.js';
import { matchIncoming, crossableE2, crossesBook } from './matching.js';
import { headroomE2 } from './order-group.js';
import type { OrderState } from './order-state.js';
import { snapshotOrder } from './order-state.js';
import { cancelLive, emitOrderUpdate, restOrder } from './order-ops.js';
import { closableE2 } from './positions.js';
import { noteFinished } from './retention.js';
import type { PlaceOrderRequest, PlaceOrderResult } from './types.js';
import {
  checkCollateral,
  checkExpiration,
  checkGroup,
  checkPrice,
  checkShape,
  checkTradable,
} from './validate-order.js';

/**
 * Validates, matches and (for GTC) rests a new order. Rejections create nothing; an accepted order
 * may still end `canceled` (FoK that cannot fill, IOC remainder, self-trade prevention, group limit).
 */
export function placeOrder(state: EngineState, userId: string, req: PlaceOrderRequest): PlaceOrderResult {
  const nowMs = state.clock();
  const account = state.accounts.get(userId);
  if (!account) return engineError('user_not_found', `user ${userId} has no account`);
  const shapeError = checkShape(req);
  if (shapeError) return shapeError;
  const market = state.markets.get(req.ticker);
  if (!market) return engineError('market_not_found', `ticker: ${req.ticker} not found`);
  const clientOrderId = req.clientOrderId ?? '';
  if (clientOrderId !== '' && account.clientOrderIds.has(clientOrderId)) {
    return engineError('order_already_exists', `client_order_id: ${clientOrderId} already used`);
  }
  const failure =
    checkTradable(state, market) ??
    checkPrice(market, req.priceE4) ??
    checkExpiration(req.timeInForce, req.expirationTimeMs, nowMs) ??
    (req.orderGroupId === undefined ? null : checkGroup(state.groups.get(req.orderGroupId), userId));
  if (failure) return failure;

  let countE2 = req.countE2;
  if (req.reduceOnly === true) {
    // "place count capped by current position": only the part that closes is kept.
    const closable = closableE2(req.side, account.positions.get(market.ticker)?.positionE2 ?? 0);
    if (closable === 0)
      return engineError('invalid_order', 'reduce_only: no position to reduce on this side');
    countE2 = Math.min(countE2, closable);
  }
  const order: OrderState = {
    orderId: state.ids.next(),
    userId,
    clientOrderId,
    ticker: market.ticker,
    side: req.side,
    priceE4: req.priceE4,
    initialCountE2: countE2,
    fillCountE2: 0,
    remainingCountE2: countE2,
    status: 'resting',
    timeInForce: req.timeInForce,
    selfTradePrevention: req.selfTradePrevention,
    isPostOnly: req.postOnly === true,
    isReduceOnly: req.reduceOnly === true,
    shouldCancelOnPause: req.cancelOrderOnPause === true,
    orderGroupId: req.orderGroupId ?? null,
    expirationTimeMs: req.expirationTimeMs ?? null,
    subaccount: req.subaccount ?? 0,
    createdTimeMs: nowMs,
    lastUpdateTimeMs: nowMs,
    lastUpdateReason: null,
    takerFillCostE6: 0,
    makerFillCostE6: 0,
    takerFeesE6: 0,
    makerFeesE6: 0,
    fee: newFeeAccumulator(),
    isOnBook: false,
    reserveCache: null,
    trackedReserve: null,
  };
  if (order.isPostOnly && crossesBook(market, order)) return engineError('invalid_order', 'post only cross');
  const collateralError = checkCollateral(
    account,
    market,
    { side: order.side, priceE4: order.priceE4, countE2 },
    null,
  );
  if (collateralError) return collateralError;

  state.ordersById.set(order.orderId, order);
  account.orders.set(order.orderId, order);
  if (clientOrderId !== '') account.clientOrderIds.add(clientOrderId);
  const group = order.orderGroupId === null ? undefined : state.groups.get(order.orderGroupId);
  group?.orderIds.add(order.orderId);

  if (order.timeInForce === 'fill_or_kill') {
    const groupRoomE2 = group ? headroomE2(group, nowMs) : Number.POSITIVE_INFINITY;
    if (crossableE2(market, order) < countE2 || groupRoomE2 < countE2) {
      cancelLive(state, order, null);
      return { ok: true, order: snapshotOrder(order), fills: [] };
    }
  }
  const fills = matchIncoming(state, market, order);
  settleRemainder(state, order);
  return { ok: true, order: snapshotOrder(order), fills };
}

/** After matching: filled → executed; GTC remainder rests; IOC/FoK remainder is cancelled. */
export function settleRemainder(state: EngineState, order: OrderState): void {
  if (order.status !== 'resting') return;
  if (order.remainingCountE2 === 0) {
    order.status = 'executed';
    noteFinished(state, order);
    state.expiring.delete(order);
    if (order.orderGroupId !== null) state.groups.get(order.orderGroupId)?.orderIds.delete(order.orderId);
    emitOrderUpdate(state, order);
    return;
  }
  if (order.timeInForce !== 'good_till_canceled') {
    cancelLive(state, order, null);
    return;
  }
  const market = state.markets.get(order.ticker);
  if (!market) return;
  restOrder(state, market, order);
  emitOrderUpdate(state, order);
}
