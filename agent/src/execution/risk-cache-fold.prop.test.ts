/**
 * Properties of the risk cache's account fold (fast-check): account events applied in any order,
 * delivered twice or not at all, never make the cache count less exposure than the venue holds,
 * and a full delivery gives the same exposure inputs whatever the order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarketTicker, countE2, moneyE6, priceE4, signedCountE2 } from '@pt/protocol';
import type { MarketPosition } from '../risk/index.js';
import { groupWorstCaseLoss } from '../risk/index.js';
import { worstAbsPosition } from '../risk/exposure.js';
import { indexSnapshot } from '../risk/snapshot-index.js';
import type { RiskSnapshot } from '../risk/index.js';
import { AccountFold, worstCostE6, type CachedFill, type CachedOrder } from './risk-cache-fold.js';

const TICKER = MarketTicker.parse('KXHIGHNY-25DEC27-B45.5');
const BASE_AT_MS = 1_000;
const EVENTS_AT_MS = 5_000;

type AccountEvent =
  | { kind: 'order'; order: CachedOrder }
  | { kind: 'fill'; fill: CachedFill }
  | { kind: 'position'; position: MarketPosition; n: number };

interface History {
  /** The order as the baseline listed it (resting, nothing filled). */
  placed: CachedOrder;
  events: AccountEvent[];
  /** The venue's state after the whole history. */
  truth: { position: MarketPosition; remainingE2: number };
}

/** One order on a flat market: fills at its limit (the worst case), maybe a final cancel. */
const history = fc
  .record({
    bookSide: fc.constantFrom<'bid' | 'ask'>('bid', 'ask'),
    price: fc.integer({ min: 1, max: 99 }),
    fills: fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 6 }),
    extra: fc.integer({ min: 0, max: 500 }),
    isCanceled: fc.boolean(),
  })
  .map(({ bookSide, price, fills, extra, isCanceled }): History => {
    const yesPriceE4 = priceE4(price * 100);
    const initial = fills.reduce((a, b) => a + b, 0) + extra + (fills.length === 0 && extra === 0 ? 1 : 0);
    const legE4 = bookSide === 'bid' ? yesPriceE4 : 10_000 - yesPriceE4;
    const sign = bookSide === 'bid' ? 1 : -1;
    const order = (filled: number, status: CachedOrder['status'], ts: number): CachedOrder => ({
      orderId: 'o-1',
      ticker: TICKER,
      bookSide,
      yesPriceE4,
      initialCountE2: countE2(initial),
      fillCountE2: countE2(filled),
      remainingCountE2: countE2(status === 'resting' || filled < initial ? initial - filled : 0),
      status: status === 'resting' && filled === initial ? 'executed' : status,
      updatedTsMs: ts,
    });
    const placed = order(0, 'resting', 0);
    const events: AccountEvent[] = [];
    let filled = 0;
    fills.forEach((count, i) => {
      filled += count;
      events.push({
        kind: 'fill',
        fill: {
          key: `fill:t${i}:o-1`,
          orderId: 'o-1',
          ticker: TICKER,
          bookSide,
          yesPriceE4,
          countE2: countE2(count),
        },
      });
      events.push({ kind: 'order', order: order(filled, 'resting', i + 1) });
      events.push({
        kind: 'position',
        n: i,
        position: {
          ticker: TICKER,
          positionCountE2: signedCountE2(sign * filled),
          costE6: moneyE6(legE4 * filled),
        },
      });
    });
    if (isCanceled && filled < initial) events.push({ kind: 'order', order: order(filled, 'canceled', 99) });
    const last =
      events.at(-1)?.kind === 'order' ? (events.at(-1) as { order: CachedOrder }).order : undefined;
    const remainingE2 = last?.status === 'canceled' ? 0 : initial - filled;
    return {
      placed,
      events,
      truth: {
        position: {
          ticker: TICKER,
          positionCountE2: signedCountE2(sign * filled),
          costE6: moneyE6(legE4 * filled),
        },
        remainingE2,
      },
    };
  });

/** Some events delivered (some twice), shuffled; position messages keep their stream order. */
function delivery(events: AccountEvent[]) {
  return fc
    .tuple(
      fc.array(fc.constantFrom(0, 1, 2), { minLength: events.length, maxLength: events.length }),
      fc.array(fc.nat(), { minLength: events.length * 2, maxLength: events.length * 2 }),
    )
    .map(([copies, keys]) => {
      const picked = events.flatMap((event, i) => Array.from({ length: copies[i] ?? 0 }, () => event));
      const order = picked
        .map((event, i) => ({ event, key: keys[i] ?? 0 }))
        .sort((a, b) => a.key - b.key)
        .map(({ event }) => event);
      const positions = order
        .filter((e) => e.kind === 'position')
        .sort((a, b) => positionN(a) - positionN(b));
      let next = 0;
      return order.map((event) => (event.kind === 'position' ? (positions[next++] ?? event) : event));
    });
}

