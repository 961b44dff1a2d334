/**
 * Runs the enabled strategies of the current environment: feeds them the venue connector's events
 * (book tops, trades, our fills), the sentiment monitor's readings and a clock tick, sends their
 * intents down the execution road (origin `strategy`, so they go into the strategy's order group
 * and through risk) and records every decision (decision-log.ts). Enablement and config live in
 * the environment's ledger (settings-store.ts); strategies are disabled by default.
 */
import { randomUUID } from 'node:crypto';
import { StrategyId, type Order, type OrderBook, type StrategyStatus } from '@pt/protocol';
import type { Logger } from 'pino';
import type { ActivityInput } from '../activity/index.js';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import { CLIENT_ORDER_ID_PREFIX } from '../execution/execution-service.js';
import type { PlaceRequest, PlaceResult, OrderOrigin } from '../execution/types.js';
import type { Store } from '../store/index.js';
import {
  STRATEGIES,
  type Decision,
  type IntentDecision,
  type StrategyDefinition,
  type StrategyEvent,
} from '../strategies/index.js';
import { recordDecision, type DecisionOutcome } from './decision-log.js';
import { bookTop, fillEvent, sentimentEvent, tradeEvent, type SentimentSource } from './market-feed.js';
import { StrategySettingsStore, type StrategySettingsChange } from './settings-store.js';

/** What the host needs of the venue connector (KalshiConnector has it). */
export interface StrategyVenue {
  onEvent(listener: (event: ConnectorEvent) => void): () => void;
  quotableBook(ticker: string): OrderBook | null;
  subscribeMarkets(tickers: readonly string[]): void;
  readonly http: { getMarket(ticker: string): Promise<{ closeTimeMs: number }> };
}

/** What the host needs of the execution road (ExecutionService has it). */
export interface StrategyExecution {
  place(request: PlaceRequest, origin: OrderOrigin): Promise<PlaceResult>;
  list(): Order[];
}

export interface StrategyHostOptions {
  /** The current environment's store and venue (null while none runs). */
  current: () => { store: Store; venue: StrategyVenue | null };
  execution: () => StrategyExecution;
  activity: { record(input: ActivityInput): Promise<unknown> };
  sentiment?: () => SentimentSource | undefined;
  /** A model's probability that the mid goes up, when one is loaded (agent/src/ml). */
  model?: (
    strategyId: string,
    ticker: string,
  ) => { id: string; probabilityUp: number; probabilityDown?: number } | undefined;
  logger: Logger;
  nowMs?: () => number;
  /** Clock tick (time barriers) and venue re-bind period (default 1 s). */
  tickEveryMs?: number;
  definitions?: readonly StrategyDefinition[];
}

interface Running {
  definition: StrategyDefinition;
  config: unknown;
  states: Map<string, unknown>;
}

export class StrategyHost {
  private readonly settingsByStore = new WeakMap<Store, StrategySettingsStore>();
  private readonly definitions: readonly StrategyDefinition[];
  private readonly nowMs: () => number;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly closeTimes = new Map<string, number>();
  private readonly closeTimeAskedAtMs = new Map<string, number>();
  private readonly lastDecisionAtMs = new Map<string, number>();
  private running = new Map<string, Running>();
  private bound: { store: Store; venue: StrategyVenue | null; off: () => void } | null = null;
  private seq = 0;
  private pending: Promise<unknown>[] = [];

  constructor(private readonly options: StrategyHostOptions) {
    this.definitions = options.definitions ?? STRATEGIES;
    this.nowMs = options.nowMs ?? Date.now;
    this.timer = setInterval(() => this.tick(), options.tickEveryMs ?? 1_000);
    this.timer.unref();
  }

  list(): StrategyStatus[] {
    const settings = this.settings();
    return this.definitions.map((definition) => this.status(definition, settings));
  }

