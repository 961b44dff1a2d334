import { describe, expect, it } from 'vitest';
import { collectAll } from './paginate.js';
import type { Page } from './types.js';

function pages(...list: Page<number>[]): {
  fetchPage: (c: string | undefined) => Promise<Page<number>>;
  cursors: (string | undefined)[];
} {
  const cursors: (string | undefined)[] = [];
  return {
    cursors,
    fetchPage: (cursor) => {
      cursors.push(cursor);
      const page = list[cursors.length - 1];
      if (page === undefined) throw new Error('fetched past the last scripted page');
      return Promise.resolve(page);
    },
  };
}

describe('paginate', () => {
  it('follows cursors and stops on a missing cursor', async () => {
    const p = pages({ items: [1, 2], cursor: 'a' }, { items: [3], cursor: undefined });
    expect(await collectAll(p.fetchPage)).toEqual([1, 2, 3]);
    expect(p.cursors).toEqual([undefined, 'a']);
  });

  it("stops on an empty cursor ''", async () => {
    const p = pages({ items: [1], cursor: '' });
    expect(await collectAll(p.fetchPage)).toEqual([1]);
  });

  it('stops on an empty page even if a cursor came with it', async () => {
    const p = pages({ items: [1], cursor: 'a' }, { items: [], cursor: 'b' });
    expect(await collectAll(p.fetchPage)).toEqual([1]);
    expect(p.cursors).toEqual([undefined, 'a']);
  });

  it('fails on a repeating cursor instead of looping forever', async () => {
    const p = pages({ items: [1], cursor: 'a' }, { items: [2], cursor: 'b' }, { items: [3], cursor: 'a' });
    await expect(collectAll(p.fetchPage)).rejects.toThrow(/cursor repeated/);
  });

  it('fails at the page cap', async () => {
    let n = 0;
    const endless = () => Promise.resolve({ items: [n], cursor: `c${n++}` });
    await expect(collectAll(endless, { maxPages: 3 })).rejects.toThrow(/3-page cap/);
  });
});
