import { OrderId } from '@pt/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filledOf,
  foldLifecycle,
  isTerminal,
  newLifecycle,
  remainingOf,
  transition,
  type LifecycleEvent,
  type OrderLifecycle,
} from './order-lifecycle.js';

const ID = OrderId.parse('8c1a3b7e-0000-4000-8000-000000000001');
const OTHER = OrderId.parse('8c1a3b7e-0000-4000-8000-000000000002');
const COUNT = 1_000;

function run(events: readonly LifecycleEvent[], count = COUNT): OrderLifecycle {
  return foldLifecycle(newLifecycle(count), events).state;
}

describe('order lifecycle examples', () => {
  it('sent → ack resting → partial fill → fill → filled', () => {
    const state = run([
      { type: 'sent' },
      { type: 'ack', orderId: ID, filledCountE2: 0, remainingCountE2: COUNT },
      { type: 'fill', fillId: 'f1', orderId: ID, countE2: 400 },
    ]);
    expect(state).toMatchObject({ status: 'partially_filled', orderId: ID });
    expect(remainingOf(state)).toBe(600);
    const done = run([
      { type: 'ack', orderId: ID, filledCountE2: 0, remainingCountE2: COUNT },
      { type: 'fill', fillId: 'f1', orderId: ID, countE2: 400 },
      { type: 'fill', fillId: 'f2', orderId: ID, countE2: 600 },
    ]);
    expect(done.status).toBe('filled');
    expect(remainingOf(done)).toBe(0);
  });

  it('an IOC ack with nothing remaining and a partial fill is canceled with its fills', () => {
    const state = run([{ type: 'ack', orderId: ID, filledCountE2: 300, remainingCountE2: 0 }]);
    expect(state.status).toBe('canceled');
    expect(filledOf(state)).toBe(300);
  });

  it('outcome unknown → found resting by reconciliation, or never placed → rejected', () => {
    const unknown = run([{ type: 'sent' }, { type: 'outcome_unknown', detail: 'timeout' }]);
    expect(unknown.status).toBe('unknown');
    expect(remainingOf(unknown)).toBe(COUNT);
    const found = transition(unknown, {
      type: 'venue_state',
      orderId: ID,
      state: 'resting',
      filledCountE2: 0,
    });
    expect(found.ok && found.state.status).toBe('resting');
    const gone = transition(unknown, { type: 'not_found', detail: 'not placed' });
    expect(gone.ok && gone.state).toMatchObject({ status: 'rejected', statusDetail: 'not placed' });
  });

  it('reports illegal transitions as values and changes nothing', () => {
    const resting = run([{ type: 'ack', orderId: ID, filledCountE2: 0, remainingCountE2: COUNT }]);
    const cases: LifecycleEvent[] = [
      { type: 'outcome_unknown', detail: 'x' },
      { type: 'reject', detail: 'x' },
      { type: 'not_found', detail: 'x' },
      { type: 'fill', fillId: 'big', orderId: ID, countE2: COUNT + 1 },
      { type: 'fill', fillId: 'f', orderId: OTHER, countE2: 1 },
      { type: 'amend_ack', countE2: 0 },
    ];
    for (const event of cases) {
      const result = transition(resting, event);
      expect(result.ok, event.type).toBe(false);
      if (!result.ok) expect(result.illegal).toMatchObject({ from: 'resting', event: event.type });
    }
    const rejected = run([{ type: 'reject', detail: 'no' }]);
    expect(transition(rejected, { type: 'fill', fillId: 'f', orderId: ID, countE2: 1 }).ok).toBe(false);
    const canceled = run([
      { type: 'ack', orderId: ID, filledCountE2: 0, remainingCountE2: COUNT },
      { type: 'cancel_ack', reducedByE2: COUNT },
    ]);
    expect(
      transition(canceled, { type: 'venue_state', orderId: ID, state: 'resting', filledCountE2: 0 }).ok,
    ).toBe(false);
  });

  it('a fill after the cancel ack (a race) is counted, and the order stays canceled', () => {
    const state = run([
      { type: 'ack', orderId: ID, filledCountE2: 0, remainingCountE2: COUNT },
      { type: 'cancel_ack', reducedByE2: 800 },
      { type: 'fill', fillId: 'late', orderId: ID, countE2: 200 },
    ]);
    expect(state.status).toBe('canceled');
    expect(filledOf(state)).toBe(200);
  });

  it('an amend changes the total and keeps the fills', () => {
    const state = run([
      { type: 'ack', orderId: ID, filledCountE2: 200, remainingCountE2: 800 },
      { type: 'amend_ack', countE2: 500 },
    ]);
    expect(state).toMatchObject({ status: 'partially_filled', countE2: 500 });
    expect(remainingOf(state)).toBe(300);
  });
});