  async update(
    strategyId: string,
    change: StrategySettingsChange,
    deviceId: string | null,
  ): Promise<StrategyStatus> {
    const settings = this.settings();
    await settings.update(strategyId, change, deviceId);
    this.rebuild();
    const definition = this.definitions.find((d) => d.id === strategyId);
    if (definition === undefined) throw new Error(`strategy ${strategyId} vanished`);
    return this.status(definition, settings);
  }

  /** One clock tick: re-binds to the current venue and lets time barriers fire. */
  tick(): void {
    try {
      this.bind();
      this.refreshMarkets();
      this.dispatch({ type: 'clock', atMs: this.nowMs() }, null);
    } catch (err) {
      this.options.logger.debug({ err }, 'strategy host tick skipped');
    }
  }

  /** Resolves when every decision made so far is sent (or refused) and recorded. */
  async settled(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      await Promise.allSettled(batch);
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.bound?.off();
    this.bound = null;
  }

  private settings(): StrategySettingsStore {
    const { store } = this.options.current();
    let settings = this.settingsByStore.get(store);
    if (settings === undefined) {
      settings = StrategySettingsStore.open({
        ledger: store.ledger,
        definitions: this.definitions,
        logger: this.options.logger,
        nowMs: this.nowMs,
      });
      this.settingsByStore.set(store, settings);
    }
    return settings;
  }

  private status(definition: StrategyDefinition, settings: StrategySettingsStore): StrategyStatus {
    const current = settings.get(definition.id);
    return {
      id: StrategyId.parse(definition.id),
      description: definition.description,
      isEnabled: current.isEnabled,
      config: JSON.parse(JSON.stringify(current.config)) as StrategyStatus['config'],
      tickers: definition.tickersOf(current.config) as StrategyStatus['tickers'],
      changedAtMs: current.changedAtMs,
      lastDecisionAtMs: this.lastDecisionAtMs.get(definition.id) ?? null,
    };
  }

  private bind(): void {
    const { store, venue } = this.options.current();
    if (this.bound?.store === store && this.bound.venue === venue) return;
    this.bound?.off();
    const off = venue === null ? () => undefined : venue.onEvent((event) => this.onVenueEvent(event));
    this.bound = { store, venue, off };
    this.closeTimes.clear();
    this.closeTimeAskedAtMs.clear();
    this.rebuild();
  }

  /** Fresh states for every enabled strategy (a config change starts it over), markets subscribed. */
  private rebuild(): void {
    const settings = this.settings();
    const running = new Map<string, Running>();
    for (const definition of this.definitions) {
      const current = settings.get(definition.id);
      if (!current.isEnabled) continue;
      const states = new Map<string, unknown>();
      for (const ticker of definition.tickersOf(current.config)) {
        states.set(ticker, definition.strategy.init(current.config, ticker));
      }
      running.set(definition.id, { definition, config: current.config, states });
    }
    this.running = running;
    this.refreshMarkets();
  }

  /**
   * Subscribes the running strategies' markets (idempotent; a stream not started yet is retried on
   * the next tick) and reads close times not known yet (a failed read is retried after 30 s).
   */
  private refreshMarkets(): void {
    const venue = this.bound?.venue ?? null;
    const tickers = [...new Set([...this.running.values()].flatMap((r) => [...r.states.keys()]))];
    if (venue === null || tickers.length === 0) return;
    try {
      venue.subscribeMarkets(tickers);
    } catch (err) {
      this.options.logger.debug({ err }, 'strategy host: markets not subscribed yet');
    }
    const now = this.nowMs();
    for (const ticker of tickers) {
      const askedAt = this.closeTimeAskedAtMs.get(ticker);
      if (this.closeTimes.has(ticker) || (askedAt !== undefined && now - askedAt < 30_000)) continue;
      this.closeTimeAskedAtMs.set(ticker, now);
      venue.http.getMarket(ticker).then(
        (market) => this.closeTimes.set(ticker, market.closeTimeMs),
        (err: unknown) =>
          this.options.logger.warn({ err, ticker }, 'strategy host: market close time unread'),
      );
    }
  }

