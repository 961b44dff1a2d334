/**
 * Marking an open position to the quotable book: what selling it now at the top of the book would
 * return. YES contracts sell at the best YES bid; NO contracts at the best NO bid = 1 − best YES
 * ask. Exit fees are not estimated (they are charged when the exit fills). An unquotable book, or
 * an empty side to exit into, gives no mark (null), never a guess.
 */
import { legPriceE4 } from './position-math.js';
import type { PositionState } from './position-math.js';

export interface BookTop {
  readonly bestBidE4: number | null;
  readonly bestAskE4: number | null;
  readonly isQuotable: boolean;
}

export interface Mark {
  /** Exit price on the held leg. */
  readonly priceE4: number;
  readonly marketValueE6: number;
  /** Market value − cost basis. */
  readonly unrealizedE6: number;
}

/** The mark of `state` against `book`; a flat position marks at zero; null when it cannot be marked. */
export function markPosition(state: PositionState, book: BookTop | null): Mark | null {
  if (state.positionE2 === 0) return { priceE4: 0, marketValueE6: 0, unrealizedE6: 0 };
  if (book === null || !book.isQuotable) return null;
  const exitE4 =
    state.positionE2 > 0
      ? book.bestBidE4
      : book.bestAskE4 === null
        ? null
        : legPriceE4('ask', book.bestAskE4);
  if (exitE4 === null) return null;
  const marketValueE6 = exitE4 * Math.abs(state.positionE2);
  return { priceE4: exitE4, marketValueE6, unrealizedE6: marketValueE6 - state.costE6 };
}
