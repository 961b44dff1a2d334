import type { Exchange } from '../engine/index.js';
import type { SimLogger } from '../lib/log.js';
import { placeOrder } from './engine-writes.js';
import type { MarketMaker } from './market-maker.js';
import type { ReplaySource } from './sources/source.js';
import { clampQuote, quoteForTrade, type Quote, type TimelineItem } from './timeline.js';

/** Work done per source per tick, so a high `--speed` never blocks the event loop for long. */
const MAX_ITEMS_PER_TICK = 5_000;
export const TICK_MS = 50;

interface Cursor {
  source: ReplaySource;
  index: number;
  loopStartMs: number;
  loops: number;
}

export interface PlayerDeps {
  exchange: Exchange;
  maker: MarketMaker;
  /** Engine user that re-enacts recorded prints as IOC orders against the maker. */
  tapeUserId: string;
  speed: number;
  log: SimLogger;
  /** Monotonic time for pacing (not the sim clock, which a fault may shift). */
  monotonicMs?: () => number;
}

/**
 * Plays every source's timeline against the engine at `speed`×, looping each source when its
 * recording ends. Quotes become maker ladders; trades become real engine trades at the recorded
 * price and size.
 */
export class ReplayPlayer {
  private readonly cursors: Cursor[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  tradesReplayed = 0;
  quotesReplayed = 0;

  constructor(
    private readonly sources: readonly ReplaySource[],
    private readonly deps: PlayerDeps,
  ) {
    this.now = deps.monotonicMs ?? (() => performance.now());
  }

  /** Posts every opening quote synchronously (books are two-sided before the ready line). */
  open(): void {
    for (const source of this.sources) {
      for (const [ticker, quote] of source.openingQuotes)
        this.deps.maker.quote(ticker, quote, source.depthScaleContracts);
    }
  }

  start(): void {
    const startMs = this.now();
    for (const source of this.sources) {
      if (source.timeline.length > 0) this.cursors.push({ source, index: 0, loopStartMs: startMs, loops: 0 });
    }
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Advances every source to now; exposed for tests with an injected monotonic clock. */
  tick(): void {
    const nowMs = this.now();
    for (const cursor of this.cursors) this.advance(cursor, nowMs);
  }

  private advance(cursor: Cursor, nowMs: number): void {
    const { source } = cursor;
    const recordedMs = (nowMs - cursor.loopStartMs) * this.deps.speed;
    const pending = new Map<string, Quote>();
    let done = 0;
    while (done < MAX_ITEMS_PER_TICK) {
      const item = source.timeline[cursor.index];
      if (!item) {
        // End of the recording: start over (a fresh loop keeps the demo alive indefinitely).
        if (recordedMs < source.durationMs) break;
        cursor.index = 0;
        cursor.loopStartMs = nowMs;
        cursor.loops += 1;
        this.deps.log.info('replay loop', { source: source.name, loops: cursor.loops });
        break;
      }
      if (item.offsetMs > recordedMs) break;
      cursor.index += 1;
      done += 1;
      this.apply(item, source, pending);
    }
    for (const [ticker, quote] of pending) this.deps.maker.quote(ticker, quote, source.depthScaleContracts);
  }

  private apply(item: TimelineItem, source: ReplaySource, pending: Map<string, Quote>): void {
    if (item.kind === 'quote') {
      // Only the last quote per market in one tick matters; trades flush it first.
      pending.set(item.ticker, item.quote);
      this.quotesReplayed += 1;
      return;
    }
    pending.delete(item.ticker);
    const countE2 = item.count * 100;
    // Paused: the print is skipped (a tape order would be refused anyway).
    if (
      !this.deps.maker.quote(
        item.ticker,
        quoteForTrade(item.yesPriceCents, item.takerSide),
        source.depthScaleContracts,
        countE2,
      )
    )
      return;
    placeOrder(
      this.deps.exchange,
      this.deps.tapeUserId,
      item.ticker,
      item.takerSide === 'yes' ? 'bid' : 'ask',
      item.yesPriceCents * 100,
      countE2,
      'immediate_or_cancel',
    );
    this.tradesReplayed += 1;
    pending.set(item.ticker, clampQuote(item.yesPriceCents - 1, item.yesPriceCents + 1));
  }
}