function positionN(event: AccountEvent): number {
  return event.kind === 'position' ? event.n : 0;
}

function foldOf(placed: CachedOrder, events: readonly AccountEvent[]): AccountFold {
  const fold = new AccountFold(0);
  fold.rebase({
    balanceE6: moneyE6(1_000_000_000),
    positions: [],
    restingOrders: [placed],
    issuedAtMs: BASE_AT_MS,
  });
  for (const event of events) {
    if (event.kind === 'order') fold.applyOrder(event.order, EVENTS_AT_MS);
    else if (event.kind === 'fill') fold.applyFill(event.fill, EVENTS_AT_MS);
    else fold.applyPosition(event.position);
  }
  return fold;
}

function exposure(snapshot: Pick<RiskSnapshot, 'positions' | 'restingOrders'>) {
  const index = indexSnapshot({
    mode: 'active',
    nowMs: 0,
    isExchangePaused: false,
    books: [],
    markets: [],
    events: [],
    balanceE6: moneyE6(0),
    todayRealizedPnlE6: moneyE6(0),
    todayMarkedPnlE6: moneyE6(0),
    recentOrderTimesMs: [],
    unknownOutcomeTickers: [],
    losingExits: [],
    ...snapshot,
  });
  return {
    lossE6: groupWorstCaseLoss(index.groupOf(TICKER), index.bases, index.restingLegs),
    absPositionE2: worstAbsPosition(index.positionOf(TICKER), index.restingLegs),
  };
}

