/**
 * The meaning of `book.delta`, in one place for both sides: the agent diffs the book it last sent
 * against the current one (coalescing any number of venue deltas into one message), and the web
 * applies the changes. Property tests prove apply(before, diff(before, after)) = after.
 */
import type { CountE2, PriceE4 } from '../money.js';
import type { BookLeg, BookLevel, BookLevelChange, OrderBook } from './book.js';
import { asksFromOppositeBids } from './book.js';
import { countE2 } from '../money.js';

type LevelMap = Map<PriceE4, CountE2>;

function toMap(levels: readonly BookLevel[]): LevelMap {
  return new Map(levels.map((level) => [level.priceE4, level.countE2]));
}

function toBids(levels: LevelMap): BookLevel[] {
  return [...levels.entries()]
    .map(([priceE4, count]) => ({ priceE4, countE2: count }))
    .sort((a, b) => b.priceE4 - a.priceE4);
}

function legChanges(leg: BookLeg, before: LevelMap, after: LevelMap): BookLevelChange[] {
  const changes: BookLevelChange[] = [];
  for (const [priceE4, count] of after) {
    if (before.get(priceE4) !== count) changes.push({ leg, priceE4, countE2: count });
  }
  for (const priceE4 of before.keys()) {
    if (!after.has(priceE4)) changes.push({ leg, priceE4, countE2: countE2(0) });
  }
  return changes.sort((a, b) => b.priceE4 - a.priceE4);
}

/** The level changes that turn `before` into `after` (same market); empty when nothing changed. */
export function diffBooks(
  before: Pick<OrderBook, 'yesBids' | 'noBids'>,
  after: Pick<OrderBook, 'yesBids' | 'noBids'>,
): BookLevelChange[] {
  return [
    ...legChanges('yes', toMap(before.yesBids), toMap(after.yesBids)),
    ...legChanges('no', toMap(before.noBids), toMap(after.noBids)),
  ];
}

/** Applies a `book.delta`: sets each level to its new size (0 removes it) and re-derives the asks. */
export function applyBookChanges(
  book: OrderBook,
  delta: {
    readonly changes: readonly BookLevelChange[];
    readonly isQuotable: boolean;
    readonly asOfMs: number;
  },
): OrderBook {
  const legs = { yes: toMap(book.yesBids), no: toMap(book.noBids) };
  for (const change of delta.changes) {
    if (change.countE2 === 0) legs[change.leg].delete(change.priceE4);
    else legs[change.leg].set(change.priceE4, change.countE2);
  }
  const yesBids = toBids(legs.yes);
  const noBids = toBids(legs.no);
  return {
    ticker: book.ticker,
    yesBids,
    noBids,
    yesAsks: asksFromOppositeBids(noBids),
    noAsks: asksFromOppositeBids(yesBids),
    isQuotable: delta.isQuotable,
    asOfMs: delta.asOfMs,
  };
}
