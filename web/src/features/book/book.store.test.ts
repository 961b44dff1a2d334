import { afterEach, describe, expect, it } from 'vitest';
import { BookSnapshotEvent } from '@pt/protocol';
import type { OrderBook } from '@pt/protocol';
import snapshotFixture from '../../../../protocol/src/fixtures/event-book-snapshot.json';
import { setFrameScheduler, useBookStore } from './book.store.js';

const book = BookSnapshotEvent.parse(snapshotFixture.message).book;
const withTime = (asOfMs: number): OrderBook => ({ ...book, asOfMs });

afterEach(() => setFrameScheduler(null));

describe('book store (frame-coalesced)', () => {
  it('applies many books of a market once per frame, the latest winning', () => {
    const frames: (() => void)[] = [];
    setFrameScheduler((callback) => frames.push(callback));
    let renders = 0;
    const unsubscribe = useBookStore.subscribe(() => (renders += 1));
    for (let i = 1; i <= 100; i++) useBookStore.getState().receive(withTime(book.asOfMs + i));
    expect(frames).toHaveLength(1);
    expect(renders).toBe(0);
    frames.shift()?.();
    expect(renders).toBe(1);
    expect(useBookStore.getState().books[book.ticker]?.asOfMs).toBe(book.asOfMs + 100);
    // The next update schedules the next frame.
    useBookStore.getState().receive(withTime(book.asOfMs + 101));
    expect(frames).toHaveLength(1);
    unsubscribe();
  });
});
