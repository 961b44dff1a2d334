/**
 * The portfolio against the REAL simulator: real fills with fees through the execution road,
 * positions and P&L equal to the venue's own accounting, the WS and REST copies of each fill
 * counted once, a mismatch reconciled (the venue wins, recorded), a settlement through the sim's
 * admin settle route, and a disputed market that stays open and flagged.
 */
import { ActivityEvent } from '@pt/protocol';
import type { MarketTicker } from '@pt/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityRecorder } from '../../src/activity/index.js';
import { collectAll } from '../../src/connectors/kalshi/http/paginate.js';
import {
  ADJUSTMENT_KIND,
  BALANCE_KIND,
  PortfolioQueries,
  PortfolioService,
  SETTLEMENT_KIND,
} from '../../src/portfolio/index.js';
import { realizedNetE6 } from '../../src/portfolio/position-math.js';
import { logger, startPortfolioWorld, waitFor, type PortfolioWorld } from './harness.js';

let w: PortfolioWorld;
let ticker: MarketTicker;

beforeAll(async () => {
  w = await startPortfolioWorld(11);
  ticker = w.ticker;
}, 90_000);

afterAll(async () => {
  await w.close();
});

async function venuePosition(t: string) {
  const all = await collectAll(async (cursor) => {
    const page = await w.connector.http.getPositions({
      limit: 1000,
      ...(cursor === undefined ? {} : { cursor }),
    });
    return { items: page.marketPositions, cursor: page.cursor };
  });
  return all.find((p) => p.ticker === t);
}

function held(t: string): number {
  return w.portfolio.folds().positions.get(t)?.positionE2 ?? 0;
}

