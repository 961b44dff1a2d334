/**
 * Wires the market cache to the feature stores. On start: the cached markets listing is painted at
 * once (marked cached) unless the agent already answered, and the agent's listing replaces it
 * (written back at most once per `marketsWriteEveryMs`); the opened market's cached trades are
 * painted (the trades store keeps them marked cached) until the agent's arrive, which are written
 * back; the activity feed likewise (activity-cache-sync.ts); eviction runs at start and every `evictEveryMs`. Returns a stop function.
 */
import { useMarketsStore } from '../features/markets/markets.store.js';
import { useTradesStore } from '../features/trades/trades.store.js';
import { startActivityCacheSync } from './activity-cache-sync.js';
import { useCacheStore } from './cache.store.js';
import type { MarketCache } from './market-cache.js';

export interface CacheSyncOptions {
  readonly marketsWriteEveryMs?: number;
  readonly evictEveryMs?: number;
  readonly nowMs?: () => number;
  /** Where a failed cache read or write is reported (the cache is optional: the app goes on). */
  readonly onError?: (err: unknown) => void;
}

export function startCacheSync(cache: MarketCache, options: CacheSyncOptions = {}): () => void {
  const nowMs = options.nowMs ?? Date.now;
  const writeEveryMs = options.marketsWriteEveryMs ?? 60_000;
  const onError = options.onError ?? (() => undefined);
  let lastMarketsWrite = Number.NEGATIVE_INFINITY;

  void cache
    .loadMarkets()
    .then(({ markets, cachedAtMs }) => {
      // The agent answered first: its listing stands, the cache is not painted over it.
      if (cachedAtMs === null || markets.length === 0 || useMarketsStore.getState().asOfMs !== null) return;
      useMarketsStore.setState({ markets });
      useCacheStore.setState({ markets: { state: 'cached', cachedAtMs } });
    })
    .catch(onError);

  const stopMarkets = useMarketsStore.subscribe((state, before) => {
    if (state.asOfMs === null || state.asOfMs === before.asOfMs) return;
    if (useCacheStore.getState().markets.state !== 'live')
      useCacheStore.setState({ markets: { state: 'live' } });
    if (nowMs() - lastMarketsWrite < writeEveryMs) return;
    lastMarketsWrite = nowMs();
    cache.saveMarkets(state.markets).catch(onError);
  });

  const paintTrades = (ticker: string | null): void => {
    if (ticker === null) return;
    cache
      .loadTrades(ticker)
      .then((trades) => {
        if (trades.length > 0) useTradesStore.getState().paintCached(ticker, trades);
      })
      .catch(onError);
  };
  paintTrades(useTradesStore.getState().ticker);
  // The newest trade written per market: a re-read that brought nothing new is not written again.
  const lastWritten = new Map<string, string>();
  const stopTrades = useTradesStore.subscribe((state, before) => {
    if (state.ticker !== before.ticker) return paintTrades(state.ticker);
    const newest = state.trades[0]?.tradeId;
    if (state.ticker === null || state.isCached || state.trades === before.trades || newest === undefined)
      return;
    if (lastWritten.get(state.ticker) === newest) return;
    lastWritten.set(state.ticker, newest);
    cache.saveTrades(state.ticker, state.trades).catch(onError);
  });

  const stopActivity = startActivityCacheSync(cache, { nowMs, onError });

  const evict = (): void => void cache.evict().catch(onError);
  evict();
  const timer = setInterval(evict, options.evictEveryMs ?? 10 * 60_000);
  return () => {
    stopMarkets();
    stopTrades();
    stopActivity();
    clearInterval(timer);
  };
}