  private onVenueEvent(event: ConnectorEvent): void {
    const now = this.nowMs();
    try {
      if (event.type === 'book_changed') {
        const book = this.bound?.venue?.quotableBook(event.marketTicker) ?? null;
        this.dispatch(bookTop(event.marketTicker, book, now), event.marketTicker);
      } else if (event.type === 'trade') {
        this.dispatch(tradeEvent(event, now), event.trade.marketTicker);
      } else if (event.type === 'fill' && event.fill.clientOrderId !== null) {
        const strategyId = this.strategyOf(event.fill.clientOrderId);
        if (strategyId !== null) this.dispatch(fillEvent(event, now), event.fill.marketTicker, strategyId);
      }
    } catch (err) {
      this.options.logger.error({ err, type: event.type }, 'strategy host failed on a venue event');
    }
  }

  private strategyOf(clientOrderId: string): string | null {
    const order = this.options
      .execution()
      .list()
      .find((o) => o.clientOrderId === clientOrderId);
    return order?.origin.kind === 'strategy' ? order.origin.strategyId : null;
  }

  /** Steps every matching (strategy, market); `ticker` null = every market (the clock). */
  private dispatch(event: StrategyEvent, ticker: string | null, onlyStrategy?: string): void {
    for (const [strategyId, run] of this.running) {
      if (onlyStrategy !== undefined && strategyId !== onlyStrategy) continue;
      for (const [market, state] of run.states) {
        if (ticker !== null && market !== ticker) continue;
        let next = state;
        const topic = run.definition.topicOf(run.config, market);
        if (topic !== null && event.type === 'book') {
          const reading = sentimentEvent(topic, this.options.sentiment?.(), event.atMs);
          next = run.definition.strategy.onEvent(
            next,
            reading,
            this.context(strategyId, market),
            run.config,
          ).state;
        }
        const step = run.definition.strategy.onEvent(
          next,
          event,
          this.context(strategyId, market),
          run.config,
        );
        run.states.set(market, step.state);
        for (const decision of step.decisions) this.handle(strategyId, event.atMs, decision);
      }
    }
  }

  private context(strategyId: string, ticker: string) {
    return {
      closeTimeMs: this.closeTimes.get(ticker) ?? null,
      model: this.options.model?.(strategyId, ticker),
    };
  }

  private handle(strategyId: string, atMs: number, decision: Decision): void {
    this.lastDecisionAtMs.set(strategyId, atMs);
    const seq = (this.seq += 1);
    const store = this.bound?.store;
    if (store === undefined) return;
    const work = (
      decision.kind === 'intent'
        ? this.send(strategyId, decision)
        : Promise.resolve<DecisionOutcome>({ kind: 'not_traded' })
    ).then((outcome) =>
      recordDecision(
        { ledger: () => store.ledger, activity: this.options.activity, logger: this.options.logger },
        { strategyId, atMs, seq, decision, outcome },
      ),
    );
    this.pending.push(work);
  }

  private async send(strategyId: string, intent: IntentDecision): Promise<DecisionOutcome> {
    const clientOrderId = `${CLIENT_ORDER_ID_PREFIX}${randomUUID()}`;
    try {
      const result = await this.options.execution().place(
        {
          ticker: intent.ticker,
          side: intent.side,
          priceE4: intent.priceE4,
          countE2: intent.countE2,
          timeInForce: intent.timeInForce,
          reduceOnly: intent.isReduceOnly,
          clientOrderId,
        },
        { kind: 'strategy', strategyId: StrategyId.parse(strategyId) },
      );
      if (result.kind === 'denied') {
        return { kind: 'denied', clientOrderId, rule: result.denial.rule, detail: result.denial.detail };
      }
      return { kind: 'sent', clientOrderId, status: result.order.status };
    } catch (err) {
      return { kind: 'failed', detail: err instanceof Error ? err.message : String(err) };
    }
  }
}
