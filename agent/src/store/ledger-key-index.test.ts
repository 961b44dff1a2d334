import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerKeyIndex, MAX_INDEXED_ID } from './ledger-key-index.js';

/** Every id filed under `hash`, in probe order. */
function idsUnder(index: LedgerKeyIndex, hash: number): number[] {
  const ids: number[] = [];
  index.find(hash, (id) => {
    ids.push(id);
    return false;
  });
  return ids;
}

describe('LedgerKeyIndex', () => {
  it('finds an id only when the row check confirms it, and 0 when nothing is filed', () => {
    const index = new LedgerKeyIndex();
    expect(index.find(42, () => true)).toBe(0);
    index.add(42, 7);
    expect(index.find(42, (id) => id === 7)).toBe(7);
    expect(index.find(42, () => false)).toBe(0);
    expect(index.find(43, () => true)).toBe(0);
  });

  it('keeps every id of a hash shared by several keys, and a repeated pair once', () => {
    const index = new LedgerKeyIndex();
    index.add(5, 1);
    index.add(5, 2);
    index.add(5, 1);
    index.add(0xffff_ffff, 3);
    expect(idsUnder(index, 5)).toEqual([1, 2]);
    expect(index.find(5, (id) => id === 2)).toBe(2);
    expect(idsUnder(index, 0xffff_ffff)).toEqual([3]);
    expect(index.size).toBe(3);
  });

  it('refuses ids a slot cannot hold', () => {
    const index = new LedgerKeyIndex();
    for (const id of [0, -1, 1.5, MAX_INDEXED_ID + 1]) expect(() => index.add(1, id)).toThrow(RangeError);
    index.add(1, MAX_INDEXED_ID);
    expect(idsUnder(index, 1)).toEqual([MAX_INDEXED_ID]);
  });

  it('matches a reference multimap through growth, with a hash space small enough to collide often', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 5_000 })), {
          maxLength: 3_000,
        }),
        (pairs) => {
          // Hashes spread over the whole 32-bit range but only 301 distinct ones: long shared runs.
          const spread = (h: number): number => Math.imul(h, 0x9e37_79b1) >>> 0;
          const index = new LedgerKeyIndex();
          const model = new Map<number, number[]>();
          for (const [h, id] of pairs) {
            index.add(spread(h), id);
            const ids = model.get(spread(h)) ?? [];
            if (!ids.includes(id)) ids.push(id);
            model.set(spread(h), ids);
          }
          expect(index.size).toBe([...model.values()].reduce((n, ids) => n + ids.length, 0));
          for (let h = 0; h <= 300; h += 1) {
            expect(idsUnder(index, spread(h)).sort((a, b) => a - b)).toEqual(
              (model.get(spread(h)) ?? []).sort((a, b) => a - b),
            );
          }
          expect(index.byteLength).toBeGreaterThanOrEqual((index.size / 0.7) * 8);
        },
      ),
      { seed: 20_261_125, numRuns: 60 },
    );
  });
});
