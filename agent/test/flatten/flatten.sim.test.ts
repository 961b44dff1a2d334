/**
 * Flatten All end to end on the REAL simulator: real positions taken with marketable orders
 * against the replayed book, a resting order, then one press → halted (persisted in the ledger),
 * nothing resting, every venue position flat, each flatten order reduce-only IOC through the
 * execution road; a second press after it finds nothing to do; two presses at once are one run.
 */
import type { MarketTicker } from '@pt/protocol';
import { FlattenReport } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlattenService, readPositions, readResting } from '../../src/flatten/index.js';
import { TradingControls } from '../../src/trading-controls/index.js';
import {
  flattenOrders,
  logger,
  positionOn,
  restingBid,
  resumeTrading,
  startFlattenHarness,
  takePosition,
  venueOrderCount,
  type FlattenHarness,
} from './harness.js';

let h: FlattenHarness;
let a: MarketTicker;
let b: MarketTicker;

beforeAll(async () => {
  h = await startFlattenHarness(11);
  [a, b] = h.tickers as [MarketTicker, MarketTicker];
}, 90_000);

afterAll(async () => {
  await h.close();
});

describe('Flatten All against the simulator', () => {
  it('halts (persistently), cancels the resting order and closes a YES and a NO position', async () => {
    await resumeTrading(h);
    expect(await takePosition(h, a, 'long', 300)).toBeGreaterThan(0);
    expect(await takePosition(h, b, 'short', 200)).toBeLessThan(0);
    await restingBid(h, a);
    expect((await readResting(h.connector)).length).toBeGreaterThan(0);
    const seqBefore = h.hub.currentSeq('flatten');

    const press = h.flatten.press({ maxSlippageE4: 3_000 });
    const report = await press.done;

    expect(report).toMatchObject({
      status: 'finished',
      flattenId: press.flattenId,
      isHaltPersisted: true,
      cancel: { isVerified: true, survivors: 0 },
      positionsBefore: 2,
      positionsAfter: 0,
      failure: null,
    });
    expect(report.cancel?.canceled).toBeGreaterThanOrEqual(1);
    expect(report.markets.map((m) => [m.ticker, m.status, m.reason, m.positionAfterE2])).toEqual(
      expect.arrayContaining([
        [a, 'flattened', null, 0],
        [b, 'flattened', null, 0],
      ]),
    );
    expect(Math.sign(report.markets.find((m) => m.ticker === a)?.positionBeforeE2 ?? 0)).toBe(1);
    expect(Math.sign(report.markets.find((m) => m.ticker === b)?.positionBeforeE2 ?? 0)).toBe(-1);
    // The venue agrees: nothing held, nothing resting.
    expect(await readPositions(h.connector)).toEqual([]);
    expect(await readResting(h.connector)).toEqual([]);
    // Every flatten order went through the road: reduce-only IOC, in the journal with its origin.
    const orders = flattenOrders(h);
    expect(orders.length).toBe(report.markets.reduce((sum, m) => sum + m.ordersSent, 0));
    expect(orders.every((o) => o.timeInForce === 'immediate_or_cancel')).toBe(true);
    const intents = h.store.ledger
      .readByKind('execution.intent', { limit: 10_000 })
      .map((row) => row.payload);
    for (const order of orders)
      expect(intents).toContainEqual(
        expect.objectContaining({
          clientOrderId: order.clientOrderId,
          reduceOnly: true,
          origin: { kind: 'flatten' },
        }),
      );
    // Halted, and the halt is in the ledger: a restart (fresh controls on the same store) keeps it.
    expect(h.controls.tradingState().mode).toBe('halted');
    const reopened = new TradingControls({
      runtime: {
        current: () => ({ environment: 'sim', store: h.store }),
        tradingState: () => h.connector.tradingState(),
        switchingTo: () => undefined,
      },
      logger,
    });
    expect(reopened.tradingState()).toMatchObject({ mode: 'halted' });
    expect(reopened.currentSwitch().systemHalt()).toMatchObject({ cause: 'flatten' });
    // Streamed (the last event is the final report) and in the activity feed, step by step.
    expect(h.hub.currentSeq('flatten')).toBeGreaterThan(seqBefore + 3);
    const keys = h.store.ledger
      .readByKind('activity.system', { limit: 10_000 })
      .map((row) => row.sourceEventId);
    for (const step of ['halt', 'cancel', 'positions', 'done'])
      expect(keys).toContain(`flatten:${report.flattenId}:${step}`);
    expect(h.flatten.latest()).toEqual(report);
    expect(FlattenReport.parse(report)).toEqual(report);
  });

  it('the final report outlives the process: a restarted service answers it from the ledger', () => {
    const report = h.flatten.latest();
    expect(report?.status).toBe('finished');
    const restarted = new FlattenService({
      controls: h.controls,
      execution: () => h.execution,
      venue: () => h.connector,
      ledger: () => h.store.ledger,
      logger,
    });
    expect(restarted.latest()).toEqual(report);
    // Another environment's ledger (here: none recorded) does not answer this one's report.
    const elsewhere = new FlattenService({
      controls: h.controls,
      execution: () => h.execution,
      venue: () => h.connector,
      ledger: () => ({ append: () => Promise.resolve([]), readByKind: () => [] }),
      logger,
    });
    expect(elsewhere.latest()).toBeNull();
  });

  it('the road refuses a flatten order that could grow the position: nothing recorded, nothing sent', async () => {
    await resumeTrading(h);
    const position = await takePosition(h, a, 'long', 100);
    const ordersBefore = await venueOrderCount(h);
    const intentsBefore = h.store.ledger.readByKind('execution.intent', { limit: 10_000 }).length;
    const sell = {
      ticker: a,
      side: 'ask' as const,
      priceE4: 100,
      countE2: position,
      timeInForce: 'immediate_or_cancel' as const,
    };
    const flatten = { kind: 'flatten' as const };
    await expect(h.execution.place(sell, flatten, { plannedFromPositionE2: position })).rejects.toThrow(
      /reduce-only/,
    );
    await expect(
      h.execution.place({ ...sell, reduceOnly: true, side: 'bid' }, flatten, {
        plannedFromPositionE2: position,
      }),
    ).rejects.toThrow(/increase/);
    await expect(
      h.execution.place({ ...sell, reduceOnly: true, countE2: position + 100 }, flatten, {
        plannedFromPositionE2: position,
      }),
    ).rejects.toThrow(/flip/);
    await expect(h.execution.place({ ...sell, reduceOnly: true }, flatten)).rejects.toThrow(/planned from/);
    expect(h.store.ledger.readByKind('execution.intent', { limit: 10_000 }).length).toBe(intentsBefore);
    expect(await venueOrderCount(h)).toBe(ordersBefore);
    expect(await positionOn(h, a)).toBe(position);
    const report = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(report.markets.find((m) => m.ticker === a)).toMatchObject({ status: 'flattened' });
  });

  it('a press after a finished run starts a new run, which finds nothing to do', async () => {
    const ordersBefore = await venueOrderCount(h);
    const first = h.flatten.latest();
    const report = await h.flatten.press({}).done;
    expect(report.flattenId).not.toBe(first?.flattenId);
    expect(report).toMatchObject({ status: 'finished', positionsBefore: 0, positionsAfter: 0, markets: [] });
    expect(report.cancel).toMatchObject({ canceled: 0, isVerified: true });
    expect(await venueOrderCount(h)).toBe(ordersBefore);
  });

  it('two presses at once are one run: same flattenId, same report, no extra venue orders', async () => {
    await resumeTrading(h);
    await takePosition(h, a, 'short', 200);
    await takePosition(h, b, 'long', 200);
    const ordersBefore = await venueOrderCount(h);
    const journalBefore = flattenOrders(h).length;
    const first = h.flatten.press({ maxSlippageE4: 3_000 });
    const second = h.flatten.press({ maxSlippageE4: 100, deadlineMs: 1 });
    expect(second).toMatchObject({ flattenId: first.flattenId, isJoined: true });
    expect(h.flatten.latest()).toMatchObject({ flattenId: first.flattenId, status: 'running' });
    const [r1, r2] = await Promise.all([first.done, second.done]);
    expect(r2).toEqual(r1);
    expect(r1).toMatchObject({ maxSlippageE4: 3_000, positionsBefore: 2, positionsAfter: 0 });
    const sent = r1.markets.reduce((sum, m) => sum + m.ordersSent, 0);
    expect(flattenOrders(h).length - journalBefore).toBe(sent);
    expect((await venueOrderCount(h)) - ordersBefore).toBe(sent);
    expect(await positionOn(h, a)).toBe(0);
    expect(await positionOn(h, b)).toBe(0);
  });
});
