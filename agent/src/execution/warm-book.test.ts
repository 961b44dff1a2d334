import { describe, expect, it } from 'vitest';
import { MarketTicker } from '@pt/protocol';
import type { OrderBook } from '@pt/protocol';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import type { BookSource } from './warm-book.js';
import { warmBook } from './warm-book.js';

/** A venue whose book for one ticker becomes quotable when the test says so. */
class Venue implements BookSource {
  subscribed: string[] = [];
  book: OrderBook | null = null;
  private readonly listeners = new Set<(event: ConnectorEvent) => void>();
  quotableBook(): OrderBook | null {
    return this.book;
  }
  subscribeMarkets(tickers: readonly string[]): void {
    this.subscribed.push(...tickers);
  }
  onEvent(listener: (event: ConnectorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: ConnectorEvent): void {
    for (const listener of this.listeners) listener(event);
  }
  listenerCount(): number {
    return this.listeners.size;
  }
}

const KXA = MarketTicker.parse('KXA-25NOV25-B1');
const KXB = MarketTicker.parse('KXB-25NOV25-B1');

describe('warmBook', () => {
  it('returns at once for a quotable book without subscribing', async () => {
    const venue = new Venue();
    venue.book = { ticker: 'KXA' } as unknown as OrderBook;
    await warmBook(venue, 'KXA', 10_000);
    expect(venue.subscribed).toEqual([]);
  });

  it('subscribes and resolves on the first quotable book of that market only', async () => {
    const venue = new Venue();
    let isDone = false;
    const warming = warmBook(venue, 'KXA', 10_000).then(() => (isDone = true));
    expect(venue.subscribed).toEqual(['KXA']);
    venue.emit({ type: 'book_changed', marketTicker: KXB, isQuotable: true });
    venue.emit({ type: 'book_changed', marketTicker: KXA, isQuotable: false });
    await Promise.resolve();
    expect(isDone).toBe(false);
    venue.emit({ type: 'book_changed', marketTicker: KXA, isQuotable: true });
    await warming;
    expect(venue.listenerCount()).toBe(0);
  });

  it('gives up after the timeout and lets the checks decide', async () => {
    const venue = new Venue();
    await warmBook(venue, 'KXA', 20);
    expect(venue.listenerCount()).toBe(0);
  });
});
