import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDb } from './app-db.js';
import { DEFAULT_CACHE_LIMITS, MarketCache } from './market-cache.js';
import { activity, market, trade } from './test-rows.js';

const freshDb = (): AppDb => new AppDb(`cache-test-${Math.random()}`);

describe('AppDb v2', () => {
  it('upgrades a v1 database keeping its settings (the paired token)', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ settings: 'key' });
    await v1.table('settings').put({ key: 'pairing', value: { token: 't' } });
    v1.close();
    const db = new AppDb(name);
    expect(await db.settings.get('pairing')).toEqual({ key: 'pairing', value: { token: 't' } });
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['activity', 'markets', 'settings', 'trades']);
  });
});

describe('MarketCache', () => {
  it('replaces the whole listing on save and reads it back parsed, by close time', async () => {
    const cache = new MarketCache(freshDb(), DEFAULT_CACHE_LIMITS, () => 5_000);
    await cache.saveMarkets([market('B-1', 100), market('A-1', 200)]);
    await cache.saveMarkets([market('C-1', 300)]);
    const { markets, cachedAtMs } = await cache.loadMarkets();
    expect(markets.map((m) => m.ticker)).toEqual(['C-1']);
    expect(cachedAtMs).toBe(5_000);
  });

  it('drops rows that no longer parse (written by another app version), never shows them', async () => {
    const db = freshDb();
    await db.markets.put({ ticker: 'OLD', entry: { ticker: 'OLD', price: 0.5 }, cachedAtMs: 1 });
    await db.trades.put({
      ticker: 'T',
      tradeId: 'x',
      executedAtMs: 1,
      trade: { price: '0.5' },
      cachedAtMs: 1,
    });
    const cache = new MarketCache(db);
    expect((await cache.loadMarkets()).markets).toEqual([]);
    expect(await cache.loadTrades('T')).toEqual([]);
  });

  it('keeps each market’s newest trades up to the bound, newest first, markets apart', async () => {
    const cache = new MarketCache(freshDb(), { ...DEFAULT_CACHE_LIMITS, tradesPerMarket: 3 });
    await cache.saveTrades('M-1', [trade(1), trade(2)]);
    await cache.saveTrades('M-1', [trade(5), trade(4), trade(3), trade(2)]);
    await cache.saveTrades('M-2', [trade(9)]);
    expect((await cache.loadTrades('M-1')).map((t) => t.tradeId.slice(-1))).toEqual(['5', '4', '3']);
    expect((await cache.loadTrades('M-2')).map((t) => t.tradeId.slice(-1))).toEqual(['9']);
  });

  it('evicts by age, then caps each table’s total, oldest first', async () => {
    let now = 0;
    const limits = { ...DEFAULT_CACHE_LIMITS, maxAgeMs: 1_000, maxTrades: 4, maxActivity: 2 };
    const db = freshDb();
    const cache = new MarketCache(db, limits, () => now);
    await cache.saveTrades('OLD', [trade(1)]);
    await cache.saveMarkets([market('OLD-1', 100)]);
    now = 600;
    await cache.saveTrades('A', [trade(2), trade(3), trade(4)]);
    now = 700;
    await cache.saveTrades('B', [trade(5), trade(6)]);
    now = 1_500; // OLD (written at 0) is past the age; A and B are not
    await cache.evict();
    expect(await cache.loadTrades('OLD')).toEqual([]);
    expect((await cache.loadMarkets()).markets).toEqual([]);
    expect(await db.trades.count()).toBe(4);
    // The total cap drops the oldest written (A's) first: B's two stay.
    expect(await cache.loadTrades('B')).toHaveLength(2);
    expect(await cache.loadTrades('A')).toHaveLength(2);
    await cache.saveActivity([activity(1), activity(2), activity(3)]);
    expect((await cache.loadActivity()).events.map((e) => e.id)).toEqual(['ledger-3', 'ledger-2']);
  });
});
