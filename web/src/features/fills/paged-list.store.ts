/**
 * A newest-first list paged by the agent's cursor, as a zustand store: the first page, "load more"
 * appending older pages, and live items put on top. Items are keyed so a live item that a later
 * page also carries (or a first-page re-read) never shows twice. Shared by Fills and Settlements.
 */
import { create } from 'zustand';
import type { StoreApi, UseBoundStore } from 'zustand';

export const PAGE_SIZE = 50;

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface PagedListState<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  /** True once the agent answered a first page (before that the list is not the agent's yet). */
  readonly isLoaded: boolean;
  readonly isLoading: boolean;
  readonly error: string | null;
  /** The first page again; older pages already loaded stay (new items merge on top). */
  readonly reload: () => Promise<void>;
  readonly loadMore: () => Promise<void>;
  /** A live item (stream event) on top, unless already listed. */
  readonly prepend: (item: T) => void;
}

export function createPagedList<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  keyOf: (item: T) => string,
): UseBoundStore<StoreApi<PagedListState<T>>> {
  return create<PagedListState<T>>((set, get) => {
    const load = async (cursor: string | undefined): Promise<void> => {
      set({ isLoading: true });
      try {
        const page = await fetchPage(cursor);
        const { items, nextCursor, isLoaded } = get();
        if (cursor === undefined) {
          // First page: its items on top, then whatever older items were already loaded.
          const fresh = new Set(page.items.map(keyOf));
          const older = items.filter((item) => !fresh.has(keyOf(item)));
          const keepCursor = isLoaded && older.length > 0 ? nextCursor : page.nextCursor;
          set({ items: [...page.items, ...older], nextCursor: keepCursor, isLoaded: true, error: null });
        } else {
          const seen = new Set(items.map(keyOf));
          set({
            items: [...items, ...page.items.filter((item) => !seen.has(keyOf(item)))],
            nextCursor: page.nextCursor,
            error: null,
          });
        }
      } catch (err) {
        set({ error: err instanceof Error ? err.message : String(err) });
      } finally {
        set({ isLoading: false });
      }
    };
    return {
      items: [],
      nextCursor: null,
      isLoaded: false,
      isLoading: false,
      error: null,
      reload: () => load(undefined),
      loadMore: async () => {
        const cursor = get().nextCursor;
        if (cursor !== null && !get().isLoading) await load(cursor);
      },
      prepend: (item) => {
        const key = keyOf(item);
        const { items } = get();
        if (items.some((i) => keyOf(i) === key)) return;
        set({ items: [item, ...items] });
      },
    };
  });
}
