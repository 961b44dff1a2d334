/**
 * One market's order book as Kalshi sends it: YES bids and NO bids only (kalshi-api.md §6), in
 * fixed-point integers (PriceE4 → CountE2). Asks are derived: best YES ask = 1 − best NO bid, best
 * NO ask = 1 − best YES bid, each with the size of the bid it mirrors.
 */
import type { BookLevel, CountE2, MarketTicker, OrderBook as ProtocolOrderBook, PriceE4 } from '@pt/protocol';
import { MAX_PRICE_E4, asksFromOppositeBids, countE2, priceE4 } from '@pt/protocol';
import { Ladder } from './ladder.js';
import { REASON_BIT, LIFTABLE_WITHOUT_SNAPSHOT, reasonsOf } from './quotability.js';
import type { UnquotableReason } from './quotability.js';

export type BookSide = 'yes' | 'no';
/** A snapshot level as parsed from `orderbook_snapshot` / `GET .../orderbook`: [price, size]. */
export type SnapshotLevel = readonly [PriceE4, CountE2];
export interface Quote {
  priceE4: PriceE4;
  countE2: CountE2;
}

export class OrderBook {
  private readonly yes = new Ladder();
  private readonly no = new Ladder();
  private unquotableMask = REASON_BIT.not_snapshotted;
  private changeCount = 0;
  private inconsistencies = 0;

  constructor(readonly ticker: MarketTicker) {}

  /** Replaces both ladders and clears every unquotable reason (a snapshot is the fresh truth). */
  applySnapshot(yesBids: readonly SnapshotLevel[], noBids: readonly SnapshotLevel[]): void {
    this.yes.clear();
    this.no.clear();
    this.unquotableMask = 0;
    this.fill(this.yes, yesBids);
    this.fill(this.no, noBids);
    this.changeCount += 1;
  }

  /**
   * Adds a signed size change to one level. Sizes accumulate exactly (integers in 1/100 contract);
   * the level is removed when it reaches 0.
   *
   * Defensive choice: a result below zero cannot happen on a consistent feed (we missed an add, or
   * the venue misreported). The level is removed (never kept negative), the inconsistency counted,
   * and the book marked unquotable until the next snapshot: its content is wrong somewhere we cannot
   * see. Returns false for an inconsistent or ignored delta (before the first snapshot there is no
   * base to apply it to).
   */
  applyDelta(side: BookSide, priceE4: PriceE4, deltaE2: number): boolean {
    if ((this.unquotableMask & REASON_BIT.not_snapshotted) !== 0) return false;
    const ladder = side === 'yes' ? this.yes : this.no;
    const next = ladder.sizeAt(priceE4) + deltaE2;
    ladder.set(priceE4, next);
    this.changeCount += 1;
    if (next >= 0) return true;
    this.inconsistencies += 1;
    this.unquotableMask |= REASON_BIT.inconsistent;
    return false;
  }

  /** Adds a reason the book must not be traded on (kept until a snapshot, see quotability.ts). */
  markUnquotable(reason: UnquotableReason): void {
    this.unquotableMask |= REASON_BIT[reason];
  }

  /** Lifts a liveness-only reason ('stale'); integrity reasons wait for a snapshot. */
  liftUnquotable(reason: UnquotableReason): boolean {
    if (!LIFTABLE_WITHOUT_SNAPSHOT.has(reason)) return false;
    this.unquotableMask &= ~REASON_BIT[reason];
    return true;
  }

  /** Back to the empty, never-snapshotted state (e.g. the market was unsubscribed). */
  reset(): void {
    this.yes.clear();
    this.no.clear();
    this.unquotableMask = REASON_BIT.not_snapshotted;
    this.changeCount += 1;
  }

  get isQuotable(): boolean {
    return this.unquotableMask === 0;
  }
  get unquotableReasons(): UnquotableReason[] {
    return reasonsOf(this.unquotableMask);
  }
  /** Increases on every snapshot, delta and reset: cheap "did the book change since I looked". */
  get version(): number {
    return this.changeCount;
  }
  /** Deltas that took a level below zero since this book was created. */
  get inconsistencyCount(): number {
    return this.inconsistencies;
  }

  bestYesBid(): Quote | null {
    return quote(this.yes, this.yes.bestPrice(), false);
  }
  bestNoBid(): Quote | null {
    return quote(this.no, this.no.bestPrice(), false);
  }
  /** 1 − best NO bid, with that NO bid's size. */
  bestYesAsk(): Quote | null {
    return quote(this.no, this.no.bestPrice(), true);
  }
  /** 1 − best YES bid, with that YES bid's size. */
  bestNoAsk(): Quote | null {
    return quote(this.yes, this.yes.bestPrice(), true);
  }

  /** Bids of one side, best first, at most `depth` levels. */
  levels(side: BookSide, depth = Number.POSITIVE_INFINITY): BookLevel[] {
    const out: BookLevel[] = [];
    (side === 'yes' ? this.yes : this.no).forEachBest(depth, (price, size) => {
      out.push({ priceE4: priceE4(price), countE2: countE2(size) });
    });
    return out;
  }

  /** The `@pt/protocol` book (asks derived from the opposite bids), optionally cut to `depth`. */
  toProtocolBook(options: { asOfMs: number; depth?: number }): ProtocolOrderBook {
    const yesBids = this.levels('yes', options.depth);
    const noBids = this.levels('no', options.depth);
    return {
      ticker: this.ticker,
      yesBids,
      noBids,
      yesAsks: asksFromOppositeBids(noBids),
      noAsks: asksFromOppositeBids(yesBids),
      isQuotable: this.isQuotable,
      asOfMs: options.asOfMs,
    };
  }

  private fill(ladder: Ladder, levels: readonly SnapshotLevel[]): void {
    for (const [price, size] of levels) {
      if (size < 0) {
        // A negative size in a snapshot is the venue's inconsistency, not a level.
        this.inconsistencies += 1;
        this.unquotableMask |= REASON_BIT.inconsistent;
        continue;
      }
      // A price listed twice is summed rather than overwritten, so no size silently disappears.
      ladder.set(price, ladder.sizeAt(price) + size);
    }
  }
}

function quote(ladder: Ladder, bestPrice: number, isComplement: boolean): Quote | null {
  if (bestPrice < 0) return null;
  return {
    priceE4: priceE4(isComplement ? MAX_PRICE_E4 - bestPrice : bestPrice),
    countE2: countE2(ladder.sizeAt(bestPrice)),
  };
}
