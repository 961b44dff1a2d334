/**
 * Polls `/exchange/status` so health can say "trading paused" or "maintenance" before an order
 * bounces. A failed poll is remembered (venue light red) until the next success.
 */
import type { Logger } from 'pino';
import type { ExchangeObservation } from './health.js';
import { describeFailure } from './reconcile/reconciler.js';
import type { VenueExchangeStatus } from './http/types.js';

export interface ExchangeStatusSource {
  getExchangeStatus(): Promise<VenueExchangeStatus>;
}

export class ExchangeMonitor {
  private observation: ExchangeObservation = { status: undefined, error: undefined };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private intervals: { normal: number; paused: number } | undefined;

  constructor(
    private readonly http: ExchangeStatusSource,
    private readonly logger: Logger,
    private readonly onChange: () => void = () => undefined,
  ) {}

  /** Polls now; while started, the next poll is timed from this one (see `start`). */
  async poll(): Promise<ExchangeObservation> {
    try {
      this.observation = { status: await this.http.getExchangeStatus(), error: undefined };
    } catch (err) {
      const error = describeFailure(err);
      if (this.observation.error !== error) this.logger.warn({ err }, 'exchange status poll failed');
      this.observation = { status: this.observation.status, error };
    }
    this.onChange();
    this.schedule();
    return this.observation;
  }

  /**
   * Polls every `intervalMs`, and every `pausedIntervalMs` while the exchange is paused or closed,
   * so a resumption is seen within seconds rather than a whole interval later (also when the
   * pause was learned from an out-of-band poll, e.g. after an order bounced on it).
   */
  start(intervalMs: number, pausedIntervalMs = Math.min(intervalMs, 2_000)): void {
    this.intervals = { normal: intervalMs, paused: pausedIntervalMs };
    this.schedule();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.intervals = undefined;
  }

  /** One timer at most: each poll (scheduled or not) replaces it with the next one. */
  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const intervals = this.intervals;
    if (intervals === undefined) return;
    const status = this.observation.status;
    const isPaused = status !== undefined && (!status.isExchangeActive || !status.isTradingActive);
    this.timer = setTimeout(() => void this.poll(), isPaused ? intervals.paused : intervals.normal);
    this.timer.unref();
  }

  current(): ExchangeObservation {
    return this.observation;
  }
}
