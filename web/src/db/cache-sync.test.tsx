// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarketListEntry } from '@pt/protocol';
import { setAgentRest } from '../app/services.js';
import { useActivityStore } from '../features/activity/activity.store.js';
import { useMarketsStore } from '../features/markets/markets.store.js';
import { useTradesStore } from '../features/trades/trades.store.js';
import { fakeAgent } from '../test/fake-agent.js';
import type { FakeAgent } from '../test/fake-agent.js';
import { AppDb } from './app-db.js';
import { CachedMarketsNotice, CachedNotice } from './CachedNotice.js';
import { useCacheStore } from './cache.store.js';
import { startCacheSync } from './cache-sync.js';
import { MarketCache } from './market-cache.js';
import { activity, market, trade } from './test-rows.js';

let agent: FakeAgent;
let cache: MarketCache;
let stop: () => void = () => undefined;

beforeEach(() => {
  agent = fakeAgent();
  setAgentRest(agent.rest);
  cache = new MarketCache(new AppDb(`sync-${Math.random()}`));
  useMarketsStore.setState({ markets: [], isTruncated: false, asOfMs: null, error: null, selection: null });
  useTradesStore.setState({ ticker: null, trades: [], historyTrades: null, isCached: false, error: null });
  useCacheStore.setState({ markets: { state: 'none' }, activity: { state: 'none' } });
  useActivityStore.setState({
    events: [],
    nextCursor: null,
    filters: { kinds: [], ticker: '' },
    isLoading: false,
    error: null,
  });
});
afterEach(() => {
  stop();
  cleanup();
});

const lastPrices = (): (number | null)[] => useMarketsStore.getState().markets.map((m) => m.lastPriceE4);

describe('startCacheSync', () => {
  it('paints the cached listing marked cached, then the agent’s answer overwrites the stale value', async () => {
    await cache.saveMarkets([market('KX-1', 1_000)]);
    stop = startCacheSync(cache);
    render(<CachedMarketsNotice />);
    await waitFor(() => expect(lastPrices()).toEqual([1_000]));
    expect(screen.getByTestId('markets-cached').textContent).toMatch(
      /^Cached from .*, not live: waiting for the agent$/,
    );

    agent.markets = [market('KX-1', 6_500), market('KX-2', 100)] as MarketListEntry[];
    await useMarketsStore.getState().load();
    expect(lastPrices()).toEqual([6_500, 100]);
    await waitFor(() => expect(screen.queryByTestId('markets-cached')).toBeNull());
    expect(useCacheStore.getState().markets).toEqual({ state: 'live' });
    // …and the agent's listing is what the next reload paints.
    await waitFor(async () =>
      expect((await cache.loadMarkets()).markets.map((m) => m.lastPriceE4)).toEqual([6_500, 100]),
    );
  });

  it('never paints the cache over an agent answer that came first', async () => {
    await cache.saveMarkets([market('KX-1', 1_000)]);
    agent.markets = [market('KX-1', 6_500)];
    await useMarketsStore.getState().load();
    stop = startCacheSync(cache);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lastPrices()).toEqual([6_500]);
    expect(useCacheStore.getState().markets.state).not.toBe('cached');
  });

  it('stays marked cached while the agent does not answer', async () => {
    await cache.saveMarkets([market('KX-1', 1_000)]);
    setAgentRest({ ...agent.rest, markets: () => Promise.reject(new Error('the agent did not answer')) });
    stop = startCacheSync(cache);
    await waitFor(() => expect(useCacheStore.getState().markets.state).toBe('cached'));
    await useMarketsStore.getState().load();
    expect(useCacheStore.getState().markets.state).toBe('cached');
    expect(lastPrices()).toEqual([1_000]);
  });

  it('paints the opened market’s cached trades, then writes the agent’s back over them', async () => {
    await cache.saveTrades('KX-1', [trade(1, 1_000)]);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const rest = agent.rest;
    setAgentRest({ ...rest, marketTrades: async (t) => (await gate, rest.marketTrades(t)) });
    agent.trades['KX-1'] = [trade(3, 7_000), trade(2, 6_900)];
    stop = startCacheSync(cache);
    useTradesStore.getState().show('KX-1');
    await waitFor(() => expect(useTradesStore.getState().isCached).toBe(true));
    expect(useTradesStore.getState().trades.map((t) => t.yesPriceE4)).toEqual([1_000]);
    release();
    await waitFor(() => expect(useTradesStore.getState().isCached).toBe(false));
    expect(useTradesStore.getState().historyTrades?.map((t) => t.yesPriceE4)).toEqual([7_000, 6_900]);
    await waitFor(async () =>
      expect((await cache.loadTrades('KX-1')).map((t) => t.yesPriceE4)).toEqual([7_000, 6_900, 1_000]),
    );
  });

  it('paints the cached activity feed marked cached; the agent’s first page replaces it and is written back', async () => {
    await cache.saveActivity([activity(1), activity(2)]);
    stop = startCacheSync(cache);
    render(<CachedNotice scope="activity" />);
    await waitFor(() =>
      expect(useActivityStore.getState().events.map((e) => e.id)).toEqual(['ledger-2', 'ledger-1']),
    );
    expect(screen.getByTestId('activity-cached').textContent).toContain('not live');
    const fresh = { ...activity(3), message: 'from the agent' };
    setAgentRest({ ...agent.rest, activity: () => Promise.resolve({ events: [fresh], nextCursor: null }) });
    await useActivityStore.getState().reload();
    expect(useActivityStore.getState().events.map((e) => e.message)).toEqual(['from the agent']);
    await waitFor(() => expect(screen.queryByTestId('activity-cached')).toBeNull());
    await waitFor(async () => expect((await cache.loadActivity()).events[0]?.message).toBe('from the agent'));
  });

  it('writes a market’s trades back only when a re-read brought a new one', async () => {
    const writes: string[] = [];
    class CountingCache extends MarketCache {
      override saveTrades(...args: Parameters<MarketCache['saveTrades']>): Promise<void> {
        writes.push(args[1][0]?.tradeId ?? '');
        return super.saveTrades(...args);
      }
    }
    const counting = new CountingCache(new AppDb(`sync-${Math.random()}`));
    stop = startCacheSync(counting);
    agent.trades['KX-1'] = [trade(2), trade(1)];
    useTradesStore.getState().show('KX-1');
    await waitFor(() => expect(writes).toHaveLength(1));
    await useTradesStore.getState().reload();
    await useTradesStore.getState().reload();
    agent.trades['KX-1'] = [trade(3), trade(2), trade(1)];
    await useTradesStore.getState().reload();
    expect(writes).toEqual([trade(2).tradeId, trade(3).tradeId]);
  });
});