const fillIdArb = fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5');
const countArb = fc.integer({ min: 0, max: COUNT });
const eventArb: fc.Arbitrary<LifecycleEvent> = fc.oneof(
  fc.constant<LifecycleEvent>({ type: 'sent' }),
  fc.record({ filled: countArb, remaining: countArb }).map(({ filled, remaining }): LifecycleEvent => ({
    type: 'ack',
    orderId: ID,
    filledCountE2: filled,
    remainingCountE2: remaining,
  })),
  fc
    .record({ fillId: fillIdArb, count: fc.integer({ min: 1, max: 400 }), other: fc.boolean() })
    .map(({ fillId, count, other }): LifecycleEvent => ({
      type: 'fill',
      fillId,
      orderId: other ? OTHER : ID,
      countE2: count,
    })),
  countArb.map((reducedByE2): LifecycleEvent => ({ type: 'cancel_ack', reducedByE2 })),
  fc.integer({ min: 1, max: 2 * COUNT }).map((countE2): LifecycleEvent => ({ type: 'amend_ack', countE2 })),
  fc.constant<LifecycleEvent>({ type: 'reject', detail: 'venue said no' }),
  fc.constant<LifecycleEvent>({ type: 'outcome_unknown', detail: 'timeout' }),
  fc
    .record({
      state: fc.constantFrom('resting' as const, 'canceled' as const, 'executed' as const),
      filled: countArb,
    })
    .map(({ state, filled }): LifecycleEvent => ({
      type: 'venue_state',
      orderId: ID,
      state,
      filledCountE2: filled,
    })),
  fc.constant<LifecycleEvent>({ type: 'not_found', detail: 'never placed' }),
);
const eventsArb = fc.array(eventArb, { maxLength: 25 });

describe('order lifecycle properties', () => {
  it('filled + remaining never exceeds the count, after every event', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        let state = newLifecycle(COUNT);
        for (const event of events) {
          const result = transition(state, event);
          if (result.ok) state = result.state;
          expect(filledOf(state) + remainingOf(state)).toBeLessThanOrEqual(state.countE2);
          expect(filledOf(state)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('terminal states stay terminal (a canceled or filled order never works again, rejected stays rejected)', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        let state = newLifecycle(COUNT);
        for (const event of events) {
          const before = state.status;
          const result = transition(state, event);
          if (result.ok) state = result.state;
          if (isTerminal(before)) expect(state.status).toBe(before);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('replaying the same event sequence gives the same state, and so does every event delivered twice', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const once = run(events);
        expect(run(events)).toEqual(once);
        // At-least-once delivery (a WS frame and its REST twin, a retried ledger write).
        expect(run(events.flatMap((event) => [event, event]))).toEqual(once);
      }),
      { numRuns: 2_000 },
    );
  });

  it('any interleaving of duplicated fills gives the same filled count', () => {
    const fillsArb = fc.uniqueArray(
      fc.record({ fillId: fillIdArb, countE2: fc.integer({ min: 1, max: 200 }) }),
      { selector: (fill) => fill.fillId, maxLength: 5 },
    );
    fc.assert(
      fc.property(
        fillsArb.chain((fills) =>
          fc.tuple(
            fc.constant(fills),
            fc
              .shuffledSubarray([...fills, ...fills, ...fills], { minLength: 0 })
              .chain((extra) =>
                fc.shuffledSubarray([...fills, ...extra], { minLength: fills.length + extra.length }),
              ),
          ),
        ),
        ([fills, interleaved]) => {
          const ack: LifecycleEvent = { type: 'ack', orderId: ID, filledCountE2: 0, remainingCountE2: COUNT };
          const asEvents = (list: typeof fills): LifecycleEvent[] =>
            list.map((fill) => ({ type: 'fill', orderId: ID, ...fill }));
          const expected = fills.reduce((sum, fill) => sum + fill.countE2, 0);
          expect(filledOf(run([ack, ...asEvents(fills)]))).toBe(expected);
          expect(filledOf(run([ack, ...asEvents(interleaved)]))).toBe(expected);
          // The ack arriving after the fills it already counts changes nothing either.
          expect(filledOf(run([...asEvents(interleaved)]))).toBe(expected);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
