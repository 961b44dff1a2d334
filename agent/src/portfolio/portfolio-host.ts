/**
 * One PortfolioService per environment store, like the ExecutionHost: the runtime switches store
 * and venue (sim, demo, live) and each environment's portfolio lives in its own ledger.
 * `current()` opens the service of the current store on first use and follows the runtime's venue.
 */
import type { ActivityEvent } from '@pt/protocol';
import type { Logger } from 'pino';
import type { ActivityInput } from '../activity/index.js';
import type { UnsequencedEvent } from '../api/stream/hub.js';
import { KalshiConnector } from '../connectors/kalshi/connector.js';
import type { EnvironmentRuntime } from '../environment/index.js';
import type { PortfolioRiskInputs } from '../execution/types.js';
import type { Store } from '../store/index.js';
import type { LossControls } from './loss-guards.js';
import { PortfolioService } from './portfolio-service.js';
import type { PortfolioVenue } from './portfolio-service.js';

export interface PortfolioHostOptions {
  runtime: Pick<EnvironmentRuntime, 'current'>;
  logger: Logger;
  /** IANA zone of the trader's day (config `timeZone`; default the system's). */
  timeZone?: string | undefined;
  hub?: { publish(event: UnsequencedEvent): number };
  activity?: { record(input: ActivityInput): Promise<ActivityEvent | null> };
  controls?: LossControls;
  /** REST sync period (default 30 s). */
  syncEveryMs?: number;
  /** How often the host re-binds to the runtime's venue (default 1 s). */
  bindEveryMs?: number;
}

export class PortfolioHost {
  private service: { store: Store; portfolio: PortfolioService } | undefined;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly options: PortfolioHostOptions) {
    this.timer = setInterval(() => this.tryBind(), options.bindEveryMs ?? 1_000);
    this.timer.unref();
  }

  /** The current environment's portfolio. */
  current(): PortfolioService {
    const { store } = this.options.runtime.current();
    if (this.service?.store === store) {
      this.service.portfolio.bindVenue();
      return this.service.portfolio;
    }
    this.service?.portfolio.close();
    const { logger, timeZone, hub, activity, controls, syncEveryMs } = this.options;
    const portfolio = PortfolioService.open({
      ledger: store.ledger,
      venue: () => this.venue(),
      logger: logger.child({ component: 'portfolio' }),
      ...(timeZone === undefined ? {} : { timeZone }),
      ...(hub === undefined ? {} : { hub }),
      ...(activity === undefined ? {} : { activity }),
      ...(controls === undefined ? {} : { controls }),
      ...(syncEveryMs === undefined ? {} : { syncEveryMs }),
    });
    this.service = { store, portfolio };
    return portfolio;
  }

  /** For the ExecutionHost's `portfolio` option: zeros and none while no store is open. */
  riskInputs(): PortfolioRiskInputs {
    return this.current().riskInputs();
  }

  close(): void {
    clearInterval(this.timer);
    this.service?.portfolio.close();
    this.service = undefined;
  }

  private venue(): PortfolioVenue | null {
    const connector = this.options.runtime.current().venue?.connector;
    return connector instanceof KalshiConnector ? connector : null;
  }

  private tryBind(): void {
    try {
      this.current();
    } catch (err) {
      this.options.logger.debug({ err }, 'portfolio host could not bind (store switching)');
    }
  }
}
