/**
 * Properties of Flatten All's planning and the road's flatten guard: a planned order never
 * increases |position| (whatever part of it fills), never prices past the slippage bound from the
 * best price, is always reduce-only IOC, and the road's guard accepts exactly such orders.
 */
import { countE2, priceE4 } from '@pt/protocol';
import type { BookLevel } from '@pt/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flattenRefusal, signedFill } from './order-guard.js';
import { planFlatten } from './plan.js';

/** Strictly ordered distinct prices in 1..9999 with positive counts. */
function levelsArb(order: 'descending' | 'ascending'): fc.Arbitrary<BookLevel[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 8 })
    .chain((prices) =>
      fc.tuple(
        fc.constant([...prices].sort((a, b) => (order === 'ascending' ? a - b : b - a))),
        fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: prices.length, maxLength: prices.length }),
      ),
    )
    .map(([prices, counts]) =>
      prices.map((p, i) => ({ priceE4: priceE4(p), countE2: countE2(counts[i] ?? 1) })),
    );
}

const bookArb = fc.option(fc.record({ yesBids: levelsArb('descending'), yesAsks: levelsArb('ascending') }), {
  freq: 8,
});
const positionArb = fc.integer({ min: -1_000_000, max: 1_000_000 });
const slippageArb = fc.integer({ min: 0, max: 9_999 });

describe('planFlatten', () => {
  it('never increases |position|, whatever part of the order fills', () => {
    fc.assert(
      fc.property(
        bookArb,
        positionArb,
        slippageArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (book, positionE2, maxSlippageE4, share) => {
          const plan = planFlatten({ positionE2, book, maxSlippageE4 });
          if (plan.kind !== 'order') return;
          const filled = Math.floor(plan.order.countE2 * share);
          const after = positionE2 + signedFill({ side: plan.order.side, countE2: filled });
          expect(Math.abs(after)).toBeLessThanOrEqual(Math.abs(positionE2));
          expect(Math.sign(after) * Math.sign(positionE2)).not.toBe(-1);
        },
      ),
    );
  });

  it('never prices beyond the slippage bound from the best price, and always crosses it', () => {
    fc.assert(
      fc.property(bookArb, positionArb, slippageArb, (book, positionE2, maxSlippageE4) => {
        const plan = planFlatten({ positionE2, book, maxSlippageE4 });
        if (plan.kind !== 'order') return;
        const { priceE4: limit, side } = plan.order;
        if (side === 'ask') {
          expect(plan.bestPriceE4).toBe(book?.yesBids[0]?.priceE4);
          expect(limit).toBeGreaterThanOrEqual(plan.bestPriceE4 - maxSlippageE4);
          expect(limit).toBeLessThanOrEqual(plan.bestPriceE4);
        } else {
          expect(plan.bestPriceE4).toBe(book?.yesAsks[0]?.priceE4);
          expect(limit).toBeLessThanOrEqual(plan.bestPriceE4 + maxSlippageE4);
          expect(limit).toBeGreaterThanOrEqual(plan.bestPriceE4);
        }
        expect(limit).toBeGreaterThanOrEqual(1);
        expect(limit).toBeLessThanOrEqual(9_999);
      }),
    );
  });

  it('only ever plans reduce-only IOC orders, which the road’s flatten guard accepts', () => {
    fc.assert(
      fc.property(bookArb, positionArb, slippageArb, (book, positionE2, maxSlippageE4) => {
        const plan = planFlatten({ positionE2, book, maxSlippageE4 });
        if (positionE2 === 0) expect(plan.kind).toBe('flat');
        if (plan.kind !== 'order') return;
        expect(plan.order.reduceOnly).toBe(true);
        expect(plan.order.timeInForce).toBe('immediate_or_cancel');
        expect(flattenRefusal(plan.order, { plannedFromPositionE2: positionE2 })).toBeNull();
      }),
    );
  });

  it('finds liquidity whenever the side it takes from has a level (the best is always within the bound)', () => {
    fc.assert(
      fc.property(bookArb, positionArb, slippageArb, (book, positionE2, maxSlippageE4) => {
        const plan = planFlatten({ positionE2, book, maxSlippageE4 });
        const levels = positionE2 > 0 ? book?.yesBids : book?.yesAsks;
        if (positionE2 !== 0) expect(plan.kind === 'order').toBe((levels?.length ?? 0) > 0);
      }),
    );
  });

  it('walks the bids to the level that covers the position, stopping at the bound', () => {
    const book = {
      yesBids: [
        { priceE4: priceE4(5000), countE2: countE2(100) },
        { priceE4: priceE4(4900), countE2: countE2(100) },
        { priceE4: priceE4(4000), countE2: countE2(500) },
      ],
      yesAsks: [{ priceE4: priceE4(5200), countE2: countE2(100) }],
    };
    expect(planFlatten({ positionE2: 150, book, maxSlippageE4: 500 })).toMatchObject({
      kind: 'order',
      order: { side: 'ask', priceE4: 4900, countE2: 150 },
      coveredE2: 150,
    });
    expect(planFlatten({ positionE2: 300, book, maxSlippageE4: 500 })).toMatchObject({
      order: { priceE4: 4900, countE2: 300 },
      coveredE2: 200,
    });
    expect(planFlatten({ positionE2: 300, book, maxSlippageE4: 1_000 })).toMatchObject({
      order: { priceE4: 4000 },
      coveredE2: 300,
    });
    expect(planFlatten({ positionE2: -300, book, maxSlippageE4: 0 })).toMatchObject({
      order: { side: 'bid', priceE4: 5200, countE2: 300 },
      coveredE2: 100,
    });
    expect(planFlatten({ positionE2: -300, book: { ...book, yesAsks: [] }, maxSlippageE4: 0 })).toMatchObject(
      {
        kind: 'no_liquidity',
      },
    );
    expect(planFlatten({ positionE2: 300, book: null, maxSlippageE4: 0 }).kind).toBe('no_liquidity');
  });
});

