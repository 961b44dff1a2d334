/**
 * The activity feed's side of the cache: the newest entries painted at start (marked cached) while
 * the feed is empty and the agent has not answered; the agent's first page replaces them. The
 * unfiltered newest page is written back (at most once per `writeEveryMs`). Returns a stop function.
 */
import { ACTIVITY_PAGE_SIZE, useActivityStore } from '../features/activity/activity.store.js';
import { useCacheStore } from './cache.store.js';
import type { MarketCache } from './market-cache.js';

export function startActivityCacheSync(
  cache: MarketCache,
  options: { writeEveryMs?: number; nowMs?: () => number; onError?: (err: unknown) => void } = {},
): () => void {
  const nowMs = options.nowMs ?? Date.now;
  const writeEveryMs = options.writeEveryMs ?? 10_000;
  const onError = options.onError ?? (() => undefined);
  let hasAgentAnswered = false;
  let lastWrite = Number.NEGATIVE_INFINITY;
  const isUnfiltered = (): boolean => {
    const { filters } = useActivityStore.getState();
    return filters.kinds.length === 0 && filters.ticker === '';
  };

  const stop = useActivityStore.subscribe((state, before) => {
    // A page landed (isLoading true → false, no error): the feed is the agent's from here on.
    const hasPageLanded = before.isLoading && !state.isLoading && state.error === null;
    if (hasPageLanded) {
      hasAgentAnswered = true;
      if (useCacheStore.getState().activity.state !== 'live')
        useCacheStore.setState({ activity: { state: 'live' } });
    }
    if (!hasAgentAnswered || (!hasPageLanded && state.events === before.events) || !isUnfiltered()) return;
    if (nowMs() - lastWrite < writeEveryMs) return;
    lastWrite = nowMs();
    cache.saveActivity(state.events.slice(0, ACTIVITY_PAGE_SIZE)).catch(onError);
  });

  void cache
    .loadActivity(ACTIVITY_PAGE_SIZE)
    .then(({ events, cachedAtMs }) => {
      const state = useActivityStore.getState();
      if (cachedAtMs === null || hasAgentAnswered || state.events.length > 0 || !isUnfiltered()) return;
      useActivityStore.setState({ events });
      useCacheStore.setState({ activity: { state: 'cached', cachedAtMs } });
    })
    .catch(onError);
  return stop;
}
