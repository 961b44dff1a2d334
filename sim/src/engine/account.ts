import { feeReserveE6 } from './fees.js';
import type { OrderState } from './order-state.js';
import { legPriceE4 } from './order-state.js';
import { closableE2 } from './positions.js';
import type { BookSide, Fill, MoneyE6, Position, Settlement } from './types.js';

/** Everything the engine knows about one user. */
export interface Account {
  userId: string;
  balanceE6: MoneyE6;
  reservedE6: MoneyE6;
  reservedByTicker: Map<string, MoneyE6>;
  positions: Map<string, Position>;
  orders: Map<string, OrderState>;
  /** Every client_order_id ever used: duplicates are rejected even after the order finished. */
  clientOrderIds: Set<string>;
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
    positions: new Map(),
    orders: new Map(),
    clientOrderIds: new Set(),
    resting: new Map(),
    fills: [],
    settlements: [],
  };
}

interface ReserveItem {
  side: BookSide;
  legE4: number;
  countE2: number;
  multiplierE4: number;
}

/**
 * Cash a set of resting orders in one market could consume: each order's own-leg cost plus its
 * worst-case fee. Contracts that would close the current position cost nothing (they return
 * cash), and that credit is granted to the cheapest orders first, which over-reserves whichever
 * order actually fills first — conservative, so a balance can never go negative through fills.
 */
export function reserveForMarketE6(positionE2: number, items: readonly ReserveItem[]): MoneyE6 {
  let total = 0;
  for (const side of ['bid', 'ask'] as const) {
    let creditE2 = closableE2(side, positionE2);
    const sideItems = items.filter((i) => i.side === side).sort((a, b) => a.legE4 - b.legE4);
    for (const item of sideItems) {
      const coveredE2 = Math.min(creditE2, item.countE2);
      creditE2 -= coveredE2;
      total +=
        item.legE4 * (item.countE2 - coveredE2) + feeReserveE6(item.multiplierE4, item.countE2, item.legE4);
    }
  }
  return total;
}

export function reserveItemOf(order: OrderState, multiplierE4: number): ReserveItem {
  return {
    side: order.side,
    legE4: legPriceE4(order.side, order.priceE4),
    countE2: order.remainingCountE2,
    multiplierE4,
  };
}

/** Recomputes and stores the reserve for one market; returns the account's new total. */
export function refreshReserve(account: Account, ticker: string, multiplierE4: number): MoneyE6 {
  const position = account.positions.get(ticker)?.positionE2 ?? 0;
  const resting = account.resting.get(ticker);
  const items = resting ? [...resting].map((o) => reserveItemOf(o, multiplierE4)) : [];
  const next = items.length === 0 ? 0 : reserveForMarketE6(position, items);
  const previous = account.reservedByTicker.get(ticker) ?? 0;
  if (next === 0) account.reservedByTicker.delete(ticker);
  else account.reservedByTicker.set(ticker, next);
  account.reservedE6 += next - previous;
  return account.reservedE6;
}