describe('flattenRefusal', () => {
  const orderArb = fc.record({
    side: fc.constantFrom('bid' as const, 'ask' as const),
    countE2: fc.integer({ min: 0, max: 2_000_000 }),
    timeInForce: fc.constantFrom(
      'immediate_or_cancel' as const,
      'good_till_canceled' as const,
      'fill_or_kill' as const,
    ),
    reduceOnly: fc.option(fc.boolean(), { nil: undefined }),
  });

  it('accepts only orders that cannot increase |position| however they fill', () => {
    fc.assert(
      fc.property(
        orderArb,
        positionArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (order, position, share) => {
          const refusal = flattenRefusal(order, { plannedFromPositionE2: position });
          if (refusal !== null) return;
          const filled = Math.ceil(order.countE2 * share);
          const after = position + signedFill({ side: order.side, countE2: filled });
          expect(Math.abs(after)).toBeLessThanOrEqual(Math.abs(position));
          expect(order.reduceOnly).toBe(true);
          expect(order.timeInForce).toBe('immediate_or_cancel');
        },
      ),
    );
  });

  it('refuses a non-reduce-only order, one on the increasing side, and one without its planned position', () => {
    const sell = {
      side: 'ask' as const,
      countE2: 100,
      timeInForce: 'immediate_or_cancel' as const,
      reduceOnly: true,
    };
    expect(flattenRefusal(sell, { plannedFromPositionE2: 100 })).toBeNull();
    expect(flattenRefusal({ ...sell, reduceOnly: false }, { plannedFromPositionE2: 100 })).toMatch(
      /reduce-only/,
    );
    expect(flattenRefusal(sell, { plannedFromPositionE2: -100 })).toMatch(/increase/);
    expect(flattenRefusal({ ...sell, countE2: 101 }, { plannedFromPositionE2: 100 })).toMatch(/flip/);
    expect(flattenRefusal(sell, { plannedFromPositionE2: 0 })).toMatch(/no position/);
    expect(flattenRefusal(sell, undefined)).toMatch(/planned from/);
  });
});
