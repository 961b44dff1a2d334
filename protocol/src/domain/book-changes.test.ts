import { describe, expect, it } from 'vitest';
import { BookLevelChange, OrderBook } from './book.js';
import { applyBookChanges, diffBooks } from './book-changes.js';

const before = OrderBook.parse({
  ticker: 'FED-23DEC-T3.00',
  yesBids: [
    { priceE4: 2200, countE2: 33300 },
    { priceE4: 800, countE2: 30000 },
  ],
  noBids: [{ priceE4: 5600, countE2: 14600 }],
  yesAsks: [{ priceE4: 4400, countE2: 14600 }],
  noAsks: [
    { priceE4: 7800, countE2: 33300 },
    { priceE4: 9200, countE2: 30000 },
  ],
  isQuotable: true,
  asOfMs: 1000,
});

describe('applyBookChanges', () => {
  it('removes, resizes and adds levels and re-derives the asks', () => {
    const changes = [
      { leg: 'yes', priceE4: 800, countE2: 0 },
      { leg: 'yes', priceE4: 2200, countE2: 100 },
      { leg: 'no', priceE4: 5700, countE2: 500 },
    ].map((change) => BookLevelChange.parse(change));
    const after = applyBookChanges(before, { changes, isQuotable: false, asOfMs: 2000 });
    expect(after).toEqual({
      ticker: 'FED-23DEC-T3.00',
      yesBids: [{ priceE4: 2200, countE2: 100 }],
      noBids: [
        { priceE4: 5700, countE2: 500 },
        { priceE4: 5600, countE2: 14600 },
      ],
      yesAsks: [
        { priceE4: 4300, countE2: 500 },
        { priceE4: 4400, countE2: 14600 },
      ],
      noAsks: [{ priceE4: 7800, countE2: 100 }],
      isQuotable: false,
      asOfMs: 2000,
    });
    // The diff lists YES then NO, each best price first.
    const [removeYes800, resizeYes2200, addNo5700] = changes;
    expect(diffBooks(before, after)).toEqual([resizeYes2200, removeYes800, addNo5700]);
  });

  it('ignores the removal of a level that is not there', () => {
    const changes = [BookLevelChange.parse({ leg: 'no', priceE4: 100, countE2: 0 })];
    expect(applyBookChanges(before, { changes, isQuotable: true, asOfMs: 1000 })).toEqual(before);
  });
});
