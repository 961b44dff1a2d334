import { describe, expect, it } from 'vitest';
import { priceE4, countE2 } from '../money.js';
import { OrderBook, asksFromOppositeBids, topOfBook } from './book.js';

// Levels from the documented Kalshi snapshot for FED-23DEC-T3.00, re-ordered best first.
const yesBids = [
  { priceE4: 2200, countE2: 33300 },
  { priceE4: 800, countE2: 30000 },
];
const noBids = [
  { priceE4: 5600, countE2: 14600 },
  { priceE4: 5400, countE2: 2000 },
];
const book = {
  ticker: 'FED-23DEC-T3.00',
  yesBids,
  noBids,
  yesAsks: [
    { priceE4: 4400, countE2: 14600 },
    { priceE4: 4600, countE2: 2000 },
  ],
  noAsks: [
    { priceE4: 7800, countE2: 33300 },
    { priceE4: 9200, countE2: 30000 },
  ],
  isQuotable: true,
  asOfMs: 1669149841000,
};

describe('OrderBook', () => {
  it('parses a consistent book and reports its top', () => {
    const parsed = OrderBook.parse(book);
    expect(topOfBook(parsed)).toEqual({ bidPriceE4: 2200, askPriceE4: 4400 });
  });

  it('derives asks from the opposite leg', () => {
    const levels = noBids.map((l) => ({ priceE4: priceE4(l.priceE4), countE2: countE2(l.countE2) }));
    expect(asksFromOppositeBids(levels)).toEqual(book.yesAsks);
  });

  it('has a null top for an empty side', () => {
    expect(topOfBook({ yesBids: [], yesAsks: [] })).toEqual({ bidPriceE4: null, askPriceE4: null });
  });

  it.each([
    ['bids out of order', { yesBids: [...yesBids].reverse() }, ['yesBids', 1, 'priceE4']],
    ['zero-size level', { yesBids: [{ priceE4: 2200, countE2: 0 }] }, ['yesBids', 0, 'countE2']],
    ['price above 1', { noBids: [{ priceE4: 10001, countE2: 1 }] }, ['noBids', 0, 'priceE4']],
    ['asks that do not mirror bids', { yesAsks: [{ priceE4: 4400, countE2: 14600 }] }, ['yesAsks']],
    ['fractional count', { noAsks: [{ priceE4: 7800, countE2: 1.5 }] }, ['noAsks', 0, 'countE2']],
  ])('rejects %s at the right path', (_name, patch, path) => {
    const result = OrderBook.safeParse({ ...book, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
