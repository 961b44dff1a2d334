/**
 * The merge of the two fill sources (fast-check): when one source saw every execution (REST reads
 * every fill of its window; the stream sees every fill while connected) and the other any subset
 * under different ids, the merged set has each execution once and folds to the truth. The case
 * neither source covers (two look-alike fills, each missed by a different source) is the known
 * undercount the venue position reconciliation corrects (README).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FillSet, mergeSources } from './fill-set.js';
import { foldPortfolio } from './portfolio-fold.js';
import { restCopy, wsCopy } from './test-fills.js';
import type { Execution } from './test-fills.js';

const executionArb: fc.Arbitrary<Execution> = fc.record({
  orderId: fc.constantFrom('o-1', 'o-2', 'o-3'),
  ticker: fc.constantFrom('MKT-A', 'MKT-B'),
  side: fc.constantFrom('bid' as const, 'ask' as const),
  yesPriceE4: fc.constantFrom(4_000, 5_000, 6_000),
  countE2: fc.constantFrom(100, 200),
  feeE6: fc.nat(100_000),
  atMs: fc.integer({ min: 1_000, max: 1_010 }),
});
const completeArb = fc.constantFrom('ws' as const, 'rest' as const);

describe('fill merge properties', () => {
  it('every execution counts once, whichever sources saw it', () => {
    fc.assert(
      fc.property(
        completeArb,
        fc.array(fc.tuple(executionArb, fc.boolean()), { maxLength: 25 }),
        (complete, cases) => {
          const records = cases.flatMap(([e, isSeenByOther]) => [
            ...(complete === 'ws' || isSeenByOther ? [wsCopy(e)] : []),
            ...(complete === 'rest' || isSeenByOther ? [restCopy(e)] : []),
          ]);
          const truth = cases.map(([e]) => wsCopy(e));
          const merged = mergeSources(records);
          expect(merged).toHaveLength(cases.length);
          const a = foldPortfolio(merged, [], []);
          const b = foldPortfolio(mergeSources(truth), [], []);
          for (const [ticker, position] of b.positions) {
            expect(a.positions.get(ticker)?.positionE2).toBe(position.positionE2);
            expect(a.positions.get(ticker)?.feesE6).toBe(position.feesE6);
          }
        },
      ),
    );
  });

  it('a ledger row added twice is one fill', () => {
    const set = new FillSet();
    const e: Execution = {
      orderId: 'o',
      ticker: 'MKT-A',
      side: 'bid',
      yesPriceE4: 5_000,
      countE2: 100,
      feeE6: 0,
      atMs: 1,
    };
    const fill = wsCopy(e);
    expect(set.add([fill, fill])).toHaveLength(1);
    expect(set.add([fill])).toHaveLength(0);
    expect(set.distinct()).toHaveLength(1);
  });
});
