/** Newest-first keyset pages: a full walk has every item once, appends never shift a later page. */
import { describe, expect, it } from 'vitest';
import { decodePageCursor, encodePageCursor, pageNewestFirst } from './pages.js';

const items = Array.from({ length: 7 }, (_, i) => ({ atMs: 1_000 + Math.floor(i / 2), id: i + 1 }));

describe('pageNewestFirst', () => {
  it('walks every item once, newest first, and ends with a null cursor', () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = pageNewestFirst(items, (x) => x, { cursor, limit: 3 });
      seen.push(...page.items.map((x) => x.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('a newer item appended between pages does not enter later pages', () => {
    const first = pageNewestFirst(items, (x) => x, { limit: 4 });
    const grown = [...items, { atMs: 2_000, id: 99 }];
    const second = pageNewestFirst(grown, (x) => x, { cursor: first.nextCursor ?? '', limit: 4 });
    expect(second.items.map((x) => x.id)).toEqual([3, 2, 1]);
  });

  it('refuses a cursor it did not make, naming the field', () => {
    expect(decodePageCursor(encodePageCursor({ atMs: 5, id: 6 }))).toEqual({ atMs: 5, id: 6 });
    expect(() => decodePageCursor('bm9wZQ')).toThrow(/cursor/);
  });
});
