import { feeReserveE6 } from './fees.js';
import type { OrderState } from './order-state.js';
import { legPriceE4 } from './order-state.js';
import { closableE2 } from './positions.js';
import type { MarketReserveAgg, ReserveItem } from './reserve-agg.js';
import { adjustAgg, isAggEmpty, newReserveAgg, sideReserveE6 } from './reserve-agg.js';
import type { BookSide, Fill, MoneyE6, Position, Settlement } from './types.js';

/** Everything the engine knows about one user. */
export interface Account {
  userId: string;
  balanceE6: MoneyE6;
  reservedE6: MoneyE6;
  reservedByTicker: Map<string, MoneyE6>;
  /** Incremental per-market totals behind `reservedByTicker`. */
  reserveAggs: Map<string, MarketReserveAgg>;
  positions: Map<string, Position>;
  orders: Map<string, OrderState>;
  /** Every client_order_id ever used: duplicates are rejected even after the order finished. */
  clientOrderIds: Set<string>;
  /** Finished order ids, oldest first, for bounded retention (retention.ts). */
  finishedOrderIds: string[];
  resting: Map<string, Set<OrderState>>;
  fills: Fill[];
  settlements: Settlement[];
}

export function newAccount(userId: string, balanceE6: MoneyE6): Account {
  return {
    userId,
    balanceE6,
    reservedE6: 0,
    reservedByTicker: new Map(),
    reserveAggs: new Map(),
    positions: new Map(),
    orders: new Map(),
    clientOrderIds: new Set(),
    finishedOrderIds: [],
    resting: new Map(),
    fills: [],
    settlements: [],
  };
}

/**
 * Cash a set of resting orders in one market could consume, computed from scratch: each order's
 * own-leg cost plus its worst-case fee, minus closing credit granted cheapest-first. Used to audit
 * the incremental totals (reserve-agg.ts), which must always agree with it.
 */
export function reserveForMarketE6(positionE2: number, items: readonly ReserveItem[]): MoneyE6 {
  const agg = newReserveAgg();
  for (const item of items) adjustAgg(agg, item, 1);
  return marketReserveE6(agg, positionE2);
}

function marketReserveE6(agg: MarketReserveAgg, positionE2: number): MoneyE6 {
  return (
    sideReserveE6(agg, 'bid', closableE2('bid', positionE2)) +
    sideReserveE6(agg, 'ask', closableE2('ask', positionE2))
  );
}

export function reserveItem(
  side: BookSide,
  yesPriceE4: number,
  countE2: number,
  multiplierE4: number,
): ReserveItem {
  const legE4 = legPriceE4(side, yesPriceE4);
  return { side, legE4, countE2, feeE6: feeReserveE6(multiplierE4, countE2, legE4) };
}

/** The order's reserve item, memoised on the order: the fee bound needs BigInt and orders rarely change. */
export function reserveItemOf(order: OrderState, multiplierE4: number): ReserveItem {
  const cached = order.reserveCache;
  if (
    cached !== null &&
    cached.countE2 === order.remainingCountE2 &&
    cached.multiplierE4 === multiplierE4 &&
    cached.legE4 === legPriceE4(order.side, order.priceE4)
  ) {
    return cached;
  }
  const item = {
    ...reserveItem(order.side, order.priceE4, order.remainingCountE2, multiplierE4),
    multiplierE4,
  };
  order.reserveCache = item;
  return item;
}

function aggOf(account: Account, ticker: string): MarketReserveAgg {
  let agg = account.reserveAggs.get(ticker);
  if (!agg) {
    agg = newReserveAgg();
    account.reserveAggs.set(ticker, agg);
  }
  return agg;
}

/**
 * Brings the stored reserve for one market up to date. `changed` is an order whose size, price or
 * book membership just changed: its old contribution leaves the totals and, if it still rests,
 * its new one enters. Returns the account's new total reserve.
 */
export function refreshReserve(
  account: Account,
  ticker: string,
  multiplierE4: number,
  changed: OrderState | null,
): MoneyE6 {
  const agg = aggOf(account, ticker);
  if (changed) {
    if (changed.trackedReserve) adjustAgg(agg, changed.trackedReserve, -1);
    changed.trackedReserve = null;
    if (changed.isOnBook && changed.status === 'resting' && changed.remainingCountE2 > 0) {
      changed.trackedReserve = reserveItemOf(changed, multiplierE4);
      adjustAgg(agg, changed.trackedReserve, 1);
    }
  }
  const next = isAggEmpty(agg) ? 0 : marketReserveE6(agg, account.positions.get(ticker)?.positionE2 ?? 0);
  if (isAggEmpty(agg)) account.reserveAggs.delete(ticker);
  const previous = account.reservedByTicker.get(ticker) ?? 0;
  if (next === 0) account.reservedByTicker.delete(ticker);
  else account.reservedByTicker.set(ticker, next);
  account.reservedE6 += next - previous;
  return account.reservedE6;
}

/**
 * The market reserve if `add` joined the resting orders and `remove` (an order being amended)
 * left them — without touching the stored totals.
 */
export function reserveWithE6(
  account: Account,
  ticker: string,
  add: ReserveItem,
  remove: ReserveItem | null,
): MoneyE6 {
  const agg = aggOf(account, ticker);
  adjustAgg(agg, add, 1);
  if (remove) adjustAgg(agg, remove, -1);
  const reserve = marketReserveE6(agg, account.positions.get(ticker)?.positionE2 ?? 0);
  if (remove) adjustAgg(agg, remove, 1);
  adjustAgg(agg, add, -1);
  return reserve;
}
