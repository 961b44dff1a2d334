/**
 * One side of a book (YES bids or NO bids): price → resting size in fixed-point integers, plus the
 * prices kept sorted so the best bid is O(1). This is the hot path of WS ingest: a delta that only
 * resizes an existing level is one Map lookup and one Map set, no allocation; adding or removing a
 * level is a binary search plus a shift of the prices above it; activity concentrates near the top
 * of the book (prices are sorted ascending, so the best bid is the last element: shifts are short).
 */
export class Ladder {
  private readonly sizes = new Map<number, number>();
  /** Prices with a positive size, ascending. */
  private readonly prices: number[] = [];

  get levelCount(): number {
    return this.prices.length;
  }

  sizeAt(priceE4: number): number {
    return this.sizes.get(priceE4) ?? 0;
  }

  /** Highest priced level, or -1 when the side is empty. */
  bestPrice(): number {
    const last = this.prices[this.prices.length - 1];
    return last ?? -1;
  }

  /** Sets a level's absolute size; 0 or less removes it. */
  set(priceE4: number, sizeE2: number): void {
    const isPresent = this.sizes.has(priceE4);
    if (sizeE2 > 0) {
      this.sizes.set(priceE4, sizeE2);
      if (!isPresent) this.insertAt(this.insertionIndex(priceE4), priceE4);
    } else if (isPresent) {
      this.sizes.delete(priceE4);
      this.removeAt(this.insertionIndex(priceE4));
    }
  }

  // Hand-rolled instead of splice, which allocates the array of removed elements on every call.
  private insertAt(index: number, priceE4: number): void {
    const prices = this.prices;
    prices.push(priceE4);
    for (let i = prices.length - 1; i > index; i--) prices[i] = prices[i - 1] ?? priceE4;
    prices[index] = priceE4;
  }

  private removeAt(index: number): void {
    const prices = this.prices;
    for (let i = index; i < prices.length - 1; i++) prices[i] = prices[i + 1] ?? 0;
    prices.pop();
  }

  clear(): void {
    this.sizes.clear();
    this.prices.length = 0;
  }

  /** Up to `depth` levels, best (highest) first, calling `visit(priceE4, sizeE2)`. */
  forEachBest(depth: number, visit: (priceE4: number, sizeE2: number) => void): void {
    const stop = Math.max(0, this.prices.length - depth);
    for (let i = this.prices.length - 1; i >= stop; i--) {
      const price = this.prices[i];
      if (price !== undefined) visit(price, this.sizes.get(price) ?? 0);
    }
  }

  /** First index whose price is ≥ `priceE4` (the level's index when present). */
  private insertionIndex(priceE4: number): number {
    // Most changes are at or near the best price: check the top before bisecting.
    const n = this.prices.length;
    if (n === 0 || priceE4 > (this.prices[n - 1] ?? -1)) return n;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.prices[mid] ?? 0) < priceE4) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
