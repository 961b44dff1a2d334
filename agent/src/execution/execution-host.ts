/**
 * One ExecutionService per environment store: the runtime switches store and venue (sim, demo,
 * live), and each environment's orders live in its own ledger. `current()` opens the service of
 * the current store on first use and follows the venue the runtime runs now.
 */
import type { Order, TradingState } from '@pt/protocol';
import type { Logger } from 'pino';
import { KalshiConnector } from '../connectors/kalshi/connector.js';
import type { EnvironmentRuntime } from '../environment/index.js';
import { cancelRestingForShutdown, type ShutdownCancelReport } from '../lifecycle/shutdown-cancel.js';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '../risk/index.js';
import type { Store } from '../store/index.js';
import type { ExecutionActivitySink } from './activity.js';
import { ExecutionService } from './execution-service.js';
import type { RiskCaches } from './risk-cache-host.js';
import type { ExecutionVenue, PortfolioRiskInputs } from './types.js';

export interface ExecutionHostOptions {
  runtime: Pick<EnvironmentRuntime, 'current'>;
  logger: Logger;
  riskSettings?: () => RiskSettings;
  /** The effective trading state (TradingControls); default the venue's gate. */
  tradingState?: () => TradingState;
  /** The activity feed (ActivityRecorder). */
  activity?: ExecutionActivitySink;
  /** Today's P&L and losing exits of the current environment (the portfolio module). */
  portfolio?: () => PortfolioRiskInputs;
  /** Risk inputs from memory for every service (one cache per venue); absent = REST per decision. */
  riskCaches?: RiskCaches;
  /** Every committed order transition of the current service (the `orders` stream). */
  onOrderChanged?: (order: Order) => void;
  /** How often the host re-binds to the runtime's venue so fills are followed without a request (default 1 s). */
  bindEveryMs?: number;
}

export class ExecutionHost {
  private service: { store: Store; execution: ExecutionService } | undefined;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly options: ExecutionHostOptions) {
    this.timer = setInterval(() => this.tryBind(), options.bindEveryMs ?? 1_000);
    this.timer.unref();
  }

  /** The current environment's road. */
  current(): ExecutionService {
    const { store } = this.options.runtime.current();
    if (this.service?.store === store) {
      this.service.execution.bindVenue();
      return this.service.execution;
    }
    this.service?.execution.close();
    const execution = ExecutionService.open({
      ledger: store.ledger,
      venue: () => this.venue(),
      logger: this.options.logger.child({ component: 'execution' }),
      ...(this.options.riskSettings === undefined ? {} : { riskSettings: this.options.riskSettings }),
      ...(this.options.tradingState === undefined ? {} : { tradingState: this.options.tradingState }),
      ...(this.options.activity === undefined ? {} : { activity: this.options.activity }),
      ...(this.options.portfolio === undefined ? {} : { portfolio: this.options.portfolio }),
      ...(this.options.riskCaches === undefined ? {} : { riskCaches: this.options.riskCaches }),
      ...(this.options.onOrderChanged === undefined ? {} : { onOrderChanged: this.options.onOrderChanged }),
    });
    this.service = { store, execution };
    return execution;
  }

  /**
   * Before exit: cancels our resting orders when `cancelOrdersOnShutdown` is on, bounded by
   * `shutdownCancelDeadlineMs` (lifecycle/shutdown-cancel.ts); null when off or nothing is open.
   */
  async cancelRestingForShutdown(): Promise<ShutdownCancelReport | null> {
    const settings = this.options.riskSettings?.() ?? DEFAULT_RISK_SETTINGS;
    if (!settings.cancelOrdersOnShutdown) {
      this.options.logger.info('shutdown cancel is off: resting orders stay on the venue');
      return null;
    }
    const execution = this.service?.execution;
    if (execution === undefined) return null;
    return cancelRestingForShutdown(execution, {
      deadlineMs: settings.shutdownCancelDeadlineMs,
      logger: this.options.logger,
    });
  }

  /** How long the shutdown cancel may take now (0 when it is off): the stop's hard deadline grows by it. */
  shutdownCancelBudgetMs(): number {
    const settings = this.options.riskSettings?.() ?? DEFAULT_RISK_SETTINGS;
    return settings.cancelOrdersOnShutdown ? settings.shutdownCancelDeadlineMs : 0;
  }

  close(): void {
    clearInterval(this.timer);
    this.service?.execution.close();
    this.service = undefined;
  }

  private venue(): ExecutionVenue | null {
    const connector = this.options.runtime.current().venue?.connector;
    return connector instanceof KalshiConnector ? connector : null;
  }

  private tryBind(): void {
    try {
      this.current();
    } catch (err) {
      this.options.logger.debug({ err }, 'execution host could not bind (store switching)');
    }
  }
}
