/**
 * Flatten All with the simulator's faults injected during each step: the cancel-all's answer
 * lost, the resting-order listing failing, a position read failing, no liquidity, the exchange
 * paused, a lost create, the deadline. Each run still ends with a report that says what happened
 * per market, and nothing is ever sent that could grow a position.
 */
import type { MarketTicker } from '@pt/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readResting } from '../../src/flatten/index.js';
import {
  flattenOrders,
  positionOn,
  restingBid,
  resumeTrading,
  startFlattenHarness,
  takePosition,
  waitFor,
  type FlattenHarness,
} from './harness.js';

let h: FlattenHarness;
let tickers: MarketTicker[];

beforeAll(async () => {
  h = await startFlattenHarness(13);
  tickers = h.tickers;
}, 90_000);

afterAll(async () => {
  await h.close();
});

afterEach(async () => {
  await h.sim.admin('/faults', undefined, 'DELETE');
  await h.sim.admin('/faults/pause', { is_paused: false });
});

function ticker(i: number): MarketTicker {
  const t = tickers[i];
  if (t === undefined) throw new Error(`no market ${i}`);
  return t;
}

async function faultsLeft(): Promise<unknown[]> {
  const snapshot = (await (await h.sim.admin('/faults', undefined, 'GET')).json()) as { rest?: unknown[] };
  return snapshot.rest ?? [];
}

function market(report: Awaited<ReturnType<FlattenHarness['flatten']['press']>['done']>, t: string) {
  const found = report.markets.find((m) => m.ticker === t);
  if (found === undefined) throw new Error(`${t} not in the report`);
  return found;
}

