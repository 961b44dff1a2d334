import { countE2, moneyE6 } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import {
  coid,
  emptyLocal,
  fillId,
  intent,
  localOrder,
  orderId,
  position,
  snapshot,
  venueFill,
  venueOrder,
} from '../../../../test/connector/reconcile/views.js';
import { applyPlan } from './apply-plan.js';
import { planReconciliation } from './plan.js';
import { DEFAULT_RECONCILE_OPTIONS, fillKey } from './types.js';

const kinds = (plan: { actions: { kind: string }[] }) => plan.actions.map((a) => a.kind);

describe('planReconciliation', () => {
  it('has nothing to do when local state matches the venue', () => {
    const local = emptyLocal({
      openOrders: [localOrder(1)],
      positions: new Map([position('KXTEST-A', 500)]),
    });
    const venue = snapshot({
      restingOrders: [venueOrder(1)],
      positions: new Map([position('KXTEST-A', 500)]),
    });
    expect(planReconciliation(local, venue)).toEqual({ actions: [], hasPendingChecks: false });
  });

  it('imports a resting venue order unknown locally, flagged external', () => {
    const external = venueOrder(7, { clientOrderId: null });
    const plan = planReconciliation(emptyLocal(), snapshot({ restingOrders: [external] }));
    expect(plan.actions).toEqual([{ kind: 'order_imported', order: external, isExternal: true }]);
    const after = applyPlan(emptyLocal(), plan);
    expect(after.openOrders).toEqual([expect.objectContaining({ orderId: orderId(7), isExternal: true })]);
  });

  it('recovers a forgotten order of ours (recognised client order id) as not external', () => {
    const ours = venueOrder(8, { clientOrderId: coid(8) });
    const theirs = venueOrder(9, { clientOrderId: coid(9) });
    const options = { ...DEFAULT_RECONCILE_OPTIONS, isOwnClientOrderId: (id: string) => id === 'coid-8' };
    const plan = planReconciliation(emptyLocal(), snapshot({ restingOrders: [ours, theirs] }), options);
    expect(plan.actions).toEqual([
      { kind: 'order_imported', order: ours, isExternal: false },
      { kind: 'order_imported', order: theirs, isExternal: true },
    ]);
  });

  it('resolves an unknown intent by client order id to the venue order', () => {
    const order = venueOrder(3);
    const plan = planReconciliation(
      emptyLocal({ unknownIntents: [intent(3)] }),
      snapshot({ restingOrders: [order] }),
    );
    // accepted, not also imported as external
    expect(plan.actions).toEqual([{ kind: 'intent_accepted', clientOrderId: coid(3), order }]);
  });

  it('resolves an intent whose order already executed (found by lookup, not resting)', () => {
    const order = venueOrder(3, {
      status: 'executed',
      filledCountE2: countE2(1000),
      remainingCountE2: countE2(0),
    });
    const local = emptyLocal({ unknownIntents: [intent(3)] });
    const plan = planReconciliation(local, snapshot({ lookedUpOrders: [order] }));
    expect(kinds(plan)).toEqual(['intent_accepted']);
    expect(applyPlan(local, plan).openOrders).toEqual([]);
  });

  it('confirms an intent not placed only after the configured number of checks', () => {
    let local = emptyLocal({ unknownIntents: [intent(4)] });
    const venue = snapshot();
    const seen: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const plan = planReconciliation(local, venue);
      seen.push(...kinds(plan));
      local = applyPlan(local, plan);
    }
    expect(seen).toEqual(['intent_unmatched', 'intent_unmatched', 'intent_not_placed']);
    expect(local.unknownIntents).toEqual([]);
  });

  it('closes a local open order only after three consecutive misses, and a sighting resets the count', () => {
    let local = emptyLocal({ openOrders: [localOrder(5)] });
    const missing = snapshot({ notFoundOrderIds: new Set([orderId(5)]) });
    const present = snapshot({ restingOrders: [venueOrder(5)] });
    const trace: string[] = [];
    for (const venue of [missing, missing, present, missing, missing, missing]) {
      const plan = planReconciliation(local, venue);
      trace.push(...kinds(plan));
      expect(plan.hasPendingChecks).toBe(kinds(plan).includes('order_missed'));
      local = applyPlan(local, plan);
    }
    expect(trace).toEqual([
      'order_missed',
      'order_missed',
      'order_miss_reset',
      'order_missed',
      'order_missed',
      'order_closed_missing',
    ]);
    expect(local.openOrders).toEqual([]);
  });

  it('honours a configured miss threshold', () => {
    const local = emptyLocal({ openOrders: [localOrder(5)] });
    const plan = planReconciliation(local, snapshot(), {
      ...DEFAULT_RECONCILE_OPTIONS,
      missesBeforeClose: 1,
    });
    expect(kinds(plan)).toEqual(['order_closed_missing']);
  });

  it('updates a local order the venue shows partly filled, and drops one the venue canceled', () => {
    const partly = venueOrder(1, { filledCountE2: countE2(300), remainingCountE2: countE2(700) });
    const canceled = venueOrder(2, { status: 'canceled', remainingCountE2: countE2(0) });
    const local = emptyLocal({ openOrders: [localOrder(1), localOrder(2)] });
    const plan = planReconciliation(local, snapshot({ restingOrders: [partly], lookedUpOrders: [canceled] }));
    expect(kinds(plan)).toEqual(['order_updated', 'order_updated']);
    const after = applyPlan(local, plan);
    expect(after.openOrders).toEqual([expect.objectContaining({ orderId: orderId(1), filledCountE2: 300 })]);
  });

  it('records only fills the ledger does not have, once each', () => {
    const local = emptyLocal({
      ledgeredFillKeys: new Set([fillKey({ fillId: fillId(1), orderId: orderId(1) })]),
    });
    // Fill 3 is a self-cross: one venue fill id on two of our orders, two fills.
    const fills = [venueFill(1, 1), venueFill(2, 1), venueFill(2, 1), venueFill(3, 1), venueFill(3, 2)];
    const plan = planReconciliation(local, snapshot({ recentFills: fills }));
    expect(plan.actions).toEqual([
      { kind: 'fill_recorded', fill: venueFill(2, 1) },
      { kind: 'fill_recorded', fill: venueFill(3, 1) },
      { kind: 'fill_recorded', fill: venueFill(3, 2) },
    ]);
  });

  it('reports position and balance differences, adopting the venue numbers', () => {
    const local = emptyLocal({
      positions: new Map([position('KXTEST-A', 500), position('KXTEST-B', -200)]),
      balanceE6: moneyE6(50_000_000),
    });
    const venue = snapshot({
      positions: new Map([position('KXTEST-A', 700), position('KXTEST-C', 100)]),
      balanceE6: moneyE6(49_000_000),
    });
    const plan = planReconciliation(local, venue);
    expect(plan.actions).toEqual([
      { kind: 'position_mismatch', ticker: 'KXTEST-A', localE2: 500, venueE2: 700 },
      { kind: 'position_mismatch', ticker: 'KXTEST-B', localE2: -200, venueE2: 0 },
      { kind: 'position_mismatch', ticker: 'KXTEST-C', localE2: 0, venueE2: 100 },
      { kind: 'balance_mismatch', localE6: 50_000_000, venueE6: 49_000_000 },
    ]);
    const after = applyPlan(local, plan);
    expect([...after.positions]).toEqual([position('KXTEST-A', 700), position('KXTEST-C', 100)]);
    expect(planReconciliation(after, venue).actions).toEqual([]);
  });
});
