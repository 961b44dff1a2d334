import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { MarketTicker, OrderBook } from '@pt/protocol';
import { asksFromOppositeBids, countE2, priceE4 } from '@pt/protocol';
import { ModelFeed } from './model-feed.js';
import type { ModelBookSource } from './model-feed.js';

const TICKER = 'KXHIGHNY-25DEC27-B33.5' as MarketTicker;

/** A venue stand-in: the feed under test only reads `book_changed` and the quotable book. */
class Books implements ModelBookSource {
  book: OrderBook | null = null;
  private readonly listeners = new Set<(event: { type: string; marketTicker?: string }) => void>();
  onEvent(listener: (event: { type: string; marketTicker?: string }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  quotableBook(): OrderBook | null {
    return this.book;
  }
  set(bidCents: number, askCents: number, atMs: number): void {
    const yesBids = [{ priceE4: priceE4(bidCents * 100), countE2: countE2(1_000) }];
    const noBids = [{ priceE4: priceE4((100 - askCents) * 100), countE2: countE2(1_000) }];
    this.book = {
      ticker: TICKER,
      yesBids,
      noBids,
      yesAsks: asksFromOppositeBids(noBids),
      noAsks: asksFromOppositeBids(yesBids),
      isQuotable: true,
      asOfMs: atMs,
    };
    for (const listener of this.listeners) listener({ type: 'book_changed', marketTicker: TICKER });
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('ModelFeed (the committed signal model, loaded and verified against the manifest)', () => {
  it("hands the strategies a fresh prediction of the market's move, never a stale one", async () => {
    let now = 1_795_000_000_000;
    const feed = new ModelFeed({
      logger: pino({ level: 'silent' }),
      nowMs: () => now,
      maxModelAgeMs: 10 * 365 * 86_400_000,
    });
    await feed.ready;
    expect(feed.health()?.light).toBe('green');
    const books = new Books();
    feed.attach(books);
    expect(feed.model('volatility-rider', TICKER)).toBeUndefined();
    // A drifting book, one change a second.
    for (let i = 0; i < 30; i += 1) {
      now += 1_000;
      books.set(40 + (i % 5), 45 + (i % 5), now);
      await settle();
    }
    const reading = feed.model('volatility-rider', TICKER);
    expect(reading?.id).toMatch(/^signal-move-logreg@/);
    expect(reading?.probabilityUp).toBeGreaterThan(0);
    expect(reading?.probabilityUp).toBeLessThan(1);
    expect(reading?.probabilityDown).toBeGreaterThan(0);
    expect(reading?.probabilityDown).toBeLessThan(1);
    now += 5_001;
    expect(feed.model('volatility-rider', TICKER)).toBeUndefined();
    await feed.close();
  });

  it('keeps every gate closed when the models are too old', async () => {
    const feed = new ModelFeed({ logger: pino({ level: 'silent' }), maxModelAgeMs: 1 });
    await feed.ready;
    expect(feed.health()?.light).toBe('amber');
    const books = new Books();
    feed.attach(books);
    for (let i = 0; i < 10; i += 1) {
      books.set(40 + i, 45 + i, Date.now());
      await settle();
    }
    expect(feed.model('volatility-rider', TICKER)).toBeUndefined();
    await feed.close();
  });
});
