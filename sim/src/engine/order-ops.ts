import { refreshReserve } from './account.js';
import type { Account } from './account.js';
import type { EngineState, MarketState } from './engine-state.js';
import type { OrderState } from './order-state.js';
import { noteFinished } from './retention.js';
import { ladderOf, legPriceE4, snapshotOrder } from './order-state.js';
import type { Balance, CountE2, OrderUpdateReason } from './types.js';

/** Shared order mutations: resting, shrinking and cancelling, each keeping book, reserve and events in step. */

export function accountOf(state: EngineState, userId: string): Account {
  const account = state.accounts.get(userId);
  if (!account) throw new Error(`engine invariant: no account for ${userId}`);
  return account;
}

export function marketOf(state: EngineState, ticker: string): MarketState {
  const market = state.markets.get(ticker);
  if (!market) throw new Error(`engine invariant: no market ${ticker}`);
  return market;
}

export function balanceOf(account: Account): Balance {
  let positionsCostE6 = 0;
  for (const p of account.positions.values()) positionsCostE6 += p.positionCostE6;
  return {
    balanceE6: account.balanceE6,
    reservedE6: account.reservedE6,
    availableE6: account.balanceE6 - account.reservedE6,
    positionsCostE6,
  };
}

export function emitOrderUpdate(state: EngineState, order: OrderState): void {
  state.pending.push({ type: 'order_update', order: snapshotOrder(order) });
}

export function emitBookDelta(
  state: EngineState,
  order: OrderState,
  deltaE2: CountE2,
  isOwnChange: boolean,
): void {
  state.pending.push({
    type: 'book_delta',
    ticker: order.ticker,
    side: ladderOf(order.side),
    priceE4: legPriceE4(order.side, order.priceE4),
    deltaE2,
    tsMs: state.clock(),
    userId: isOwnChange ? order.userId : null,
    clientOrderId: isOwnChange ? order.clientOrderId : null,
  });
}

/** Updates the account's reserve for `market`; pass the order whose terms or book membership changed. */
export function refreshAccountReserve(
  state: EngineState,
  account: Account,
  market: MarketState,
  changed: OrderState | null,
): void {
  refreshReserve(account, market.ticker, market.fee.multiplierE4, changed);
  state.pending.push({ type: 'balance', userId: account.userId, balance: balanceOf(account) });
}

/** Puts a live order with remaining size at the back of its price level. */
export function restOrder(state: EngineState, market: MarketState, order: OrderState): void {
  market.ladders[ladderOf(order.side)].add(order, legPriceE4(order.side, order.priceE4));
  order.isOnBook = true;
  const account = accountOf(state, order.userId);
  let resting = account.resting.get(market.ticker);
  if (!resting) {
    resting = new Set();
    account.resting.set(market.ticker, resting);
  }
  resting.add(order);
  if (order.expirationTimeMs !== null) {
    state.expiring.add(order);
    state.nextExpiryMs = Math.min(state.nextExpiryMs, order.expirationTimeMs);
  }
  emitBookDelta(state, order, order.remainingCountE2, true);
  refreshAccountReserve(state, account, market, order);
}

function detach(state: EngineState, market: MarketState, order: OrderState): void {
  if (order.isOnBook) {
    market.ladders[ladderOf(order.side)].remove(
      order,
      legPriceE4(order.side, order.priceE4),
      order.remainingCountE2,
    );
    order.isOnBook = false;
  }
  const account = accountOf(state, order.userId);
  const resting = account.resting.get(market.ticker);
  resting?.delete(order);
  if (resting && resting.size === 0) account.resting.delete(market.ticker);
  state.expiring.delete(order);
  if (order.orderGroupId !== null) state.groups.get(order.orderGroupId)?.orderIds.delete(order.orderId);
}

/**
 * Ends a live order (resting or still matching as taker): remaining goes to zero, status becomes
 * `canceled`. Returns how much was cancelled (0 if it had already finished).
 */
export function cancelLive(state: EngineState, order: OrderState, reason: OrderUpdateReason | null): CountE2 {
  if (order.status !== 'resting') return 0;
  const market = marketOf(state, order.ticker);
  const reducedE2 = order.remainingCountE2;
  const wasOnBook = order.isOnBook;
  detach(state, market, order);
  if (wasOnBook) emitBookDelta(state, order, -reducedE2, true);
  order.remainingCountE2 = 0;
  order.status = 'canceled';
  noteFinished(state, order);
  order.lastUpdateReason = reason;
  order.lastUpdateTimeMs = state.clock();
  if (wasOnBook) refreshAccountReserve(state, accountOf(state, order.userId), market, order);
  emitOrderUpdate(state, order);
  return reducedE2;
}

/** Shrinks a resting order in place (keeps time priority); cancels it when nothing remains. */
export function shrinkResting(
  state: EngineState,
  order: OrderState,
  byE2: CountE2,
  reason: OrderUpdateReason,
): void {
  if (byE2 <= 0 || order.status !== 'resting') return;
  if (byE2 >= order.remainingCountE2) {
    cancelLive(state, order, reason);
    return;
  }
  const market = marketOf(state, order.ticker);
  if (order.isOnBook) {
    market.ladders[ladderOf(order.side)].shrink(legPriceE4(order.side, order.priceE4), byE2);
    emitBookDelta(state, order, -byE2, true);
  }
  order.remainingCountE2 -= byE2;
  order.lastUpdateReason = reason;
  order.lastUpdateTimeMs = state.clock();
  if (order.isOnBook) refreshAccountReserve(state, accountOf(state, order.userId), market, order);
  emitOrderUpdate(state, order);
}

/** Marks an order fully filled and takes it off the book (the ladder total was already reduced). */
export function completeFilled(state: EngineState, market: MarketState, order: OrderState): void {
  detach(state, market, order);
  order.status = 'executed';
  noteFinished(state, order);
}
