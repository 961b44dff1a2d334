import { OrderBook as ProtocolOrderBook, MarketTicker, countE2, priceE4, signedCountE2 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { OrderBook } from './order-book.js';
import type { SnapshotLevel } from './order-book.js';

const ticker = MarketTicker.parse('KXHIGHNY-25DEC27-B33.5');
const level = (price: number, count: number): SnapshotLevel => [priceE4(price), countE2(count)];

function snapshotted(): OrderBook {
  const book = new OrderBook(ticker);
  // YES bids 0.42 × 10, 0.40 × 5.5; NO bids 0.55 × 3, 0.50 × 7.25
  book.applySnapshot([level(4000, 550), level(4200, 1000)], [level(5500, 300), level(5000, 725)]);
  return book;
}

describe('OrderBook', () => {
  it('starts unquotable (not snapshotted) and ignores deltas until a snapshot', () => {
    const book = new OrderBook(ticker);
    expect(book.isQuotable).toBe(false);
    expect(book.unquotableReasons).toEqual(['not_snapshotted']);
    expect(book.applyDelta('yes', priceE4(4200), 100)).toBe(false);
    expect(book.bestYesBid()).toBeNull();
  });

  it('derives asks from the opposite best bid (YES ask = 1 − best NO bid)', () => {
    const book = snapshotted();
    expect(book.isQuotable).toBe(true);
    expect(book.bestYesBid()).toEqual({ priceE4: 4200, countE2: 1000 });
    expect(book.bestNoBid()).toEqual({ priceE4: 5500, countE2: 300 });
    expect(book.bestYesAsk()).toEqual({ priceE4: 4500, countE2: 300 });
    expect(book.bestNoAsk()).toEqual({ priceE4: 5800, countE2: 1000 });
  });

  it('accumulates fractional deltas exactly and removes a level at exactly zero', () => {
    const book = snapshotted();
    book.applyDelta('yes', priceE4(4300), 10); // +0.10
    book.applyDelta('yes', priceE4(4300), 20); // +0.20
    expect(book.bestYesBid()).toEqual({ priceE4: 4300, countE2: 30 });
    expect(book.applyDelta('yes', priceE4(4300), -30)).toBe(true);
    expect(book.bestYesBid()).toEqual({ priceE4: 4200, countE2: 1000 });
    expect(book.levels('yes')).toEqual([
      { priceE4: 4200, countE2: 1000 },
      { priceE4: 4000, countE2: 550 },
    ]);
  });

  it('removes a level driven negative, counts it and stays unquotable until the next snapshot', () => {
    const book = snapshotted();
    expect(book.applyDelta('no', priceE4(5500), -301)).toBe(false);
    expect(book.bestNoBid()).toEqual({ priceE4: 5000, countE2: 725 });
    expect(book.inconsistencyCount).toBe(1);
    expect(book.unquotableReasons).toEqual(['inconsistent']);
    expect(book.liftUnquotable('inconsistent')).toBe(false);
    book.applySnapshot([level(4200, 100)], []);
    expect(book.isQuotable).toBe(true);
    expect(book.bestYesAsk()).toBeNull();
  });

  it('treats a negative delta on an absent level as an inconsistency', () => {
    const book = snapshotted();
    expect(book.applyDelta('yes', priceE4(100), -5)).toBe(false);
    expect(book.levels('yes').map((l) => l.priceE4)).toEqual([4200, 4000]);
    expect(book.isQuotable).toBe(false);
  });

  it('keeps several reasons; only stale can be lifted without a snapshot', () => {
    const book = snapshotted();
    book.markUnquotable('stale');
    book.markUnquotable('seq_gap');
    expect(book.unquotableReasons).toEqual(['seq_gap', 'stale']);
    expect(book.liftUnquotable('stale')).toBe(true);
    expect(book.unquotableReasons).toEqual(['seq_gap']);
    expect(book.liftUnquotable('seq_gap')).toBe(false);
    book.applySnapshot([], []);
    expect(book.isQuotable).toBe(true);
  });

  it('sums a price listed twice in a snapshot and skips a negative snapshot size', () => {
    const book = new OrderBook(ticker);
    book.applySnapshot([level(4200, 100), level(4200, 50), [priceE4(4100), signedCountE2(-5)]], []);
    expect(book.levels('yes')).toEqual([{ priceE4: 4200, countE2: 150 }]);
    expect(book.unquotableReasons).toEqual(['inconsistent']);
  });

  it('bumps its version on every change', () => {
    const book = snapshotted();
    const before = book.version;
    book.applyDelta('yes', priceE4(4200), 1);
    expect(book.version).toBe(before + 1);
  });

  it('produces a protocol book that the protocol schema accepts, cut to depth', () => {
    const book = snapshotted();
    book.markUnquotable('stale');
    const wire = book.toProtocolBook({ asOfMs: 1_700_000_000_000, depth: 1 });
    expect(ProtocolOrderBook.parse(wire)).toEqual(wire);
    expect(wire).toEqual({
      ticker,
      yesBids: [{ priceE4: 4200, countE2: 1000 }],
      noBids: [{ priceE4: 5500, countE2: 300 }],
      yesAsks: [{ priceE4: 4500, countE2: 300 }],
      noAsks: [{ priceE4: 5800, countE2: 1000 }],
      isQuotable: false,
      asOfMs: 1_700_000_000_000,
    });
    expect(ProtocolOrderBook.parse(book.toProtocolBook({ asOfMs: 1 })).yesBids).toHaveLength(2);
  });

  it('reset returns to the never-snapshotted state', () => {
    const book = snapshotted();
    book.reset();
    expect(book.levels('no')).toEqual([]);
    expect(book.unquotableReasons).toEqual(['not_snapshotted']);
  });
});
