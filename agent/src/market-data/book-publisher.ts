/**
 * Books to the browsers: `market:<ticker>` streams on the StreamHub. When a client subscribes (or
 * is reset) the hub asks for a snapshot: the publisher subscribes the venue to that market and
 * publishes `book.snapshot` of the book as it stands (quotable or not; an empty, unquotable book
 * before the venue's first snapshot). After that every venue change is coalesced per market and
 * sent as one `book.delta` — the diff between the book last sent and the book now — at most once
 * per flush (`setImmediate` by default). A change of quotability alone goes out as a snapshot (a
 * delta must carry at least one level). Markets nobody listens to any more stop being tracked.
 */
import type { OrderBook } from '@pt/protocol';
import { MarketTicker, diffBooks, marketStream } from '@pt/protocol';
import type { Logger } from 'pino';
import type { StreamHub } from '../api/stream/hub.js';

/** What the publisher needs of a venue connector (KalshiConnector has it). */
export interface BookSource {
  onEvent(listener: (event: { type: string; marketTicker?: string }) => void): () => void;
  subscribeMarkets(tickers: readonly string[]): void;
  /** The market's book whether quotable or not, or null before the venue's first snapshot. */
  displayBook(ticker: string): OrderBook | null;
}

export interface BookPublisherOptions {
  hub: Pick<StreamHub, 'publish' | 'subscriberCount' | 'onSnapshotWanted'>;
  logger: Logger;
  nowMs?: () => number;
  /** Coalescing window: 0 = flush on the next turn of the event loop (default). */
  flushMs?: number;
}

const PREFIX = 'market:';

export class BookPublisher {
  private source: BookSource | undefined;
  private detachSource: (() => void) | undefined;
  private readonly detachHub: () => void;
  /** The book each tracked market's stream last carried. */
  private readonly lastSent = new Map<MarketTicker, OrderBook>();
  private readonly dirty = new Set<MarketTicker>();
  private isFlushScheduled = false;
  private readonly nowMs: () => number;

  constructor(private readonly options: BookPublisherOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.detachHub = options.hub.onSnapshotWanted((stream) => this.onSnapshotWanted(stream));
  }

  /** Follows `source` (a newly started venue); books of the previous one are forgotten. */
  attach(source: BookSource): void {
    this.detachSource?.();
    this.source = source;
    this.lastSent.clear();
    this.dirty.clear();
    this.detachSource = source.onEvent((event) => {
      if (event.type !== 'book_changed' || event.marketTicker === undefined) return;
      const ticker = event.marketTicker as MarketTicker;
      if (!this.lastSent.has(ticker)) return;
      this.dirty.add(ticker);
      this.scheduleFlush();
    });
  }

  /** After an environment switch reset the hub's numbering: every stream starts from a snapshot. */
  forgetSent(): void {
    this.lastSent.clear();
    this.dirty.clear();
  }

  close(): void {
    this.detachSource?.();
    this.detachHub();
    this.source = undefined;
    this.lastSent.clear();
  }

  private onSnapshotWanted(stream: string): void {
    if (!stream.startsWith(PREFIX)) return;
    const parsed = MarketTicker.safeParse(stream.slice(PREFIX.length));
    if (!parsed.success) return;
    const ticker = parsed.data;
    const source = this.source;
    if (source !== undefined) {
      try {
        source.subscribeMarkets([ticker]);
      } catch (err) {
        // No stream yet (venue starting): the book follows once the venue subscribes it.
        this.options.logger.debug({ err, ticker }, 'market not subscribed on the venue yet');
      }
    }
    this.publishSnapshot(ticker, source?.displayBook(ticker) ?? this.emptyBook(ticker));
  }

  private publishSnapshot(ticker: MarketTicker, book: OrderBook): void {
    this.options.hub.publish({ type: 'book.snapshot', stream: marketStream(ticker), book });
    this.lastSent.set(ticker, book);
  }

  private scheduleFlush(): void {
    if (this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    const flush = (): void => {
      this.isFlushScheduled = false;
      this.flush();
    };
    const ms = this.options.flushMs ?? 0;
    if (ms === 0) setImmediate(flush);
    else setTimeout(flush, ms).unref();
  }

  private flush(): void {
    const tickers = [...this.dirty];
    this.dirty.clear();
    for (const ticker of tickers) {
      const before = this.lastSent.get(ticker);
      if (before === undefined) continue;
      const stream = marketStream(ticker);
      if (this.options.hub.subscriberCount(stream) === 0) {
        this.lastSent.delete(ticker);
        continue;
      }
      const after = this.source?.displayBook(ticker) ?? this.emptyBook(ticker);
      const changes = diffBooks(before, after);
      if (changes.length > 0) {
        const { isQuotable, asOfMs } = after;
        this.options.hub.publish({ type: 'book.delta', stream, ticker, changes, isQuotable, asOfMs });
        this.lastSent.set(ticker, after);
      } else if (after.isQuotable !== before.isQuotable) {
        this.publishSnapshot(ticker, after);
      }
    }
  }

  private emptyBook(ticker: MarketTicker): OrderBook {
    return {
      ticker,
      yesBids: [],
      noBids: [],
      yesAsks: [],
      noAsks: [],
      isQuotable: false,
      asOfMs: this.nowMs(),
    };
  }
}
