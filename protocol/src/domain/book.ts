/**
 * Order book on the agent↔web wire. Kalshi books hold bids only: YES bids and NO bids. A NO bid at
 * q is a YES ask at 1 − q, so asks are derived, never stored separately by the venue.
 */
import { z } from 'zod';
import { MarketTicker } from '../ids.js';
import { MAX_PRICE_E4, complementPrice } from '../money.js';
import type { PriceE4 } from '../money.js';
import { CountE2Schema, PriceE4Schema } from '../money-schemas.js';
import { TimestampMs } from '../timestamp.js';

export const BookLevel = z.object({
  priceE4: PriceE4Schema,
  countE2: CountE2Schema.refine((count) => count > 0, { error: 'a book level has a positive count' }),
});
export type BookLevel = z.infer<typeof BookLevel>;

/** Bids, best (highest) first, each price once. */
const BidLevels = z.array(BookLevel).superRefine((levels, ctx) => {
  levels.forEach((level, index) => {
    const previous = index > 0 ? levels[index - 1] : undefined;
    if (previous !== undefined && level.priceE4 >= previous.priceE4) {
      ctx.addIssue({ code: 'custom', path: [index, 'priceE4'], message: 'bids must be strictly descending' });
    }
  });
});
/** Asks, best (lowest) first, each price once. */
const AskLevels = z.array(BookLevel).superRefine((levels, ctx) => {
  levels.forEach((level, index) => {
    const previous = index > 0 ? levels[index - 1] : undefined;
    if (previous !== undefined && level.priceE4 <= previous.priceE4) {
      ctx.addIssue({ code: 'custom', path: [index, 'priceE4'], message: 'asks must be strictly ascending' });
    }
  });
});

/** The asks of one leg, from the bids of the other: a NO bid at q is a YES ask at 1 − q. */
export function asksFromOppositeBids(oppositeBids: readonly BookLevel[]): BookLevel[] {
  // Opposite bids are best-first (descending), so complemented prices come out ascending.
  return oppositeBids.map((level) => ({ priceE4: complementPrice(level.priceE4), countE2: level.countE2 }));
}

export const OrderBook = z
  .object({
    ticker: MarketTicker,
    /** YES bids, priced on the YES leg. */
    yesBids: BidLevels,
    /** NO bids, priced on the NO leg (Kalshi's default no-leg pricing: a NO bid at 0.30 is 3000). */
    noBids: BidLevels,
    /** Derived from `noBids`; sent so the UI never does price math. */
    yesAsks: AskLevels,
    /** Derived from `yesBids`. */
    noAsks: AskLevels,
    /** False after a sequence gap until a fresh venue snapshot arrives: show it, do not trade on it. */
    isQuotable: z.boolean(),
    asOfMs: TimestampMs,
  })
  .superRefine((book, ctx) => {
    // Refinements also run on values whose fields already failed (zod keeps going after a range
    // issue), so this check must not throw: plain arithmetic, no branded constructors.
    const pairs = [
      ['yesAsks', book.yesAsks, book.noBids],
      ['noAsks', book.noAsks, book.yesBids],
    ] as const;
    for (const [key, asks, oppositeBids] of pairs) {
      const isConsistent =
        asks.length === oppositeBids.length &&
        asks.every((level, i) => {
          const bid = oppositeBids[i];
          return (
            bid !== undefined && level.priceE4 === MAX_PRICE_E4 - bid.priceE4 && level.countE2 === bid.countE2
          );
        });
      if (!isConsistent) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} must mirror the opposite leg's bids` });
      }
    }
  });
export type OrderBook = z.infer<typeof OrderBook>;

/** Best YES bid and ask, or null for an empty side. A crossed book (bid ≥ ask) is the caller's alarm. */
export function topOfBook(book: Pick<OrderBook, 'yesBids' | 'yesAsks'>): {
  bidPriceE4: PriceE4 | null;
  askPriceE4: PriceE4 | null;
} {
  return { bidPriceE4: book.yesBids[0]?.priceE4 ?? null, askPriceE4: book.yesAsks[0]?.priceE4 ?? null };
}

export const BookLeg = z.enum(['yes', 'no']);
export type BookLeg = z.infer<typeof BookLeg>;

/**
 * One changed bid level of `leg`, priced on that leg (as in OrderBook.yesBids / noBids); the asks
 * it implies change with it. `countE2` is the new resting size (0 removes the level). Absolute sizes,
 * unlike Kalshi's signed deltas, make a duplicated message harmless.
 */
export const BookLevelChange = z.object({
  leg: BookLeg,
  priceE4: PriceE4Schema,
  countE2: CountE2Schema,
});
export type BookLevelChange = z.infer<typeof BookLevelChange>;
