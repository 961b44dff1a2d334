import type { OrderState } from './order-state.js';
import type { BookLevel, CountE2, PriceE4 } from './types.js';
import { ONE_DOLLAR_E4 } from './types.js';

/** One price level: FIFO by arrival (a Set keeps insertion order and deletes in O(1)). */
export interface Level {
  priceE4: PriceE4;
  totalE2: CountE2;
  orders: Set<OrderState>;
}

/**
 * One side of the book (YES bids or NO bids), indexed by that leg's price. Prices live on a
 * bounded 0.0001 grid, so a dense array beats a tree: O(1) insert and lookup, and the best price
 * only moves by a scan when its level empties.
 */
export class Ladder {
  private readonly levels: (Level | undefined)[] = new Array<Level | undefined>(ONE_DOLLAR_E4 + 1);
  private bestE4 = -1;
  private levelCount = 0;

  bestPriceE4(): PriceE4 | null {
    return this.bestE4 >= 0 ? this.bestE4 : null;
  }

  bestLevel(): Level | undefined {
    return this.bestE4 >= 0 ? this.levels[this.bestE4] : undefined;
  }

  levelAt(priceE4: PriceE4): Level | undefined {
    return this.levels[priceE4];
  }

  /** Appends to the back of the queue at `priceE4` (time priority). */
  add(order: OrderState, priceE4: PriceE4): void {
    let level = this.levels[priceE4];
    if (!level) {
      level = { priceE4, totalE2: 0, orders: new Set() };
      this.levels[priceE4] = level;
      this.levelCount += 1;
      if (priceE4 > this.bestE4) this.bestE4 = priceE4;
    }
    level.orders.add(order);
    level.totalE2 += order.remainingCountE2;
  }

  /** Lowers the level total after the order's remaining count shrank by `byE2` (it keeps its place). */
  shrink(priceE4: PriceE4, byE2: CountE2): void {
    const level = this.levels[priceE4];
    if (level) level.totalE2 -= byE2;
  }

  /** Removes the order; `remainingE2` is what it still contributed to the level. */
  remove(order: OrderState, priceE4: PriceE4, remainingE2: CountE2): void {
    const level = this.levels[priceE4];
    if (!level || !level.orders.delete(order)) return;
    level.totalE2 -= remainingE2;
    if (level.orders.size > 0) return;
    this.levels[priceE4] = undefined;
    this.levelCount -= 1;
    if (priceE4 === this.bestE4) this.bestE4 = this.nextBelow(priceE4);
  }

  /** Levels best (highest) first, at most `depth` of them (0 = all). */
  snapshot(depth: number): BookLevel[] {
    const out: BookLevel[] = [];
    const max = depth > 0 ? Math.min(depth, this.levelCount) : this.levelCount;
    for (let p = this.bestE4; p > 0 && out.length < max; p -= 1) {
      const level = this.levels[p];
      if (level) out.push([p, level.totalE2]);
    }
    return out;
  }

  /** Every level from best down to (and including) `minPriceE4`. */
  *levelsDownTo(minPriceE4: PriceE4): Generator<Level> {
    for (let p = this.bestE4; p >= minPriceE4 && p > 0; p -= 1) {
      const level = this.levels[p];
      if (level) yield level;
    }
  }

  private nextBelow(priceE4: PriceE4): PriceE4 {
    if (this.levelCount === 0) return -1;
    for (let p = priceE4 - 1; p > 0; p -= 1) if (this.levels[p]) return p;
    return -1;
  }
}
