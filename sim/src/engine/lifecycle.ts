import type { EngineState, MarketState } from './engine-state.js';
import { engineError } from './errors.js';
import { accountOf, cancelLive, refreshAccountReserve } from './order-ops.js';
import type { LifecycleEventType, MarketResult, MarketStatus, Result, Settlement } from './types.js';
import { ONE_DOLLAR_E4 } from './types.js';

/**
 * Market lifecycle: initialized → active ⇄ inactive → closed → determined (⇄ disputed) →
 * finalized (settled). Closing cancels every resting order (`CloseCancel`); settling pays $1.00
 * per winning contract and clears positions into settlement records.
 */
const ALLOWED: Record<MarketStatus, readonly MarketStatus[]> = {
  initialized: ['active', 'closed'],
  active: ['inactive', 'closed'],
  inactive: ['active', 'closed'],
  closed: ['determined'],
  determined: ['disputed', 'finalized'],
  disputed: ['determined'],
  finalized: [],
};

export function emitLifecycle(state: EngineState, market: MarketState, eventType: LifecycleEventType): void {
  state.pending.push({
    type: 'lifecycle',
    ticker: market.ticker,
    eventType,
    status: market.status,
    result: market.result,
    tsMs: state.clock(),
  });
}

function transition(
  state: EngineState,
  ticker: string,
  to: MarketStatus,
): { ok: true; market: MarketState } | ReturnType<typeof engineError> {
  const market = state.markets.get(ticker);
  if (!market) return engineError('market_not_found', `ticker: ${ticker} not found`);
  if (!ALLOWED[market.status].includes(to)) {
    return engineError('invalid_order', `market ${ticker}: cannot go from ${market.status} to ${to}`);
  }
  market.status = to;
  return { ok: true, market };
}

export function setActive(state: EngineState, ticker: string, isActive: boolean): Result<object> {
  const moved = transition(state, ticker, isActive ? 'active' : 'inactive');
  if (!moved.ok) return moved;
  // A paused market is a trading pause for its orders: `cancel_order_on_pause` applies here too.
  if (!isActive) {
    for (const order of state.ordersById.values()) {
      if (order.ticker === ticker && order.status === 'resting' && order.shouldCancelOnPause) {
        cancelLive(state, order, 'HaltCancel');
      }
    }
  }
  emitLifecycle(state, moved.market, isActive ? 'activated' : 'deactivated');
  return { ok: true };
}

export function closeMarket(state: EngineState, ticker: string): Result<object> {
  const moved = transition(state, ticker, 'closed');
  if (!moved.ok) return moved;
  const market = moved.market;
  market.closeTimeMs = state.clock();
  for (const order of state.ordersById.values()) {
    if (order.ticker === ticker && order.status === 'resting') cancelLive(state, order, 'CloseCancel');
  }
  emitLifecycle(state, market, 'close_date_updated');
  return { ok: true };
}

/** Determines the result; an open market is closed first. Also resolves a dispute. */
export function determineMarket(state: EngineState, ticker: string, result: MarketResult): Result<object> {
  const market = state.markets.get(ticker);
  if (
    market &&
    (market.status === 'active' || market.status === 'inactive' || market.status === 'initialized')
  ) {
    const closed = closeMarket(state, ticker);
    if (!closed.ok) return closed;
  }
  const moved = transition(state, ticker, 'determined');
  if (!moved.ok) return moved;
  moved.market.result = result;
  moved.market.determinedTimeMs = state.clock();
  emitLifecycle(state, moved.market, 'determined');
  return { ok: true };
}

export function disputeMarket(state: EngineState, ticker: string): Result<object> {
  const moved = transition(state, ticker, 'disputed');
  if (!moved.ok) return moved;
  // Kalshi's lifecycle channel has no dispute event; metadata_updated carries the new status.
  emitLifecycle(state, moved.market, 'metadata_updated');
  return { ok: true };
}

/** Pays $1.00 per winning contract, records a settlement per holder and clears positions. */
export function settleMarket(state: EngineState, ticker: string): Result<{ settlements: Settlement[] }> {
  const moved = transition(state, ticker, 'finalized');
  if (!moved.ok) return moved;
  const market = moved.market;
  const result = market.result;
  if (result === null) throw new Error(`engine invariant: ${ticker} determined without a result`);
  const nowMs = state.clock();
  market.settledTimeMs = nowMs;
  const settlements: Settlement[] = [];
  for (const account of state.accounts.values()) {
    const position = account.positions.get(ticker);
    if (!position) continue;
    const yesE2 = Math.max(0, position.positionE2);
    const noE2 = Math.max(0, -position.positionE2);
    const winningE2 = result === 'yes' ? yesE2 : noE2;
    const revenueE6 = winningE2 * ONE_DOLLAR_E4;
    account.balanceE6 += revenueE6;
    position.realizedPnlE6 += revenueE6 - position.positionCostE6;
    const settlement: Settlement = {
      userId: account.userId,
      ticker,
      eventTicker: market.eventTicker,
      marketResult: result,
      yesCountE2: yesE2,
      yesTotalCostE6: yesE2 > 0 ? position.positionCostE6 : 0,
      noCountE2: noE2,
      noTotalCostE6: noE2 > 0 ? position.positionCostE6 : 0,
      revenueE6,
      feeCostE6: position.feesPaidE6,
      settledTimeMs: nowMs,
    };
    account.settlements.push(settlement);
    settlements.push(settlement);
    position.positionE2 = 0;
    position.positionCostE6 = 0;
    position.lastUpdatedMs = nowMs;
    state.pending.push({ type: 'position', position: { ...position } });
    account.positions.delete(ticker);
    refreshAccountReserve(state, accountOf(state, account.userId), market, null);
  }
  market.openInterestE2 = 0;
  emitLifecycle(state, market, 'settled');
  return { ok: true, settlements };
}

/**
 * Exchange-wide trading pause (e.g. the Thursday maintenance window): placing and amending are
 * refused, cancels and decreases still work, and `cancel_order_on_pause` orders are cancelled.
 */
export function setTradingPaused(state: EngineState, isPaused: boolean): void {
  if (state.isTradingPaused === isPaused) return;
  state.isTradingPaused = isPaused;
  if (!isPaused) return;
  for (const order of state.ordersById.values()) {
    if (order.status === 'resting' && order.shouldCancelOnPause) cancelLive(state, order, 'HaltCancel');
  }
}

/** Cancels resting orders whose expiration time has passed (`ExpiryCancel`). */
export function expireOrders(state: EngineState): void {
  const nowMs = state.clock();
  if (state.nextExpiryMs > nowMs) return;
  let nextMs = Number.POSITIVE_INFINITY;
  for (const order of [...state.expiring]) {
    const expiresMs = order.expirationTimeMs ?? Number.POSITIVE_INFINITY;
    if (expiresMs <= nowMs) cancelLive(state, order, 'ExpiryCancel');
    else nextMs = Math.min(nextMs, expiresMs);
  }
  state.nextExpiryMs = nextMs;
}
