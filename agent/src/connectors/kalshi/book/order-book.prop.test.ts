/**
 * Any sequence of snapshots and deltas leaves the book equal to a plain reference model: one Map per
 * side, sorted on demand, with the documented rules (sizes add, ≤ 0 removes, < 0 is inconsistent).
 */
import { MarketTicker, countE2, priceE4 } from '@pt/protocol';
import type { CountE2, PriceE4 } from '@pt/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderBook } from './order-book.js';
import type { BookSide } from './order-book.js';

type Op =
  | { kind: 'snapshot'; yes: [number, number][]; no: [number, number][] }
  | { kind: 'delta'; side: BookSide; price: number; delta: number }
  /** A delta of exactly −(current size) − overshoot: a venue cancel, or with overshoot > 0 a bad one. */
  | { kind: 'cancel'; side: BookSide; price: number; overshoot: number };

class ReferenceBook {
  sides: Record<BookSide, Map<number, number>> = { yes: new Map(), no: new Map() };
  isSnapshotted = false;
  isInconsistent = false;

  apply(op: Op): void {
    if (op.kind === 'snapshot') {
      this.sides = { yes: sumLevels(op.yes), no: sumLevels(op.no) };
      this.isSnapshotted = true;
      this.isInconsistent = false;
      return;
    }
    if (!this.isSnapshotted) return;
    const side = this.sides[op.side];
    const next = (side.get(op.price) ?? 0) + this.deltaOf(op);
    if (next > 0) side.set(op.price, next);
    else side.delete(op.price);
    if (next < 0) this.isInconsistent = true;
  }

  /** The signed delta an op stands for, given the current state. */
  deltaOf(op: Exclude<Op, { kind: 'snapshot' }>): number {
    return op.kind === 'delta' ? op.delta : -(this.sides[op.side].get(op.price) ?? 0) - op.overshoot;
  }

  bids(side: BookSide): { priceE4: number; countE2: number }[] {
    return [...this.sides[side].entries()]
      .sort(([p], [q]) => q - p)
      .map(([price, count]) => ({ priceE4: price, countE2: count }));
  }
}

function sumLevels(levels: [number, number][]): Map<number, number> {
  const map = new Map<number, number>();
  for (const [price, count] of levels) if (count > 0) map.set(price, (map.get(price) ?? 0) + count);
  return map;
}

// A narrow price band makes collisions (updates of existing levels, removals) frequent.
const price = fc.integer({ min: 1, max: 40 }).map((tick) => tick * 250);
const level = fc.tuple(price, fc.integer({ min: 1, max: 5_000 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('snapshot' as const),
      yes: fc.array(level, { maxLength: 12 }),
      no: fc.array(level, { maxLength: 12 }),
    }),
  },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('delta' as const),
      side: fc.constantFrom<BookSide>('yes', 'no'),
      price,
      // Fractional sizes (1/100 contract) both ways, sometimes far more negative than any level.
      delta: fc.oneof(fc.integer({ min: -3_000, max: 3_000 }), fc.integer({ min: -60_000, max: -1 })),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      side: fc.constantFrom<BookSide>('yes', 'no'),
      price,
      overshoot: fc.oneof(
        { weight: 5, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 50 }) },
      ),
    }),
  },
);

const toLevels = (levels: [number, number][]): [PriceE4, CountE2][] =>
  levels.map(([p, c]) => [priceE4(p), countE2(c)]);

describe('OrderBook against a reference model', () => {
  it('matches after every operation of any sequence', () => {
    const ticker = MarketTicker.parse('KXPROP-1');
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const book = new OrderBook(ticker);
        const reference = new ReferenceBook();
        for (const step of ops) {
          if (step.kind === 'snapshot') book.applySnapshot(toLevels(step.yes), toLevels(step.no));
          else book.applyDelta(step.side, priceE4(step.price), reference.deltaOf(step));
          reference.apply(step);
          expect(book.levels('yes')).toEqual(reference.bids('yes'));
          expect(book.levels('no')).toEqual(reference.bids('no'));
          const bestYes = reference.bids('yes')[0];
          const bestNo = reference.bids('no')[0];
          expect(book.bestYesBid()).toEqual(bestYes ?? null);
          expect(book.bestYesAsk()).toEqual(
            bestNo === undefined ? null : { priceE4: 10_000 - bestNo.priceE4, countE2: bestNo.countE2 },
          );
          expect(book.bestNoAsk()).toEqual(
            bestYes === undefined ? null : { priceE4: 10_000 - bestYes.priceE4, countE2: bestYes.countE2 },
          );
          expect(book.isQuotable).toBe(reference.isSnapshotted && !reference.isInconsistent);
        }
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
