import type { AgentStatus, HealthDetail, TradingState } from '@pt/protocol';
import type { StreamHub } from './hub.js';

export interface StatusSource {
  healthDetail(status: AgentStatus): HealthDetail;
  tradingState(): TradingState;
}

/** How often the agent looks for a changed light or trading state to publish. */
const DEFAULT_POLL_MS = 1_000;

/**
 * Publishes `health.changed` and `trading_state.changed` on the hub when they change (the
 * components' lights and details, not the `checkedAtMs` clock). Polling keeps it one small loop
 * whatever changed them: the venue, the store queue, an environment switch.
 */
export class StatusPublisher {
  private lastHealth = '';
  private lastTradingState = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly hub: StreamHub,
    private readonly source: StatusSource,
    private readonly agentStatus: () => AgentStatus,
    private readonly pollMs = DEFAULT_POLL_MS,
  ) {}

  start(): void {
    this.publishChanges();
    this.timer ??= setInterval(() => this.publishChanges(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** After `hub.reset()` (environment switch): the new numbering starts with the current state. */
  republish(): void {
    this.lastHealth = '';
    this.lastTradingState = '';
    this.publishChanges();
  }

  publishChanges(): void {
    const health = this.source.healthDetail(this.agentStatus());
    const healthKey = JSON.stringify({ ...health, checkedAtMs: 0 });
    if (healthKey !== this.lastHealth) {
      this.lastHealth = healthKey;
      this.hub.publish({ type: 'health.changed', stream: 'health', health });
    }
    const tradingState = this.source.tradingState();
    const stateKey = JSON.stringify(tradingState);
    if (stateKey !== this.lastTradingState) {
      this.lastTradingState = stateKey;
      this.hub.publish({ type: 'trading_state.changed', stream: 'trading_state', tradingState });
    }
  }
}
