import fc from 'fast-check';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { MarketTicker, OrderBook as ProtocolBook } from '@pt/protocol';
import { ServerEvent, applyBookChanges, countE2, priceE4 } from '@pt/protocol';
import { StreamHub } from '../api/stream/hub.js';
import type { StreamSink } from '../api/stream/hub.js';
import { OrderBook } from '../connectors/kalshi/book/order-book.js';
import { BookPublisher } from './book-publisher.js';
import type { BookSource } from './book-publisher.js';

const TICKER = 'KXHIGHNY-25NOV25-B58.5' as MarketTicker;
const STREAM = `market:${TICKER}`;

/** A venue stand-in around the connector's real OrderBook: emits `book_changed` like the frame handler. */
class VenueBooks implements BookSource {
  readonly book = new OrderBook(TICKER);
  readonly subscribed: string[] = [];
  private readonly listeners = new Set<(event: { type: string; marketTicker?: string }) => void>();
  onEvent(listener: (event: { type: string; marketTicker?: string }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  subscribeMarkets(tickers: readonly string[]): void {
    this.subscribed.push(...tickers);
  }
  displayBook(ticker: string): ProtocolBook | null {
    return ticker === TICKER ? this.book.toProtocolBook({ asOfMs: 1_764_000_000_000 }) : null;
  }
  changed(): void {
    for (const listener of this.listeners) listener({ type: 'book_changed', marketTicker: TICKER });
  }
}

/** A browser tab: rebuilds the book from snapshot + deltas exactly as the PWA will. */
class Tab implements StreamSink {
  bufferedAmount = 0;
  book: ProtocolBook | null = null;
  readonly types: string[] = [];
  private lastSeq = 0;
  send(frame: Buffer): void {
    const event = ServerEvent.parse(JSON.parse(frame.toString()));
    expect(event.seq).toBe(this.lastSeq + 1);
    this.lastSeq = event.seq;
    this.types.push(event.type);
    if (event.type === 'book.snapshot') this.book = event.book;
    else if (event.type === 'book.delta' && this.book !== null)
      this.book = applyBookChanges(this.book, event);
  }
  dropSlow(): void {}
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function setup() {
  const hub = new StreamHub();
  const venue = new VenueBooks();
  const publisher = new BookPublisher({ hub, logger: pino({ level: 'silent' }) });
  publisher.attach(venue);
  const tab = new Tab();
  hub.subscribe(STREAM, tab);
  return { hub, venue, publisher, tab };
}

describe('BookPublisher', () => {
  it('answers a subscription with a snapshot and subscribes the venue to the market', () => {
    const { hub, venue, tab } = setup();
    hub.requestSnapshot(STREAM);
    expect(venue.subscribed).toEqual([TICKER]);
    expect(tab.types).toEqual(['book.snapshot']);
    expect(tab.book).toMatchObject({ yesBids: [], isQuotable: false });
  });

  it('coalesces many venue changes in one turn into one delta', async () => {
    const { hub, venue, tab } = setup();
    venue.book.applySnapshot([[priceE4(4_000), countE2(1_000)]], [[priceE4(5_500), countE2(300)]]);
    hub.requestSnapshot(STREAM);
    for (let i = 0; i < 50; i += 1) {
      venue.book.applyDelta('yes', priceE4(4_100), 100);
      venue.changed();
    }
    await turn();
    expect(tab.types).toEqual(['book.snapshot', 'book.delta']);
    expect(tab.book?.yesBids).toEqual([
      { priceE4: 4_100, countE2: 5_000 },
      { priceE4: 4_000, countE2: 1_000 },
    ]);
  });

  it('sends a lost quotability (nothing else changed) as a snapshot', async () => {
    const { hub, venue, tab } = setup();
    venue.book.applySnapshot([[priceE4(4_000), countE2(1_000)]], []);
    hub.requestSnapshot(STREAM);
    venue.book.markUnquotable('seq_gap');
    venue.changed();
    await turn();
    expect(tab.types).toEqual(['book.snapshot', 'book.snapshot']);
    expect(tab.book?.isQuotable).toBe(false);
  });

  it('stops tracking a market nobody listens to, and starts again from a snapshot', async () => {
    const { hub, venue, tab } = setup();
    venue.book.applySnapshot([[priceE4(4_000), countE2(1_000)]], []);
    hub.requestSnapshot(STREAM);
    hub.unsubscribe(STREAM, tab);
    venue.book.applyDelta('yes', priceE4(4_000), 100);
    venue.changed();
    await turn();
    venue.book.applyDelta('yes', priceE4(4_000), 100);
    venue.changed();
    await turn();
    expect(hub.currentSeq(STREAM)).toBe(1);
  });

  it('property: snapshot + deltas rebuild exactly the venue book, whatever the changes', async () => {
    const level = fc.record({
      side: fc.constantFrom('yes' as const, 'no' as const),
      price: fc.integer({ min: 1, max: 99 }).map((cents) => priceE4(cents * 100)),
      delta: fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(level, { maxLength: 8 }), { maxLength: 12 }), async (turns) => {
        const { hub, venue, tab } = setup();
        venue.book.applySnapshot([[priceE4(5_000), countE2(1_000)]], [[priceE4(4_000), countE2(1_000)]]);
        hub.requestSnapshot(STREAM);
        for (const changes of turns) {
          for (const change of changes) {
            // Keep the feed consistent (no level below zero): the book layer's own tests cover that.
            const size = venue.book.levels(change.side).find((l) => l.priceE4 === change.price)?.countE2 ?? 0;
            venue.book.applyDelta(change.side, change.price, Math.max(change.delta, 0 - size) || 1);
            venue.changed();
          }
          await turn();
        }
        const truth = venue.displayBook(TICKER);
        expect(tab.book?.yesBids).toEqual(truth?.yesBids);
        expect(tab.book?.noBids).toEqual(truth?.noBids);
        expect(tab.book?.yesAsks).toEqual(truth?.yesAsks);
      }),
      { numRuns: 100 },
    );
  });
});