describe('risk cache account fold', () => {
  it('never counts less worst-case loss or |position| than the venue holds, for any partial, shuffled, duplicated delivery', () => {
    fc.assert(
      fc.property(
        history.chain((h) => fc.tuple(fc.constant(h), delivery(h.events))),
        ([h, delivered]) => {
          const view = foldOf(h.placed, delivered).view();
          const cached = exposure(view);
          const truth = exposure({
            positions: [h.truth.position],
            restingOrders:
              h.truth.remainingE2 > 0
                ? [
                    {
                      ticker: TICKER,
                      side: 'yes',
                      action: h.placed.bookSide === 'bid' ? 'buy' : 'sell',
                      priceE4: h.placed.yesPriceE4,
                      remainingCountE2: countE2(h.truth.remainingE2),
                    },
                  ]
                : [],
          });
          expect(cached.lossE6).toBeGreaterThanOrEqual(truth.lossE6);
          expect(cached.absPositionE2).toBeGreaterThanOrEqual(truth.absPositionE2);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('order updates and fills in any order, with duplicates, give the same exposure inputs and balance', () => {
    const orderAndFills = history.map((h) => ({
      ...h,
      events: h.events.filter((e) => e.kind !== 'position'),
    }));
    fc.assert(
      fc.property(
        orderAndFills.chain((h) =>
          fc.tuple(fc.constant(h), fc.shuffledSubarray([...h.events, ...h.events], { minLength: 0 })),
        ),
        ([h, shuffled]) => {
          const complete = [...shuffled, ...h.events];
          const reversed = [...complete].reverse();
          const a = foldOf(h.placed, complete).view();
          const b = foldOf(h.placed, reversed).view();
          const sorted = (v: typeof a) => ({
            positions: v.positions,
            restingOrders: [...v.restingOrders].sort((x, y) =>
              JSON.stringify(x).localeCompare(JSON.stringify(y)),
            ),
            balanceE6: v.balanceE6,
          });
          expect(sorted(a)).toEqual(sorted(b));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a later baseline that reflects everything replaces the held fills and the order', () => {
    const fold = new AccountFold(0);
    const order: CachedOrder = {
      orderId: 'o-1',
      ticker: TICKER,
      bookSide: 'bid',
      yesPriceE4: priceE4(4_000),
      initialCountE2: countE2(300),
      fillCountE2: countE2(100),
      remainingCountE2: countE2(200),
      status: 'resting',
      updatedTsMs: 1,
    };
    fold.applyOrder(order, 10);
    fold.applyFill(
      {
        key: 'fill:t:o-1',
        orderId: 'o-1',
        ticker: TICKER,
        bookSide: 'bid',
        yesPriceE4: priceE4(4_000),
        countE2: countE2(100),
      },
      10,
    );
    expect(
      fold
        .view()
        .restingOrders.map((o) => o.remainingCountE2)
        .sort(),
    ).toEqual([100, 200]);
    const position = { ticker: TICKER, positionCountE2: signedCountE2(100), costE6: moneyE6(400_000) };
    fold.rebase({
      balanceE6: moneyE6(5_000_000),
      positions: [position],
      restingOrders: [order],
      issuedAtMs: 20,
    });
    const view = fold.view();
    expect(view.positions).toEqual([position]);
    expect(view.restingOrders.map((o) => o.remainingCountE2)).toEqual([200]);
    expect(view.balanceE6).toBe(5_000_000);
  });

  it('an amended order leaves the view with its remaining count, not with its fills not yet in a position', () => {
    const fold = new AccountFold(0);
    const order: CachedOrder = {
      orderId: 'o-2',
      ticker: TICKER,
      bookSide: 'ask',
      yesPriceE4: priceE4(6_000),
      initialCountE2: countE2(500),
      fillCountE2: countE2(0),
      remainingCountE2: countE2(500),
      status: 'resting',
      updatedTsMs: 1,
    };
    fold.rebase({ balanceE6: moneyE6(0), positions: [], restingOrders: [order], issuedAtMs: 0 });
    fold.applyOrder(
      { ...order, fillCountE2: countE2(200), remainingCountE2: countE2(300), updatedTsMs: 2 },
      10,
    );
    expect(fold.view('o-2').restingOrders.map((o) => [o.action, o.remainingCountE2])).toEqual([
      ['sell', 200],
    ]);
    expect(fold.view().restingOrders.map((o) => o.remainingCountE2)).toEqual([500]);
  });

  it('a fill holds the cost of the resting orders of its market from the balance until the next baseline', () => {
    const fold = new AccountFold(0);
    const closingAsk: CachedOrder = {
      orderId: 'o-3',
      ticker: TICKER,
      bookSide: 'ask',
      yesPriceE4: priceE4(7_000),
      initialCountE2: countE2(1_000),
      fillCountE2: countE2(0),
      remainingCountE2: countE2(1_000),
      status: 'resting',
      updatedTsMs: 1,
    };
    const position = { ticker: TICKER, positionCountE2: signedCountE2(1_000), costE6: moneyE6(5_000_000) };
    const baseline = { balanceE6: moneyE6(100_000_000), positions: [position], restingOrders: [closingAsk] };
    fold.rebase({ ...baseline, issuedAtMs: 0 });
    expect(fold.view().balanceE6).toBe(100_000_000);
    // Another order of ours sold the 10 YES the ask was closing: the ask now opens NO exposure.
    fold.applyFill(
      {
        key: 'fill:t9:o-4',
        orderId: 'o-4',
        ticker: TICKER,
        bookSide: 'ask',
        yesPriceE4: priceE4(6_900),
        countE2: countE2(1_000),
      },
      10,
    );
    expect(fold.view().balanceE6).toBe(100_000_000 - worstCostE6('ask', 7_000, 1_000));
    fold.rebase({ ...baseline, positions: [], balanceE6: moneyE6(96_000_000), issuedAtMs: 20 });
    expect(fold.view().balanceE6).toBe(96_000_000);
  });

  it('a market the stream updated while the read was out keeps the stream position and its held fills', () => {
    const fold = new AccountFold(0);
    const streamed = { ticker: TICKER, positionCountE2: signedCountE2(300), costE6: moneyE6(1_500_000) };
    fold.applyFill(
      {
        key: 'fill:t1:o-5',
        orderId: 'o-5',
        ticker: TICKER,
        bookSide: 'bid',
        yesPriceE4: priceE4(5_000),
        countE2: countE2(300),
      },
      5,
    );
    fold.applyPosition(streamed);
    const older = { ...streamed, positionCountE2: signedCountE2(0), costE6: moneyE6(0) };
    fold.rebase(
      { balanceE6: moneyE6(0), positions: [older], restingOrders: [], issuedAtMs: 10 },
      new Set([TICKER]),
    );
    expect(fold.view().positions).toEqual([streamed]);
    expect(fold.view().restingOrders.map((o) => o.remainingCountE2)).toEqual([300]);
    fold.rebase({ balanceE6: moneyE6(0), positions: [streamed], restingOrders: [], issuedAtMs: 20 });
    expect(fold.view().restingOrders).toEqual([]);
  });
});