describe('Flatten All under faults', () => {
  it('cancel-all: a lost cancel answer is verified by listing (the cancel went)', async () => {
    await resumeTrading(h);
    const t = ticker(0);
    await takePosition(h, t, 'long', 200);
    await restingBid(h, t);
    await h.sim.admin('/faults/rest', {
      kind: 'lost_response',
      method: 'DELETE',
      path_prefix: '/portfolio/events/orders/',
      hold_ms: 3_000,
    });
    const report = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(report.cancel).toMatchObject({ unknown: 1, survivors: 0, isVerified: true });
    expect(await readResting(h.connector)).toEqual([]);
    expect(market(report, t)).toMatchObject({ status: 'flattened', positionAfterE2: 0 });
  });

  it('cancel-all: the resting-order listing fails once, the next round cancels and verifies', async () => {
    await resumeTrading(h);
    const t = ticker(1);
    await takePosition(h, t, 'short', 200);
    await restingBid(h, t);
    await h.sim.admin('/faults/rest', {
      kind: 'http_5xx',
      method: 'GET',
      path_prefix: '/portfolio/orders',
      count: 1,
    });
    const report = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(await faultsLeft()).toEqual([]);
    expect(report.cancel).toMatchObject({ canceled: 1, survivors: 0, isVerified: true });
    expect(market(report, t)).toMatchObject({ status: 'flattened', positionAfterE2: 0 });
  });

  it('positions: a failed read is retried (the venue is the source, not local state)', async () => {
    await resumeTrading(h);
    const t = ticker(2);
    await takePosition(h, t, 'long', 200);
    await h.sim.admin('/faults/rest', {
      kind: 'http_5xx',
      method: 'GET',
      path_prefix: '/portfolio/positions',
      count: 2,
    });
    const report = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(await faultsLeft()).toEqual([]);
    expect(report).toMatchObject({ failure: null, positionsAfter: 0 });
    expect(market(report, t)).toMatchObject({ status: 'flattened' });
    expect(await positionOn(h, t)).toBe(0);
  });

  it('positions unreadable: the run ends with a failure, nothing sent', async () => {
    await resumeTrading(h);
    const t = ticker(3);
    await takePosition(h, t, 'long', 100);
    const sentBefore = flattenOrders(h).length;
    await h.sim.admin('/faults/rest', {
      kind: 'http_5xx',
      method: 'GET',
      path_prefix: '/portfolio/positions',
      count: 50,
    });
    const report = await h.flatten.press({}).done;
    expect(report.failure).toMatch(/positions could not be read/);
    expect(report).toMatchObject({ status: 'finished', positionsBefore: null, markets: [] });
    expect(flattenOrders(h).length).toBe(sentBefore);
    await h.sim.admin('/faults', undefined, 'DELETE');
    expect(await positionOn(h, t)).toBeGreaterThan(0);
    const retry = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(market(retry, t)).toMatchObject({ status: 'flattened' });
  });

  it('orders: the exchange paused → residual market_paused, nothing sent; flattened once it resumes', async () => {
    await resumeTrading(h);
    const t = ticker(4);
    const before = await takePosition(h, t, 'short', 200);
    const sentBefore = flattenOrders(h).length;
    await h.sim.admin('/faults/pause', { is_paused: true });
    const report = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(market(report, t)).toMatchObject({
      status: 'residual',
      reason: 'market_paused',
      positionAfterE2: before,
      ordersSent: 0,
    });
    expect(flattenOrders(h).length).toBe(sentBefore);
    await h.sim.admin('/faults/pause', { is_paused: false });
    const after = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(market(after, t)).toMatchObject({ status: 'flattened', positionAfterE2: 0 });
  });

  it('orders: a lost create → residual outcome_unknown, never resent in the run; reconciled, then flattened', async () => {
    await resumeTrading(h);
    const t = ticker(5);
    const before = await takePosition(h, t, 'long', 200);
    const sentBefore = flattenOrders(h).length;
    await h.sim.admin('/faults/rest', {
      kind: 'http_5xx',
      method: 'POST',
      path_prefix: '/portfolio/events/orders',
      count: 1,
    });
    const report = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(market(report, t)).toMatchObject({
      status: 'residual',
      reason: 'outcome_unknown',
      positionAfterE2: before,
      ordersSent: 1,
      filledCountE2: 0,
    });
    const sent = flattenOrders(h).slice(0, flattenOrders(h).length - sentBefore);
    expect(sent.map((o) => o.status)).toEqual(['unknown']);
    // Reconciliation proves the 5xx create never placed; then a new press closes the position.
    const clientOrderId = sent[0]?.clientOrderId ?? '';
    await waitFor(() => (h.execution.journal.get(clientOrderId)?.status === 'rejected' ? true : undefined));
    const after = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(market(after, t)).toMatchObject({ status: 'flattened', positionAfterE2: 0 });
  });

  it('deadline: past it, markets are left as residual deadline with nothing sent', async () => {
    await resumeTrading(h);
    const t = ticker(6);
    const before = await takePosition(h, t, 'long', 100);
    const report = await h.flatten.press({ deadlineMs: 1 }).done;
    expect(market(report, t)).toMatchObject({
      status: 'residual',
      reason: 'deadline',
      positionAfterE2: before,
      ordersSent: 0,
    });
    const after = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(market(after, t)).toMatchObject({ status: 'flattened' });
  });

  it('orders: a closed (disputed) market → residual market_closed, nothing sent', async () => {
    await resumeTrading(h);
    const t = ticker(7);
    const before = await takePosition(h, t, 'short', 100);
    const sentBefore = flattenOrders(h).length;
    const disputed = await h.sim.admin('/faults/dispute', { ticker: t });
    expect(disputed.status).toBe(200);
    const report = await h.flatten.press({ maxSlippageE4: 3_000 }).done;
    expect(market(report, t)).toMatchObject({
      status: 'residual',
      reason: 'market_closed',
      positionAfterE2: before,
      ordersSent: 0,
    });
    expect(flattenOrders(h).length).toBe(sentBefore);
  });

  it('no liquidity: the only YES bid level is sold, the rest is residual no_liquidity', async () => {
    await resumeTrading(h);
    // A weather market: one YES bid level ($0.01) under plenty of asks; hold more than it takes.
    const t = h.ticker;
    const book = h.connector.quotableBook(t);
    const bids = book?.yesBids ?? [];
    expect(bids.length).toBe(1);
    const bidSize = bids[0]?.countE2 ?? 0;
    const before = await takePosition(h, t, 'long', bidSize + 300);
    expect(before).toBeGreaterThan(bidSize);
    const report = await h.flatten.press({ maxSlippageE4: 500 }).done;
    const result = market(report, t);
    expect(result).toMatchObject({ status: 'residual', reason: 'no_liquidity' });
    expect(result.positionAfterE2).toBeGreaterThan(0);
    expect(result.positionAfterE2).toBeLessThan(before);
    expect(await positionOn(h, t)).toBe(result.positionAfterE2);
  });
});
