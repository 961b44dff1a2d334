import fc from 'fast-check';
import { countE2, moneyE6, signedCountE2, type OrderId } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import {
  coid,
  fillId,
  intent,
  localOrder,
  orderId,
  ticker,
  venueFill,
  venueOrder,
} from '../../../../test/connector/reconcile/views.js';
import { applyPlan } from './apply-plan.js';
import { planReconciliation } from './plan.js';
import {
  fillKey,
  type LocalState,
  type ReconcileOptions,
  type VenueOrderView,
  type VenueSnapshot,
} from './types.js';

/**
 * Small id pools so local and venue collide often: the interesting cases are the overlaps
 * (an intent whose order rests, a local order the venue canceled, a fill already ledgered).
 */
const TICKERS = ['KXTEST-A', 'KXTEST-B', 'KXTEST-C'].map(ticker);
const ORDER_POOL = 8;
const COID_POOL = 6;

const countArb = fc.integer({ min: 0, max: 3 }).map((n) => countE2(n * 100));

const venueOrderArb = fc
  .record({
    n: fc.integer({ min: 1, max: ORDER_POOL }),
    coidN: fc.option(fc.integer({ min: 1, max: COID_POOL }), { nil: null }),
    ticker: fc.constantFrom(...TICKERS),
    status: fc.constantFrom('resting' as const, 'canceled' as const, 'executed' as const),
    filled: countArb,
    remaining: fc.integer({ min: 1, max: 3 }).map((n) => countE2(n * 100)),
  })
  .map((r): VenueOrderView =>
    venueOrder(r.n, {
      clientOrderId: r.coidN === null ? null : coid(r.coidN),
      ticker: r.ticker,
      status: r.status,
      filledCountE2: r.filled,
      remainingCountE2: r.status === 'resting' ? r.remaining : countE2(0),
    }),
  );

const venueArb = fc
  .record({
    orders: fc.uniqueArray(venueOrderArb, { selector: (o) => o.orderId, maxLength: ORDER_POOL }),
    fills: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: ORDER_POOL })), {
      maxLength: 8,
    }),
    positions: fc.array(fc.tuple(fc.constantFrom(...TICKERS), fc.integer({ min: -500, max: 500 }))),
    balance: fc.integer({ min: 0, max: 1_000 }),
  })
  .map((r): VenueSnapshot => ({
    fetchedAtMs: 1,
    balanceE6: moneyE6(r.balance * 1_000_000),
    positions: new Map(r.positions.filter(([, p]) => p !== 0).map(([t, p]) => [t, signedCountE2(p)])),
    restingOrders: r.orders.filter((o) => o.status === 'resting'),
    lookedUpOrders: r.orders.filter((o) => o.status !== 'resting'),
    notFoundOrderIds: new Set(),
    recentFills: r.fills.map(([f, o]) => venueFill(f, o)),
  }));

const localArb = fc
  .record({
    orders: fc.uniqueArray(
      fc.record({
        n: fc.integer({ min: 1, max: ORDER_POOL }),
        filled: countArb,
        misses: fc.integer({ min: 0, max: 2 }),
        isExternal: fc.boolean(),
      }),
      { selector: (o) => o.n, maxLength: ORDER_POOL },
    ),
    intents: fc.uniqueArray(
      fc.record({ n: fc.integer({ min: 1, max: COID_POOL }), checks: fc.integer({ min: 0, max: 2 }) }),
      { selector: (i) => i.n, maxLength: COID_POOL },
    ),
    positions: fc.array(fc.tuple(fc.constantFrom(...TICKERS), fc.integer({ min: -500, max: 500 }))),
    balance: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
    fills: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: ORDER_POOL }))),
  })
  .map((r): LocalState => ({
    openOrders: r.orders.map((o) =>
      localOrder(o.n, { filledCountE2: o.filled, consecutiveMisses: o.misses, isExternal: o.isExternal }),
    ),
    unknownIntents: r.intents.map((i) => intent(i.n, { checksWithoutMatch: i.checks })),
    positions: new Map(r.positions.map(([t, p]) => [t, signedCountE2(p)])),
    balanceE6: r.balance === null ? null : moneyE6(r.balance * 1_000_000),
    ledgeredFillKeys: new Set(r.fills.map(([f, o]) => fillKey({ fillId: fillId(f), orderId: orderId(o) }))),
  }));

const optionsArb = fc.record({
  missesBeforeClose: fc.integer({ min: 1, max: 4 }),
  checksBeforeNotPlaced: fc.integer({ min: 1, max: 4 }),
  // Some of our client ids are recognisable (a forgotten order of ours), some not.
  isOwnClientOrderId: fc.constantFrom(
    () => false,
    (id: string) => id.endsWith('1') || id.endsWith('2'),
  ),
});

const COUNTER_KINDS = new Set([
  'intent_unmatched',
  'intent_not_placed',
  'order_missed',
  'order_closed_missing',
]);
const SEED = 20261125;

function seenIds(venue: VenueSnapshot): Set<OrderId> {
  return new Set([...venue.restingOrders, ...venue.lookedUpOrders].map((o) => o.orderId));
}

describe('planReconciliation properties', () => {
  it('is idempotent: after applying the plan, reconciling again only advances miss/check counters', () => {
    fc.assert(
      fc.property(localArb, venueArb, optionsArb, (local, venue, options: ReconcileOptions) => {
        const plan = planReconciliation(local, venue, options);
        const again = planReconciliation(applyPlan(local, plan), venue, options);
        if (!plan.hasPendingChecks) expect(again.actions).toEqual([]);
        for (const action of again.actions) expect(COUNTER_KINDS.has(action.kind)).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('converges: repeated reconciliation against the same venue reaches an empty plan', () => {
    fc.assert(
      fc.property(localArb, venueArb, optionsArb, (local, venue, options: ReconcileOptions) => {
        let state = local;
        const rounds = Math.max(options.missesBeforeClose, options.checksBeforeNotPlaced) + 1;
        for (let round = 0; round < rounds; round += 1)
          state = applyPlan(state, planReconciliation(state, venue, options));
        expect(planReconciliation(state, venue, options).actions).toEqual([]);
        // Nothing resting on the venue is lost: every resting order is an open order locally.
        const open = new Set(state.openOrders.map((o) => o.orderId));
        for (const order of venue.restingOrders) expect(open.has(order.orderId)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never closes an order, or gives up an intent, that the venue shows', () => {
    fc.assert(
      fc.property(localArb, venueArb, optionsArb, (local, venue, options: ReconcileOptions) => {
        const seen = seenIds(venue);
        const seenClientIds = new Set(
          [...venue.restingOrders, ...venue.lookedUpOrders].flatMap((o) =>
            o.clientOrderId === null ? [] : [o.clientOrderId],
          ),
        );
        for (const action of planReconciliation(local, venue, options).actions) {
          if (action.kind === 'order_closed_missing' || action.kind === 'order_missed')
            expect(seen.has(action.orderId)).toBe(false);
          if (action.kind === 'intent_not_placed' || action.kind === 'intent_unmatched')
            expect(seenClientIds.has(action.clientOrderId)).toBe(false);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('never drops a resting order: an order seen resting stays open after applying', () => {
    fc.assert(
      fc.property(localArb, venueArb, (local, venue) => {
        const after = applyPlan(local, planReconciliation(local, venue));
        const open = new Set(after.openOrders.map((o) => o.orderId));
        for (const order of venue.restingOrders) expect(open.has(order.orderId)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
