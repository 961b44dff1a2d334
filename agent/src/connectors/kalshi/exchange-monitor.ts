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
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly http: ExchangeStatusSource,
    private readonly logger: Logger,
    private readonly onChange: () => void = () => undefined,
  ) {}

  async poll(): Promise<ExchangeObservation> {
    try {
      this.observation = { status: await this.http.getExchangeStatus(), error: undefined };
    } catch (err) {
      const error = describeFailure(err);
      if (this.observation.error !== error) this.logger.warn({ err }, 'exchange status poll failed');
      this.observation = { status: this.observation.status, error };
    }
    this.onChange();
    return this.observation;
  }

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.poll(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  current(): ExchangeObservation {
    return this.observation;
  }
}
