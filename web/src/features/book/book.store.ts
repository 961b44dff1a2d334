/**
 * Order books of the markets on screen. Books arrive whole from the stream worker (it applies the
 * deltas); they are applied at most once per animation frame (the latest book per market wins), so
 * a busy market never re-renders faster than the screen paints. Books are not safety signals; the
 * banner's and the ticket's are, and they never pass through here.
 */
import type { OrderBook } from '@pt/protocol';
import { create } from 'zustand';

export interface BookStoreState {
  readonly books: Readonly<Record<string, OrderBook>>;
  /** Queues a book for the next frame. */
  readonly receive: (book: OrderBook) => void;
  /** Applies whatever is queued now (the frame callback; tests call it directly). */
  readonly flush: () => void;
}

type FrameScheduler = (callback: () => void) => void;

const defaultScheduler: FrameScheduler = (callback) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
  else setTimeout(callback, 16);
};

let scheduleFrame: FrameScheduler = defaultScheduler;

/** For tests: a scheduler they drive by hand. */
export function setFrameScheduler(scheduler: FrameScheduler | null): void {
  scheduleFrame = scheduler ?? defaultScheduler;
}

const pending = new Map<string, OrderBook>();
let isScheduled = false;

export const useBookStore = create<BookStoreState>((set, get) => ({
  books: {},
  receive: (book) => {
    pending.set(book.ticker, book);
    if (isScheduled) return;
    isScheduled = true;
    scheduleFrame(() => get().flush());
  },
  flush: () => {
    isScheduled = false;
    if (pending.size === 0) return;
    const next = { ...get().books };
    for (const [ticker, book] of pending) next[ticker] = book;
    pending.clear();
    set({ books: next });
  },
}));