describe('portfolio on the simulator', () => {
  it('a buy and a partial sell: position, basis, realized P&L and fees equal the venue accounting', async () => {
    const bought = await w.buy(ticker, 300);
    await waitFor(() => (held(ticker) === bought.filledCountE2 ? true : undefined));
    const sold = await w.sell(ticker, 100);
    const expected = bought.filledCountE2 - sold.filledCountE2;
    await waitFor(() => (held(ticker) === expected ? true : undefined));
    const ours = w.portfolio.folds().positions.get(ticker);
    const venue = await venuePosition(ticker);
    expect(ours?.positionE2).toBe(venue?.positionE2);
    expect(ours?.costE6).toBe(venue?.marketExposureE6);
    expect(ours?.realizedGrossE6).toBe(venue?.realizedPnlE6);
    expect(ours?.feesE6).toBe(venue?.feesPaidE6);
    expect(ours?.feesE6).toBeGreaterThan(0);
    expect(realizedNetE6(ours ?? ({ realizedGrossE6: 0, feesE6: 0 } as never))).toBe(
      (venue?.realizedPnlE6 ?? NaN) - (venue?.feesPaidE6 ?? NaN),
    );
    const types = w.published.map((e) => e.type);
    expect(types).toContain('fill.created');
    expect(types).toContain('position.updated');
  });

  it('after a reconciliation (the REST view of the same fills) nothing counts twice and nothing is adjusted', async () => {
    const report = await w.connector.reconcile();
    expect(report.isOk).toBe(true);
    await w.portfolio.sync();
    const restFills = w.store.ledger.readByKind('kalshi.fill').filter((r) => r.source === 'kalshi.rest');
    const wsFills = w.store.ledger.readByKind('kalshi.fill').filter((r) => r.source === 'kalshi.ws');
    // A fill's WS `trade_id` is its REST `fill_id` (Kalshi's legacy alias): reconciliation finds each
    // streamed fill already ledgered and records no second copy.
    expect(wsFills.length).toBeGreaterThan(0);
    expect(restFills).toHaveLength(0);
    expect(w.portfolio.distinctFills().filter((f) => f.ticker === ticker)).toHaveLength(wsFills.length);
    expect(held(ticker)).toBe((await venuePosition(ticker))?.positionE2);
    expect(w.store.ledger.readByKind(ADJUSTMENT_KIND)).toEqual([]);
    // One fill.created per execution, not one per ledgered copy.
    const announced = w.published.flatMap((e) => (e.type === 'fill.created' ? [e.fill.fillId] : []));
    expect(announced).toHaveLength(w.portfolio.distinctFills().length);
    expect(w.store.ledger.readByKind(BALANCE_KIND).length).toBeGreaterThan(0);
    const summary = new PortfolioQueries(() => w.portfolio).summary();
    const row = summary.positions.find((p) => p.position.ticker === ticker);
    expect(row?.position.positionCountE2).toBe(held(ticker));
    expect(row?.markPriceE4).not.toBeNull();
    expect(summary.availableMoneyE6).not.toBeNull();
    expect(summary.equity.equityMoneyE6).not.toBeNull();
  });

  it('a portfolio whose ledger lacks the fills takes the venue position, logged and in the activity feed', async () => {
    const stranger = PortfolioService.open({
      ledger: {
        append: (events) => w.store.ledger.append(events),
        // A ledger that never saw this market's fills (as if they were lost): only ours are hidden.
        readByKind: (kind, query) => (kind === 'kalshi.fill' ? [] : w.store.ledger.readByKind(kind, query)),
      },
      venue: () => w.connector,
      logger,
      timeZone: 'UTC',
      activity: new ActivityRecorder({ ledger: () => w.store.ledger, hub: w.hub }),
      syncEveryMs: 0,
    });
    try {
      // Seen on one pass, confirmed on the next (opening it started the first).
      await stranger.sync();
      await stranger.sync();
      const venue = await venuePosition(ticker);
      expect(stranger.folds().positions.get(ticker)).toMatchObject({
        positionE2: venue?.positionE2,
        costE6: venue?.marketExposureE6,
      });
      const adjustments = w.store.ledger.readByKind(ADJUSTMENT_KIND).map((r) => r.payload);
      expect(adjustments).toContainEqual(
        expect.objectContaining({ ticker, fromE2: 0, toE2: venue?.positionE2 }),
      );
      const feed = w.store.ledger
        .readByKind('activity.reconciliation')
        .map((r) => ActivityEvent.parse(r.payload));
      const mismatch = feed.find((e) => e.ticker === ticker && e.message.startsWith('Position mismatch'));
      expect(mismatch?.severity).toBe('warning');
    } finally {
      stranger.close();
    }
  });

  it('a settled market closes the position with the payout', async () => {
    const market = await w.quotableMarket('KX', [ticker]);
    const bought = await w.buy(market, 200);
    await waitFor(() => (held(market) === bought.filledCountE2 ? true : undefined));
    const costE6 = w.portfolio.folds().positions.get(market)?.costE6 ?? NaN;
    const response = await w.sim.admin('/faults/settle', { ticker: market, result: 'yes' });
    expect(response.status).toBe(200);
    await w.portfolio.sync();
    expect(held(market)).toBe(0);
    const settlement = w.portfolio.folds().settlements.find((s) => s.ticker === market);
    expect(settlement).toMatchObject({
      marketResult: 'yes',
      positionE2: bought.filledCountE2,
      revenueE6: 10_000 * bought.filledCountE2,
      costE6,
      realizedE6: 10_000 * bought.filledCountE2 - costE6,
    });
    expect(w.store.ledger.readByKind(SETTLEMENT_KIND)).toHaveLength(1);
    await w.portfolio.sync();
    expect(w.store.ledger.readByKind(SETTLEMENT_KIND)).toHaveLength(1);
    const page = new PortfolioQueries(() => w.portfolio).settlements({});
    expect(page.settlements.map((s) => s.ticker)).toEqual([market]);
  });

  it('a disputed market is never settled automatically: it stays open and flagged', async () => {
    const settled = w.portfolio.folds().settlements.map((s) => s.ticker);
    const market = await w.quotableMarket('KX', [ticker, ...settled]);
    const bought = await w.buy(market, 200);
    await waitFor(() => (held(market) === bought.filledCountE2 ? true : undefined));
    const response = await w.sim.admin('/faults/dispute', { ticker: market });
    expect(response.status).toBe(200);
    expect((await w.connector.http.getMarket(market)).status).toBe('disputed');
    await w.portfolio.sync();
    expect(held(market)).toBe(bought.filledCountE2);
    expect(w.portfolio.disputedTickers()).toContain(market);
    expect(w.portfolio.folds().settlements.map((s) => s.ticker)).not.toContain(market);
    const summary = new PortfolioQueries(() => w.portfolio).summary();
    expect(summary.flags.disputedTickers).toContain(market);
    expect(summary.positions.find((p) => p.position.ticker === market)?.isDisputed).toBe(true);
  });
});
