import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientOrderId, countE2, FillId, MarketTicker, moneyE6, OrderId, priceE4 } from '@pt/protocol';
import { pino } from 'pino';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { openStore, type Store } from '../../../store/index.js';
import { LedgerLocalState } from './ledger-local-state.js';
import type { ReconcileActionSchema } from './local-state-events.js';
import { INTENT_RECORDED_KIND, LOCAL_STATE_SOURCE, PLAN_APPLIED_KIND } from './local-state-events.js';
import { REST_FILL_KIND, REST_FILL_SOURCE } from './reconciler.js';
import { fillKey, type ReconcileAction, type ReconcilePlan, type VenueFillView } from './types.js';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];
const stores: Store[] = [];

function newStore(dir = mkdtempSync(join(tmpdir(), 'pt-lls-'))): { store: Store; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir);
  const store = openStore({ dataDir: dir, environment: 'sim', logger });
  stores.push(store);
  return { store, dir };
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ticker = MarketTicker.parse('KXHIGHNY-26NOV25-B50.5');
const coid = ClientOrderId.parse('pt-intent-1');
const orderId = OrderId.parse('0b6a4e3c-6a59-4a8f-9a35-0d6f1a1c2b01');
const fill: VenueFillView = {
  fillId: FillId.parse('5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b'),
  orderId,
  ticker,
  side: 'bid',
  priceE4: priceE4(100),
  countE2: countE2(100),
  feeE6: moneyE6(0),
  isTaker: false,
  createdAtMs: 1_764_000_000_000,
};

const plan: ReconcilePlan = {
  hasPendingChecks: true,
  actions: [
    {
      kind: 'intent_accepted',
      clientOrderId: coid,
      order: {
        orderId,
        clientOrderId: coid,
        ticker,
        side: 'bid',
        priceE4: priceE4(100),
        initialCountE2: countE2(200),
        filledCountE2: countE2(100),
        remainingCountE2: countE2(100),
        status: 'resting',
        createdAtMs: 1_764_000_000_000,
      },
    },
    { kind: 'fill_recorded', fill },
    { kind: 'position_mismatch', ticker, localE2: countE2(0), venueE2: countE2(100) },
    { kind: 'balance_mismatch', localE6: null, venueE6: moneyE6(12_345_000) },
  ],
};

