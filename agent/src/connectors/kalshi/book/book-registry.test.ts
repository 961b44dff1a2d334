import { MarketTicker, countE2, priceE4 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { BookRegistry } from './book-registry.js';

const a = MarketTicker.parse('KXHIGHNY-25DEC27-B33.5');
const b = MarketTicker.parse('KXHIGHNY-25DEC27-T36');
const c = MarketTicker.parse('KXHIGHNY-26JAN01-T29');

function seeded(): BookRegistry {
  const registry = new BookRegistry();
  for (const ticker of [a, b, c]) registry.ensure(ticker).applySnapshot([[priceE4(4000), countE2(100)]], []);
  registry.bind(1, a);
  registry.bind(1, b);
  registry.bind(2, c);
  return registry;
}

describe('BookRegistry', () => {
  it('marks every book of a sid unquotable at once, and only those', () => {
    const registry = seeded();
    expect(registry.markSidUnquotable(1, 'seq_gap').sort()).toEqual([a, b]);
    expect(registry.get(a)?.unquotableReasons).toEqual(['seq_gap']);
    expect(registry.get(b)?.isQuotable).toBe(false);
    expect(registry.get(c)?.isQuotable).toBe(true);
  });

  it('moves a ticker to its new sid on rebind', () => {
    const registry = seeded();
    registry.bind(3, a);
    expect(registry.sidOf(a)).toBe(3);
    expect(registry.tickersOf(1)).toEqual([b]);
    registry.markSidUnquotable(1, 'seq_gap');
    expect(registry.get(a)?.isQuotable).toBe(true);
  });

  it('creates books unquotable, keeps them across clearSids, drops them on delete', () => {
    const registry = seeded();
    const fresh = registry.ensure(MarketTicker.parse('KXNEW-1'));
    expect(fresh.unquotableReasons).toEqual(['not_snapshotted']);
    registry.clearSids();
    expect(registry.tickersOf(1)).toEqual([]);
    expect(registry.get(a)?.isQuotable).toBe(true);
    registry.markAllUnquotable('disconnected');
    expect([...registry.values()].every((book) => !book.isQuotable)).toBe(true);
    expect(registry.delete(a)).toBe(true);
    expect(registry.get(a)).toBeUndefined();
    expect(registry.size).toBe(3);
  });
});
