/**
 * The activity feed: newest first, paged by the agent's cursor, filtered by kind and ticker. Live
 * `activity.appended` events that match the filters go on top; ids dedupe a replay.
 */
import type { ActivityEvent, ActivityKind } from '@pt/protocol';
import { create } from 'zustand';
import { agentRest } from '../../app/services.js';

export const ACTIVITY_PAGE_SIZE = 50;

export interface ActivityFilters {
  readonly kinds: readonly ActivityKind[];
  readonly ticker: string;
}

export interface ActivityStoreState {
  readonly events: readonly ActivityEvent[];
  readonly nextCursor: string | null;
  readonly filters: ActivityFilters;
  readonly isLoading: boolean;
  readonly error: string | null;
  readonly reload: () => Promise<void>;
  readonly loadMore: () => Promise<void>;
  readonly setFilters: (filters: ActivityFilters) => Promise<void>;
  readonly append: (event: ActivityEvent) => void;
}

function matches(event: ActivityEvent, filters: ActivityFilters): boolean {
  if (filters.kinds.length > 0 && !filters.kinds.includes(event.kind)) return false;
  return filters.ticker === '' || event.ticker === filters.ticker;
}

export const useActivityStore = create<ActivityStoreState>((set, get) => {
  const fetchPage = async (cursor: string | undefined): Promise<void> => {
    const { filters } = get();
    set({ isLoading: true });
    try {
      const page = await agentRest().activity({
        kinds: filters.kinds,
        ticker: filters.ticker,
        limit: ACTIVITY_PAGE_SIZE,
        ...(cursor === undefined ? {} : { cursor }),
      });
      // Filters may have changed while the page was in flight: drop a stale answer.
      if (get().filters !== filters) return;
      const before = cursor === undefined ? [] : get().events;
      const seen = new Set(before.map((e) => e.id));
      set({
        events: [...before, ...page.events.filter((e) => !seen.has(e.id))],
        nextCursor: page.nextCursor,
        error: null,
      });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      set({ isLoading: false });
    }
  };
  return {
    events: [],
    nextCursor: null,
    filters: { kinds: [], ticker: '' },
    isLoading: false,
    error: null,
    reload: () => fetchPage(undefined),
    loadMore: async () => {
      const cursor = get().nextCursor;
      if (cursor !== null) await fetchPage(cursor);
    },
    setFilters: async (filters) => {
      set({ filters, events: [], nextCursor: null });
      await fetchPage(undefined);
    },
    append: (event) => {
      const { events, filters } = get();
      if (!matches(event, filters) || events.some((e) => e.id === event.id)) return;
      set({ events: [event, ...events] });
    },
  };
});