describe('LedgerLocalState', () => {
  it('rebuilds the same state after a reopen, fill keys from the ledgered fill rows', async () => {
    const { store, dir } = newStore();
    const local = await LedgerLocalState.open(store.ledger);
    await local.recordUnknownIntent({ clientOrderId: coid, ticker, submittedAtMs: 1_000 });
    // The reconciler's contract: the plan's fills are in the ledger before apply.
    await store.ledger.append([
      { source: REST_FILL_SOURCE, sourceEventId: fillKey(fill), kind: REST_FILL_KIND, payload: fill },
    ]);
    await local.apply(plan);
    const live = local.read();
    expect(live.unknownIntents).toEqual([]);
    expect(live.openOrders).toEqual([expect.objectContaining({ orderId, isExternal: false })]);
    expect(live.balanceE6).toBe(12_345_000);
    expect([...live.ledgeredFillKeys]).toEqual([fillKey(fill)]);
    await store.close();

    const reopened = await LedgerLocalState.open(newStore(dir).store.ledger);
    expect(reopened.read()).toEqual(live);
  });

  it('keeps an unknown intent and an accepted order across a reopen', async () => {
    const { store, dir } = newStore();
    const local = await LedgerLocalState.open(store.ledger);
    await local.recordUnknownIntent({ clientOrderId: coid, ticker, submittedAtMs: 1_000 });
    await local.recordAcceptedOrder({
      orderId,
      clientOrderId: ClientOrderId.parse('pt-accepted'),
      ticker,
      filledCountE2: countE2(0),
      remainingCountE2: countE2(100),
      isExternal: false,
    });
    await store.close();
    const state = (await LedgerLocalState.open(newStore(dir).store.ledger)).read();
    expect(state.unknownIntents).toEqual([
      { clientOrderId: coid, ticker, submittedAtMs: 1_000, checksWithoutMatch: 0 },
    ]);
    expect(state.openOrders).toEqual([
      expect.objectContaining({ orderId, consecutiveMisses: 0, isExternal: false }),
    ]);
  });

  it('writes no duplicate rows when the same records are replayed after a reopen', async () => {
    const { store, dir } = newStore();
    const first = await LedgerLocalState.open(store.ledger);
    await first.recordUnknownIntent({ clientOrderId: coid, ticker, submittedAtMs: 1_000 });
    await first.apply({
      hasPendingChecks: true,
      actions: [{ kind: 'intent_unmatched', clientOrderId: coid, checksWithoutMatch: 1 }],
    });
    await store.close();
    const { store: again } = newStore(dir);
    const before = again.ledger.countByKind();
    const second = await LedgerLocalState.open(again.ledger);
    await LedgerLocalState.open(again.ledger);
    // The same lost create reported again is the same event: no row, and its checks are not reset.
    await second.recordUnknownIntent({ clientOrderId: coid, ticker, submittedAtMs: 1_000 });
    expect(again.ledger.countByKind()).toEqual(before);
    expect(second.read().unknownIntents[0]?.checksWithoutMatch).toBe(1);
    // A new plan after the restart gets the next plan number, not the first run's.
    await second.apply({
      hasPendingChecks: false,
      actions: [{ kind: 'intent_not_placed', clientOrderId: coid, checksWithoutMatch: 3 }],
    });
    const plans = again.ledger.readByKind(PLAN_APPLIED_KIND).map((row) => row.sourceEventId);
    expect(plans).toHaveLength(2);
    expect(plans[1]).toMatch(/^plan:2:/);
  });

  it('does not change memory when the ledger refuses the write', async () => {
    const { store } = newStore();
    const local = await LedgerLocalState.open(store.ledger);
    await store.close();
    await expect(
      local.recordUnknownIntent({ clientOrderId: coid, ticker, submittedAtMs: 1 }),
    ).rejects.toThrow();
    expect(local.read().unknownIntents).toEqual([]);
  });

  it('throws naming the ledger row and field for a malformed stored payload', async () => {
    const { store } = newStore();
    const [outcome] = await store.ledger.append([
      {
        source: LOCAL_STATE_SOURCE,
        sourceEventId: 'plan:1:bad',
        kind: PLAN_APPLIED_KIND,
        payload: {
          hasPendingChecks: false,
          actions: [{ kind: 'order_missed', orderId: 'not-a-guid', consecutiveMisses: 1 }],
        },
      },
    ]);
    const id = outcome?.isNew === true ? outcome.id : -1;
    await expect(LedgerLocalState.open(store.ledger)).rejects.toThrow(
      new RegExp(`ledger row ${id} \\(local_state\\.plan_applied\\).*actions\\.0\\.orderId`),
    );
  });

  it('seeds fill keys only from fill rows inside the window, from both fill sources', async () => {
    const { store } = newStore();
    const nowMs = 10 * 86_400_000;
    const row = (source: string, key: string, ingestTsMs: number) => ({
      source,
      sourceEventId: key,
      kind: REST_FILL_KIND,
      payload: {},
      ingestTsMs,
    });
    await store.ledger.append([
      row(REST_FILL_SOURCE, 'fill:old:o', nowMs - 25 * 3_600_000),
      row(REST_FILL_SOURCE, 'fill:rest:o', nowMs - 3_600_000),
      row('kalshi.ws', 'fill:ws:o', nowMs - 1),
      row('someone.else', 'fill:other:o', nowMs - 1),
    ]);
    const local = await LedgerLocalState.open(store.ledger, { nowMs: () => nowMs });
    expect([...local.read().ledgeredFillKeys]).toEqual(['fill:rest:o', 'fill:ws:o']);
    const capped = await LedgerLocalState.open(store.ledger, { nowMs: () => nowMs, maxFillKeys: 1 });
    expect([...capped.read().ledgeredFillKeys]).toEqual(['fill:ws:o']);
  });

  it('stored action schema and ReconcileAction are the same type (a new action kind must be stored too)', () => {
    expectTypeOf<z.output<typeof ReconcileActionSchema>>().toEqualTypeOf<ReconcileAction>();
  });

  it('serialises concurrent writes: each plan gets its own number and every change lands', async () => {
    const { store } = newStore();
    const local = await LedgerLocalState.open(store.ledger);
    await Promise.all([
      local.apply({ hasPendingChecks: false, actions: [{ kind: 'order_miss_reset', orderId }] }),
      local.recordUnknownIntent({ clientOrderId: coid, ticker, submittedAtMs: 5 }),
      local.apply({
        hasPendingChecks: true,
        actions: [{ kind: 'intent_unmatched', clientOrderId: coid, checksWithoutMatch: 1 }],
      }),
    ]);
    const plans = store.ledger.readByKind(PLAN_APPLIED_KIND).map((row) => row.sourceEventId.split(':')[1]);
    expect(plans).toEqual(['1', '2']);
    expect(local.read().unknownIntents).toEqual([
      { clientOrderId: coid, ticker, submittedAtMs: 5, checksWithoutMatch: 1 },
    ]);
  });

  it('throws naming the row for a malformed stored intent', async () => {
    const { store } = newStore();
    await store.ledger.append([
      {
        source: LOCAL_STATE_SOURCE,
        sourceEventId: 'intent:x',
        kind: INTENT_RECORDED_KIND,
        payload: { clientOrderId: 'x', ticker },
      },
    ]);
    await expect(LedgerLocalState.open(store.ledger)).rejects.toThrow(
      /ledger row 1 \(local_state\.intent_recorded\).*submittedAtMs/,
    );
  });
});
