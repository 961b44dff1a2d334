/**
 * One semantics for live and replay: whatever sequence of records and plans the connector and the
 * reconciler produce, the state a reopened LedgerLocalState rebuilds equals the live one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ClientOrderId,
  countE2,
  FillId,
  MarketTicker,
  moneyE6,
  OrderId,
  priceE4,
  signedCountE2,
} from '@pt/protocol';
import fc from 'fast-check';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../store/index.js';
import { LedgerLocalState } from './ledger-local-state.js';
import { REST_FILL_KIND, REST_FILL_SOURCE } from './reconciler.js';
import { fillKey, type ReconcileAction, type VenueOrderView } from './types.js';

const logger = pino({ level: 'silent' });
const TICKERS = ['KXHIGHNY-26NOV25-B50.5', 'KXPAYROLLS-26DEC-T50'].map((t) => MarketTicker.parse(t));
const coid = (n: number) => ClientOrderId.parse(`pt-c${n}`);
const orderId = (n: number) => OrderId.parse(`00000000-0000-4000-8000-00000000000${n}`);
const fillId = (n: number) => FillId.parse(`00000000-0000-4000-9000-00000000000${n}`);

const tickerArb = fc.constantFrom(...TICKERS);
const countArb = fc.integer({ min: 0, max: 3 }).map((n) => countE2(n * 100));
const coidArb = fc.integer({ min: 1, max: 3 }).map(coid);
const orderIdArb = fc.integer({ min: 1, max: 3 }).map(orderId);

const venueOrderArb: fc.Arbitrary<VenueOrderView> = fc.record({
  orderId: orderIdArb,
  clientOrderId: fc.option(coidArb, { nil: null }),
  ticker: tickerArb,
  side: fc.constantFrom('bid' as const, 'ask' as const),
  priceE4: fc.integer({ min: 1, max: 99 }).map((c) => priceE4(c * 100)),
  initialCountE2: countArb,
  filledCountE2: countArb,
  remainingCountE2: countArb,
  status: fc.constantFrom('resting' as const, 'canceled' as const, 'executed' as const),
  createdAtMs: fc.option(fc.integer({ min: 0, max: 2e12 }), { nil: null }),
});

const checksArb = fc.integer({ min: 0, max: 4 });
const actionArb: fc.Arbitrary<ReconcileAction> = fc.oneof(
  fc.record({ kind: fc.constant('intent_accepted' as const), clientOrderId: coidArb, order: venueOrderArb }),
  fc.record({
    kind: fc.constant('intent_unmatched' as const),
    clientOrderId: coidArb,
    checksWithoutMatch: checksArb,
  }),
  fc.record({
    kind: fc.constant('intent_not_placed' as const),
    clientOrderId: coidArb,
    checksWithoutMatch: checksArb,
  }),
  fc.record({ kind: fc.constant('order_imported' as const), order: venueOrderArb, isExternal: fc.boolean() }),
  fc.record({ kind: fc.constant('order_updated' as const), order: venueOrderArb }),
  fc.record({ kind: fc.constant('order_miss_reset' as const), orderId: orderIdArb }),
  fc.record({
    kind: fc.constant('order_missed' as const),
    orderId: orderIdArb,
    consecutiveMisses: checksArb,
  }),
  fc.record({
    kind: fc.constant('order_closed_missing' as const),
    orderId: orderIdArb,
    consecutiveMisses: checksArb,
  }),
  fc.record({
    kind: fc.constant('fill_recorded' as const),
    fill: fc.record({
      fillId: fc.integer({ min: 1, max: 4 }).map(fillId),
      orderId: orderIdArb,
      ticker: tickerArb,
      side: fc.constantFrom('bid' as const, 'ask' as const),
      priceE4: fc.constant(priceE4(5_000)),
      countE2: countArb,
      feeE6: fc.constant(moneyE6(0)),
      isTaker: fc.boolean(),
      createdAtMs: fc.constant(null),
    }),
  }),
  fc.record({
    kind: fc.constant('position_mismatch' as const),
    ticker: tickerArb,
    localE2: fc.constant(signedCountE2(0)),
    venueE2: fc.integer({ min: -3, max: 3 }).map((n) => signedCountE2(n * 100)),
  }),
  fc.record({
    kind: fc.constant('balance_mismatch' as const),
    localE6: fc.constant(null),
    venueE6: fc.integer({ min: 0, max: 1_000 }).map((n) => moneyE6(n * 10_000)),
  }),
);

type Op =
  | { op: 'intent'; clientOrderId: ClientOrderId; ticker: MarketTicker; submittedAtMs: number }
  | {
      op: 'accepted';
      orderId: OrderId;
      clientOrderId: ClientOrderId;
      ticker: MarketTicker;
      remaining: number;
    }
  | { op: 'plan'; actions: ReconcileAction[] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('intent' as const),
    clientOrderId: coidArb,
    ticker: tickerArb,
    submittedAtMs: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    op: fc.constant('accepted' as const),
    orderId: orderIdArb,
    clientOrderId: coidArb,
    ticker: tickerArb,
    remaining: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ op: fc.constant('plan' as const), actions: fc.array(actionArb, { maxLength: 6 }) }),
);

describe('LedgerLocalState replay', () => {
  it('rebuilds exactly the live state after a reopen, for any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 12 }), async (ops) => {
        const dir = mkdtempSync(join(tmpdir(), 'pt-lls-prop-'));
        try {
          const store = openStore({ dataDir: dir, environment: 'sim', logger });
          const live = await LedgerLocalState.open(store.ledger);
          for (const op of ops) {
            if (op.op === 'intent') await live.recordUnknownIntent(op);
            else if (op.op === 'accepted')
              await live.recordAcceptedOrder({
                ...op,
                filledCountE2: countE2(0),
                remainingCountE2: countE2(op.remaining * 100),
                isExternal: false,
              });
            else {
              // As the reconciler does: the plan's fills are ledgered before apply.
              const fills = op.actions.flatMap((a) => (a.kind === 'fill_recorded' ? [a.fill] : []));
              await store.ledger.append(
                fills.map((f) => ({
                  source: REST_FILL_SOURCE,
                  sourceEventId: fillKey(f),
                  kind: REST_FILL_KIND,
                  payload: f,
                })),
              );
              await live.apply({ actions: op.actions, hasPendingChecks: false });
            }
          }
          const expected = live.read();
          await store.close();
          const again = openStore({ dataDir: dir, environment: 'sim', logger });
          const reopened = await LedgerLocalState.open(again.ledger);
          await again.close();
          expect(reopened.read()).toEqual(expected);
          // toEqual ignores array order only for Sets; the open orders must also keep their order.
          expect(reopened.read().openOrders.map((o) => o.orderId)).toEqual(
            expected.openOrders.map((o) => o.orderId),
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: 20261125, numRuns: 60 },
    );
  }, 120_000);
});
