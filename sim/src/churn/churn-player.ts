import type { Exchange } from '../engine/index.js';
import type { SimLogger } from '../lib/log.js';
import { ChurnLadder } from './churn-ladder.js';
import type { QuotePath } from './quote-paths.js';

export const CHURN_TICK_MS = 5;
const REPORT_EVERY_MS = 5_000;
/** A stalled event loop does not turn into a burst: at most this much backlog is caught up. */
const MAX_BACKLOG_MS = 100;

export interface ChurnDeps {
  exchange: Exchange;
  userId: string;
  seed: number;
  /** Book changes per second to aim at, across all markets. */
  updatesPerS: number;
  log: SimLogger;
  monotonicMs?: () => number;
}

interface Walk {
  ladder: ChurnLadder;
  path: QuotePath;
  index: number;
  /** +1 forward through the recording, -1 back: the path is walked there and back, never jumping. */
  direction: 1 | -1;
}

/**
 * LOAD GENERATION (`--churn N`), not a faithful replay: every market's recorded quote path is
 * walked there and back, time-compressed to N book changes per second over all markets taken in
 * turn. Each change is one level of the maker's ladder (one engine order placed or cancelled, so
 * one `orderbook_delta`); when a market's ladder reaches the recorded quote, its next recorded
 * quote becomes the target. Prices are only ever the recorded ones.
 */
export class ChurnPlayer {
  private readonly walks: Walk[];
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private startMs = 0;
  private turn = 0;
  private reportedAt = { ms: 0, updates: 0 };
  /** Book changes made since `start()`. */
  updates = 0;
  /** Changes skipped because the loop stalled (backlog beyond MAX_BACKLOG_MS). */
  skipped = 0;
  /** Recorded quotes reached (a market's ladder arrived at its next recorded quote). */
  quotesReached = 0;

  constructor(
    paths: readonly QuotePath[],
    private readonly deps: ChurnDeps,
  ) {
    this.now = deps.monotonicMs ?? (() => performance.now());
    this.walks = paths.map((path) => ({
      ladder: new ChurnLadder(deps.exchange, deps.userId, path.ticker, path.depthScaleContracts, deps.seed),
      path,
      index: 0,
      direction: 1,
    }));
  }

  get tickers(): ReadonlySet<string> {
    return new Set(this.walks.map((walk) => walk.path.ticker));
  }

  /** Posts every market's opening ladder (its first recorded quote) synchronously. */
  open(): void {
    for (const walk of this.walks) {
      const first = walk.path.quotes[0];
      if (first === undefined) continue;
      walk.ladder.aim(first);
      walk.ladder.settle();
    }
  }

  /** Starts (or restarts after `stop()`) pacing from now; the counters start again from 0. */
  start(): void {
    this.stop();
    this.startMs = this.now();
    this.updates = 0;
    this.skipped = 0;
    this.reportedAt = { ms: this.startMs, updates: 0 };
    this.timer = setInterval(() => this.tick(), CHURN_TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get isRunning(): boolean {
    return this.timer !== null;
  }

  /** Makes the changes due by now; exposed for tests with an injected monotonic clock. */
  tick(): void {
    if (this.walks.length === 0 || this.deps.exchange.isTradingPaused) return;
    const dueTotal = Math.floor(((this.now() - this.startMs) * this.deps.updatesPerS) / 1000);
    const maxBacklog = Math.ceil((MAX_BACKLOG_MS * this.deps.updatesPerS) / 1000);
    let due = dueTotal - this.updates - this.skipped;
    if (due > maxBacklog) {
      this.skipped += due - maxBacklog;
      due = maxBacklog;
    }
    // A full round of markets without a change would mean nothing can move: never spin.
    let idle = 0;
    while (due > 0 && idle < this.walks.length) {
      const walk = this.walks[this.turn % this.walks.length];
      this.turn += 1;
      if (walk !== undefined && this.stepWalk(walk)) {
        this.updates += 1;
        due -= 1;
        idle = 0;
      } else idle += 1;
    }
    this.report();
  }

  /** The rate achieved, on the log every few seconds (a bench reads it to locate a bottleneck). */
  private report(): void {
    const nowMs = this.now();
    if (nowMs - this.reportedAt.ms < REPORT_EVERY_MS) return;
    const perS = ((this.updates - this.reportedAt.updates) * 1000) / (nowMs - this.reportedAt.ms);
    this.deps.log.info('churn', {
      updatesPerS: Math.round(perS),
      askedPerS: this.deps.updatesPerS,
      updates: this.updates,
      skipped: this.skipped,
      quotesReached: this.quotesReached,
    });
    this.reportedAt = { ms: nowMs, updates: this.updates };
  }

  private stepWalk(walk: Walk): boolean {
    if (walk.ladder.step()) return true;
    const next = nextStop(walk.index, walk.direction, walk.path.quotes.length);
    walk.index = next.index;
    walk.direction = next.direction;
    const quote = walk.path.quotes[walk.index];
    if (quote === undefined) return false;
    this.quotesReached += 1;
    walk.ladder.aim(quote);
    return walk.ladder.step();
  }
}

/** The next recorded quote of a path walked there and back (0 … n−1 … 0 …); needs n ≥ 2. */
export function nextStop(
  index: number,
  direction: 1 | -1,
  length: number,
): { index: number; direction: 1 | -1 } {
  const turned =
    index + direction < 0 || index + direction >= length ? (direction === 1 ? -1 : 1) : direction;
  return { index: index + turned, direction: turned };
}
