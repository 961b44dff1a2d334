import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { manualClock, marketSpec, TICKER } from './test-helpers.js';
import type { BookSide } from './types.js';

/**
 * Price-time priority against a deliberately naive reference: a flat list of resting orders,
 * sorted by (best price, arrival) for every match. Each order comes from its own user so
 * self-trade prevention never interferes; cancels exercise removal from the middle of a queue.
 */
interface RefOrder {
  id: string;
  side: BookSide;
  priceE4: number;
  remainingE2: number;
  seq: number;
}

function referenceMatch(book: RefOrder[], side: BookSide, priceE4: number, countE2: number) {
  const fills: [string, number, number][] = [];
  let remainingE2 = countE2;
  const crossing = book
    .filter((o) => o.side !== side && (side === 'bid' ? o.priceE4 <= priceE4 : o.priceE4 >= priceE4))
    .sort((a, b) => (side === 'bid' ? a.priceE4 - b.priceE4 : b.priceE4 - a.priceE4) || a.seq - b.seq);
  for (const maker of crossing) {
    if (remainingE2 === 0) break;
    const qty = Math.min(remainingE2, maker.remainingE2);
    fills.push([maker.id, maker.priceE4, qty]);
    maker.remainingE2 -= qty;
    remainingE2 -= qty;
  }
  return { fills, remainingE2, book: book.filter((o) => o.remainingE2 > 0) };
}

const step = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      side: fc.constantFrom<BookSide>('bid', 'ask'),
      priceE4: fc.integer({ min: 45, max: 55 }).map((c) => c * 100),
      countE2: fc.integer({ min: 1, max: 800 }),
      isIoc: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
);

describe('price-time priority (reference model)', () => {
  it('matches exactly like the naive reference', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), (steps) => {
        const exchange = new Exchange({ clock: manualClock().now, seed: 5 });
        exchange.addMarket(marketSpec());
        let ref: RefOrder[] = [];
        steps.forEach((s, i) => {
          if (s.kind === 'cancel') {
            const victim = ref[s.pick % Math.max(1, ref.length)];
            if (!victim) return;
            const owner = exchange.listOrders(`u${victim.seq}`)[0];
            expect(owner && exchange.cancelOrder(`u${victim.seq}`, owner.orderId).ok).toBe(true);
            ref = ref.filter((o) => o !== victim);
            return;
          }
          const user = `u${i}`;
          exchange.deposit(user, 100_000_000);
          const placed = exchange.placeOrder(user, {
            ticker: TICKER,
            side: s.side,
            priceE4: s.priceE4,
            countE2: s.countE2,
            timeInForce: s.isIoc ? 'immediate_or_cancel' : 'good_till_canceled',
            selfTradePrevention: 'taker_at_cross',
          });
          if (!placed.ok) throw new Error(placed.error.details);
          const expected = referenceMatch(ref, s.side, s.priceE4, s.countE2);
          const makerIdToSeq = (orderId: string) => ref.find((o) => o.id === orderId)?.seq;
          const actual = placed.fills.map((f) => {
            const makerFill = exchange.trades(TICKER).find((t) => t.tradeId === f.tradeId);
            return [f.tradeId, makerFill?.yesPriceE4, f.countE2] as const;
          });
          expect(actual.map(([, p, c]) => [p, c])).toEqual(expected.fills.map(([, p, c]) => [p, c]));
          // and the makers are the reference's makers, in order
          const makerSeqs = placed.fills.map((f) => {
            const counterpart = ref.find((o) =>
              exchange.listFills(`u${o.seq}`).some((mf) => mf.tradeId === f.tradeId),
            );
            return counterpart?.seq;
          });
          expect(makerSeqs).toEqual(expected.fills.map(([id]) => makerIdToSeq(id)));
          ref = expected.book;
          if (!s.isIoc && expected.remainingE2 > 0) {
            ref.push({
              id: placed.order.orderId,
              side: s.side,
              priceE4: s.priceE4,
              remainingE2: expected.remainingE2,
              seq: i,
            });
          }
        });
        const book = exchange.book(TICKER);
        const levels = (side: BookSide) => {
          const m = new Map<number, number>();
          for (const o of ref.filter((r) => r.side === side)) {
            const leg = side === 'bid' ? o.priceE4 : 10_000 - o.priceE4;
            m.set(leg, (m.get(leg) ?? 0) + o.remainingE2);
          }
          return [...m.entries()].sort((a, b) => b[0] - a[0]);
        };
        expect(book?.yes).toEqual(levels('bid'));
        expect(book?.no).toEqual(levels('ask'));
      }),
      { seed: 424242, numRuns: 200 },
    );
  });
});
