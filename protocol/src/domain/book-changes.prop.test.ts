import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarketTicker } from '../ids.js';
import { countE2, priceE4 } from '../money.js';
import { OrderBook, asksFromOppositeBids } from './book.js';
import type { BookLevel } from './book.js';
import { applyBookChanges, diffBooks } from './book-changes.js';

const RUNS = { seed: 20261125, numRuns: 300 };
const TICKER = MarketTicker.parse('KXHIGHNY-25NOV25-B58.5');

/** Bid levels on a coarse grid so that two books often share prices (the interesting case). */
const bids = fc
  .uniqueArray(
    fc.record({
      priceE4: fc.integer({ min: 0, max: 100 }).map((n) => priceE4(n * 100)),
      countE2: fc.integer({ min: 1, max: 10_000_000 }).map((n) => countE2(n)),
    }),
    { selector: (level) => level.priceE4, maxLength: 12 },
  )
  .map((levels): BookLevel[] => [...levels].sort((a, b) => b.priceE4 - a.priceE4));

const book = fc.tuple(bids, bids, fc.nat({ max: 2 ** 40 })).map(([yesBids, noBids, asOfMs]): OrderBook => ({
  ticker: TICKER,
  yesBids,
  noBids,
  yesAsks: asksFromOppositeBids(noBids),
  noAsks: asksFromOppositeBids(yesBids),
  isQuotable: true,
  asOfMs,
}));

describe('book changes', () => {
  it('apply(before, diff(before, after)) = after', () => {
    fc.assert(
      fc.property(book, book, (before, after) => {
        const changes = diffBooks(before, after);
        const applied = applyBookChanges(before, {
          changes,
          isQuotable: after.isQuotable,
          asOfMs: after.asOfMs,
        });
        expect(applied).toEqual(after);
        expect(OrderBook.safeParse(applied).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('diffs are minimal: a book against itself has no changes, each level appears at most once', () => {
    fc.assert(
      fc.property(book, book, (before, after) => {
        expect(diffBooks(before, before)).toEqual([]);
        const keys = diffBooks(before, after).map((change) => `${change.leg}:${change.priceE4}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      RUNS,
    );
  });

  it('applying the same delta twice changes nothing more (absolute sizes)', () => {
    fc.assert(
      fc.property(book, book, (before, after) => {
        const delta = { changes: diffBooks(before, after), isQuotable: true, asOfMs: after.asOfMs };
        const once = applyBookChanges(before, delta);
        expect(applyBookChanges(once, delta)).toEqual(once);
      }),
      RUNS,
    );
  });
});
