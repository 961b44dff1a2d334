/**
 * The one Collector implementation: fetch → parse → time-shift (offline replay) → dedupe → health.
 * Sources differ only in their fetcher and parser. A failed poll (timeout, HTTP error, payload
 * that is not a feed/listing) backs off exponentially up to `maxBackoffMs`; a Retry-After is
 * obeyed; a malformed item is skipped, counted and logged once per kind of fault.
 */
import type { Log } from '../lib/log.js';
import { SeenIds } from './dedupe.js';
import type { Fetcher } from './fetcher.js';
import { HealthTracker } from './health.js';
import type { CollectedItem, Collector, CollectorHealth, ParseResult } from './types.js';

/** Share of a replayed payload (oldest first) available at once; the rest trickles in. */
export const REPLAY_RELEASED_SHARE = 0.75;

export interface PollingCollectorOptions {
  name: string;
  fetcher: Fetcher;
  /** Throws when the payload as a whole is unusable; skips bad items. */
  parse: (body: string, source: string) => ParseResult;
  intervalMs: number;
  maxBackoffMs: number;
  /**
   * Offline replay: at first read, shift item times so the item at REPLAY_RELEASED_SHARE of the
   * payload (by time) is "now"; the older items are there at once, the newer ones are held back and
   * released as their shifted time passes (a replayed feed keeps producing items, spaced as the
   * publisher spaced them).
   */
  isTimeShifted?: boolean;
  log: Log;
  nowMs?: () => number;
  /** Failures in a row before the source reports unhealthy (default 3). */
  unhealthyAfterFailures?: number;
}

export class PollingCollector implements Collector {
  readonly name: string;
  private readonly seen = new SeenIds();
  private readonly health_: HealthTracker;
  private readonly nowMs: () => number;
  private readonly loggedSkips = new Set<string>();
  private nextAtMs: number;
  private shiftMs: number | null = null;

  constructor(private readonly options: PollingCollectorOptions) {
    this.name = options.name;
    this.nowMs = options.nowMs ?? Date.now;
    this.nextAtMs = this.nowMs();
    this.health_ = new HealthTracker({
      name: options.name,
      unhealthyAfterFailures: options.unhealthyAfterFailures ?? 3,
      staleAfterMs: Math.max(options.intervalMs * 3, 60_000),
      nowMs: this.nowMs,
    });
  }

  health(): CollectorHealth {
    return this.health_.snapshot();
  }

  nextPollAtMs(): number {
    return this.nextAtMs;
  }

  async poll(): Promise<CollectedItem[]> {
    let result: ParseResult;
    try {
      const outcome = await this.options.fetcher.fetch();
      if (outcome.kind === 'retry-after') {
        this.fail(`${outcome.detail}, asked to wait ${outcome.delayMs} ms`, outcome.delayMs);
        return [];
      }
      if (outcome.kind === 'not-modified') {
        this.health_.success(0, 0);
        this.nextAtMs = this.nowMs() + this.options.intervalMs;
        return [];
      }
      result = this.options.parse(outcome.body, this.name);
    } catch (err) {
      this.fail(err instanceof Error ? err.message : String(err));
      return [];
    }
    this.logSkips(result.skipped);
    const fresh = this.shift(result.items).filter((item) => this.seen.add(item.id));
    this.health_.success(fresh.length, result.skipped.length);
    this.nextAtMs = this.nowMs() + this.options.intervalMs;
    return fresh;
  }

  private fail(error: string, retryAfterMs?: number): void {
    this.health_.failure(error);
    const backoff = Math.min(
      this.options.intervalMs * 2 ** Math.min(this.health_.failures, 16),
      this.options.maxBackoffMs,
    );
    this.nextAtMs = this.nowMs() + Math.max(backoff, retryAfterMs ?? 0);
    // Every failure is worth a line, but only the first of a streak as a warning.
    const log = this.health_.failures === 1 ? this.options.log.warn : this.options.log.debug;
    log.call(this.options.log, { source: this.name, failures: this.health_.failures, error }, 'poll failed');
  }

  private logSkips(skipped: readonly string[]): void {
    for (const reason of skipped) {
      if (this.loggedSkips.has(reason)) continue;
      this.loggedSkips.add(reason);
      this.options.log.warn({ source: this.name, reason }, 'malformed item skipped (logged once per kind)');
    }
  }

  private shift(items: CollectedItem[]): CollectedItem[] {
    if (this.options.isTimeShifted !== true || items.length === 0) return items;
    const now = this.nowMs();
    if (this.shiftMs === null) {
      const times = items.map((item) => item.publishedAtMs).sort((a, b) => a - b);
      this.shiftMs = now - (times[Math.floor((times.length - 1) * REPLAY_RELEASED_SHARE)] ?? now);
    }
    const shiftMs = this.shiftMs;
    return items
      .map((item) => ({ ...item, publishedAtMs: item.publishedAtMs + shiftMs }))
      .filter((item) => item.publishedAtMs <= now);
  }
}
