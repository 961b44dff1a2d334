/**
 * Every REST read endpoint against the real simulator: each answer must parse under the 2026
 * schemas with the contract light staying green (no violations) — the sim mirrors Kalshi's shapes,
 * so a red light here is a client bug or real drift.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAll } from '../../../src/connectors/kalshi/http/index.js';
import type { VenueMarket } from '../../../src/connectors/kalshi/http/index.js';
import { pickRestingMarket, startSimHttp } from './sim-http.js';
import type { SimHttp } from './sim-http.js';

let env: SimHttp;
let market: VenueMarket;

beforeAll(async () => {
  env = await startSimHttp({ seed: 11 });
  market = await pickRestingMarket(env.http);
});
afterAll(async () => {
  await env.sim.stop();
});

describe('REST reads against the simulator', () => {
  it('exchange status and schedule', async () => {
    const status = await env.http.getExchangeStatus();
    expect(status.isExchangeActive).toBe(true);
    expect(status.isTradingActive).toBe(true);
    const schedule = await env.http.getExchangeSchedule();
    expect(schedule.standardHours.length).toBeGreaterThan(0);
    for (const window of schedule.maintenanceWindows) expect(window.endMs).toBeGreaterThan(window.startMs);
  });

  it('markets: paginated list, one market, filters', async () => {
    const all = await collectAll((cursor) =>
      env.http.getMarkets({ limit: 50, ...(cursor === undefined ? {} : { cursor }) }),
    );
    expect(all.length).toBeGreaterThan(50);
    expect(new Set(all.map((m) => m.ticker)).size).toBe(all.length);
    const one = await env.http.getMarket(market.ticker);
    expect(one.ticker).toBe(market.ticker);
    expect(one.priceRanges.length).toBeGreaterThan(0);
    const byEvent = await env.http.getMarkets({ eventTicker: market.eventTicker });
    expect(byEvent.items.every((m) => m.eventTicker === market.eventTicker)).toBe(true);
    const byTickers = await env.http.getMarkets({ tickers: [market.ticker] });
    expect(byTickers.items.map((m) => m.ticker)).toEqual([market.ticker]);
  });

  it('events (with nested markets), one event, series', async () => {
    const events = await env.http.getEvents({ limit: 20, withNestedMarkets: true });
    expect(events.items.length).toBeGreaterThan(0);
    expect(events.items.some((e) => (e.markets ?? []).length > 0)).toBe(true);
    const { event, markets } = await env.http.getEvent(market.eventTicker);
    expect(event.eventTicker).toBe(market.eventTicker);
    expect(markets.some((m) => m.ticker === market.ticker)).toBe(true);
    const seriesList = await env.http.getSeriesList();
    expect(seriesList.length).toBeGreaterThan(0);
    const series = await env.http.getSeries(event.seriesTicker);
    expect(series.ticker).toBe(event.seriesTicker);
    expect(Number.isFinite(series.feeMultiplier)).toBe(true);
  });

  it('order books: single (best bid first, depth honoured) and batch', async () => {
    const book = await env.http.getOrderbook(market.ticker, 0);
    expect(book.yesBids.length).toBeGreaterThan(0);
    expect(book.noBids.length).toBeGreaterThan(0);
    const prices = book.yesBids.map((l) => l.priceE4);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(book.yesBids[0]?.priceE4).toBe(market.yesBidE4);
    const top = await env.http.getOrderbook(market.ticker, 1);
    expect(top.yesBids).toHaveLength(1);
    const other = (await env.http.getMarkets({ status: 'open', limit: 3 })).items.map((m) => m.ticker);
    const books = await env.http.getOrderbooks(other);
    expect(books.map((b) => b.ticker).sort()).toEqual([...other].sort());
  });

  it('trades', async () => {
    const trades = await env.http.getTrades({ limit: 100 });
    for (const t of trades.items) expect(t.yesPriceE4 + t.noPriceE4).toBe(10_000);
  });

  it('portfolio: balance, positions, orders, fills, settlements', async () => {
    const balance = await env.http.getBalance();
    expect(balance.balanceE6).toBeGreaterThan(0);
    const positions = await env.http.getPositions();
    expect(Array.isArray(positions.marketPositions)).toBe(true);
    expect((await env.http.getOrders()).items).toEqual([]);
    expect((await env.http.getFills()).items).toEqual([]);
    expect((await env.http.getSettlements()).items).toEqual([]);
  });

  it('account limits and endpoint costs (Basic tier)', async () => {
    const limits = await env.http.getAccountLimits();
    expect(limits.usageTier).toBe('basic');
    expect(limits.write.refillPerSecond).toBe(100);
    const costs = await env.http.getEndpointCosts();
    expect(costs.defaultCost).toBe(10);
    expect(costs.endpointCosts).toContainEqual({
      method: 'DELETE',
      path: '/portfolio/events/orders/:order_id',
      cost: 2,
    });
    env.http.useEndpointCosts(costs);
  });

  it('kept the contract light green, and the schemas know every field the sim sends', () => {
    expect(env.contract.state().violations).toEqual([]);
    expect(env.contract.state().unknownFields).toEqual([]);
  });
});
