/**
 * The browser's IndexedDB (Dexie), per origin. A cache, never the source of truth: whatever it paints
 * is marked cached until the agent answers, and the agent's state replaces it.
 * - v1: `settings` (small rows; the paired token among them).
 * - v2: adds the market cache: `markets` (the last listing), `trades` (recent public trades per
 *   market, the chart's history), `activity` (the newest feed entries). Rows carry `cachedAtMs` for
 *   age-based eviction (market-cache.ts); payloads are re-parsed with the protocol schemas on read.
 */
import { Dexie } from 'dexie';
import type { EntityTable } from 'dexie';

export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

export interface MarketRow {
  readonly ticker: string;
  /** A `MarketListEntry` as the agent sent it. */
  readonly entry: unknown;
  readonly cachedAtMs: number;
}

export interface TradeRow {
  readonly ticker: string;
  readonly tradeId: string;
  readonly executedAtMs: number;
  /** A `MarketTrade`. */
  readonly trade: unknown;
  readonly cachedAtMs: number;
}

export interface ActivityRow {
  readonly id: string;
  readonly atMs: number;
  /** An `ActivityEvent`. */
  readonly event: unknown;
  readonly cachedAtMs: number;
}

export class AppDb extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  markets!: EntityTable<MarketRow, 'ticker'>;
  trades!: Dexie.Table<TradeRow, [string, string]>;
  activity!: EntityTable<ActivityRow, 'id'>;

  constructor(name = 'predictiontrader') {
    super(name);
    this.version(1).stores({ settings: 'key' });
    this.version(2).stores({
      settings: 'key',
      markets: 'ticker, cachedAtMs',
      trades: '[ticker+tradeId], [ticker+executedAtMs], cachedAtMs',
      activity: 'id, atMs, cachedAtMs',
    });
  }
}
