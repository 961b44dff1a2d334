import type { FeeAccumulator } from './fees.js';
import type { ReserveItem } from './reserve-agg.js';
import type { BookSide, Order, OutcomeSide, PriceE4 } from './types.js';
import { ONE_DOLLAR_E4 } from './types.js';

/** The engine's mutable order: the public fields plus what matching and fees need. */
export interface OrderState extends Order {
  fee: FeeAccumulator;
  /** True while the order sits on a ladder (an incoming taker is live but not on the book). */
  isOnBook: boolean;
  /** Memoised reserve inputs (see account.ts reserveItemOf). */
  reserveCache: {
    side: BookSide;
    legE4: number;
    countE2: number;
    feeE6: number;
    multiplierE4: number;
  } | null;
  /** The reserve contribution currently counted in the account's totals (null when not resting). */
  trackedReserve: ReserveItem | null;
}

/** A detached copy for callers and events, so nobody can mutate engine state through it. */
export function snapshotOrder(state: OrderState): Order {
  const {
    fee: _fee,
    isOnBook: _isOnBook,
    reserveCache: _reserveCache,
    trackedReserve: _trackedReserve,
    ...order
  } = state;
  return order;
}

/** Bids rest on the YES ladder at their price; asks rest on the NO ladder at 1 − price. */
export function ladderOf(side: BookSide): OutcomeSide {
  return side === 'bid' ? 'yes' : 'no';
}

/** The order's limit on its own leg: what one contract of it costs at worst. */
export function legPriceE4(side: BookSide, yesPriceE4: PriceE4): PriceE4 {
  return side === 'bid' ? yesPriceE4 : ONE_DOLLAR_E4 - yesPriceE4;
}
