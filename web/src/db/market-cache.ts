/**
 * Reads and writes of the market cache (app-db.ts v2), with its bounds: at most
 * `tradesPerMarket` newest trades per market, nothing older than `maxAgeMs`, and a total cap per
 * table (the oldest rows go first). What comes back is re-parsed with the protocol schemas: a row
 * an older app wrote in another shape is dropped, never shown.
 */
import { ActivityEvent, MarketListEntry, MarketTrade } from '@pt/protocol';
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { AppDb } from './app-db.js';

export interface CacheLimits {
  readonly tradesPerMarket: number;
  readonly maxAgeMs: number;
  readonly maxTrades: number;
  readonly maxMarkets: number;
  readonly maxActivity: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = {
  tradesPerMarket: 200,
  maxAgeMs: 24 * 60 * 60 * 1_000,
  maxTrades: 5_000,
  maxMarkets: 2_000,
  maxActivity: 500,
};

export interface CachedMarkets {
  readonly markets: MarketListEntry[];
  /** When the oldest row was written; null when the cache holds no markets. */
  readonly cachedAtMs: number | null;
}

export interface CachedActivity {
  readonly events: ActivityEvent[];
  readonly cachedAtMs: number | null;
}

export class MarketCache {
  constructor(
    private readonly db: AppDb,
    private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Replaces the cached listing with the agent's (the listing is whole, not a delta). */
  async saveMarkets(markets: readonly MarketListEntry[]): Promise<void> {
    const cachedAtMs = this.nowMs();
    const rows = markets
      .slice(0, this.limits.maxMarkets)
      .map((entry) => ({ ticker: entry.ticker, entry, cachedAtMs }));
    await this.db.transaction('rw', this.db.markets, async () => {
      await this.db.markets.clear();
      await this.db.markets.bulkPut(rows);
    });
  }

  async loadMarkets(): Promise<CachedMarkets> {
    const rows = await this.db.markets.toArray();
    const markets = parsed(
      rows.map((r) => r.entry),
      MarketListEntry,
    );
    markets.sort((a, b) => a.closeTimeMs - b.closeTimeMs || a.ticker.localeCompare(b.ticker));
    const cachedAtMs = rows.length === 0 ? null : Math.min(...rows.map((r) => r.cachedAtMs));
    return { markets, cachedAtMs };
  }

  /** Adds the agent's newest trades of `ticker`, keeping that market's `tradesPerMarket` newest. */
  async saveTrades(ticker: string, trades: readonly MarketTrade[]): Promise<void> {
    const cachedAtMs = this.nowMs();
    const rows = trades.map((trade) => ({
      ticker,
      tradeId: trade.tradeId,
      executedAtMs: trade.executedAtMs,
      trade,
      cachedAtMs,
    }));
    await this.db.transaction('rw', this.db.trades, async () => {
      await this.db.trades.bulkPut(rows);
      const surplus = await this.tradesOf(ticker).reverse().offset(this.limits.tradesPerMarket).primaryKeys();
      await this.db.trades.bulkDelete(surplus);
    });
  }

  /** The cached trades of `ticker`, newest first. */
  async loadTrades(ticker: string): Promise<MarketTrade[]> {
    const rows = await this.tradesOf(ticker).reverse().toArray();
    return parsed(
      rows.map((r) => r.trade),
      MarketTrade,
    );
  }

  async saveActivity(events: readonly ActivityEvent[]): Promise<void> {
    const cachedAtMs = this.nowMs();
    await this.db.activity.bulkPut(
      events.map((event) => ({ id: event.id, atMs: event.atMs, event, cachedAtMs })),
    );
    await capOldest(this.db.activity, 'atMs', this.limits.maxActivity);
  }

  /** The newest `limit` cached feed entries, newest first, and when the oldest of them was written. */
  async loadActivity(limit = 50): Promise<CachedActivity> {
    const rows = await this.db.activity.orderBy('atMs').reverse().limit(limit).toArray();
    const events = parsed(
      rows.map((r) => r.event),
      ActivityEvent,
    );
    return { events, cachedAtMs: events.length === 0 ? null : Math.min(...rows.map((r) => r.cachedAtMs)) };
  }

  /** Age first (every table), then each table's total cap. */
  async evict(): Promise<void> {
    const cutoff = this.nowMs() - this.limits.maxAgeMs;
    await this.db.markets.where('cachedAtMs').below(cutoff).delete();
    await this.db.trades.where('cachedAtMs').below(cutoff).delete();
    await this.db.activity.where('cachedAtMs').below(cutoff).delete();
    await capOldest(this.db.trades, 'cachedAtMs', this.limits.maxTrades);
    await capOldest(this.db.markets, 'cachedAtMs', this.limits.maxMarkets);
    await capOldest(this.db.activity, 'atMs', this.limits.maxActivity);
  }

  private tradesOf(ticker: string) {
    return this.db.trades
      .where('[ticker+executedAtMs]')
      .between([ticker, Dexie.minKey], [ticker, Dexie.maxKey]);
  }
}

/** Deletes the rows lowest on `index` past `max`. */
async function capOldest<T, K>(table: Table<T, K>, index: string, max: number): Promise<void> {
  const surplus = (await table.count()) - max;
  if (surplus <= 0) return;
  await table.bulkDelete(await table.orderBy(index).limit(surplus).primaryKeys());
}

function parsed<T>(
  values: readonly unknown[],
  schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
): T[] {
  const out: T[] = [];
  for (const value of values) {
    const result = schema.safeParse(value);
    if (result.success && result.data !== undefined) out.push(result.data);
  }
  return out;
}
