/**
 * `KalshiConnector`: the one object the execution issue talks to for Kalshi (sim, demo, live —
 * only `VenueConfig` and the key differ). It composes K1's REST client, K2's limiter and books,
 * K3's stream, and the reconciliation, gate and health of this folder.
 *
 * Start-up order: limits (Basic defaults if they fail) → reconcile (the gate opens only if it
 * succeeds) → stream → a quiet follow-up reconcile that closes the window between the snapshot
 * and the stream's subscriptions. After every WS `reconnected`, the gate closes and reconciliation
 * runs again (fill / user_orders / market_positions carry no seq, so events may have been missed).
 */
import {
  MarketTicker,
  type OrderBook as ProtocolOrderBook,
  type OrderId,
  type TradingState,
} from '@pt/protocol';
import type { Logger } from 'pino';
import { BookRegistry } from './book/index.js';
import { ContractMonitor } from './contract/contract-monitor.js';
import type { KalshiCredentials } from './credentials.js';
import { ExchangeMonitor } from './exchange-monitor.js';
import { HealthTracker, type ConnectorHealth, type ExchangeObservation } from './health.js';
import { KalshiHttp } from './http/index.js';
import type {
  AmendOrderRequest,
  CreateOrderRequest,
  DecreaseOrderRequest,
  VenueAmendAck,
  VenueCancelAck,
  VenueDecreaseAck,
  VenueOrderAck,
} from './http/types.js';
import { TokenBucketLimiter, type BucketBudget, type RateBucket } from './rate-limit/index.js';
import { InMemoryLocalState, type LocalStateStore } from './reconcile/local-state.js';
import { Reconciler, type FillLedger } from './reconcile/reconciler.js';
import { TradingGate } from './reconcile/trading-gate.js';
import type { ReconcileOptions } from './reconcile/types.js';
import type { VenueConfig } from './venue-config.js';
import type {
  ConnectorEvent,
  ReconcileReport,
  VenueConnector,
  WriteOptions,
  WriteOutcome,
} from './venue-connector.js';
import { KalshiStream } from './ws/index.js';
import type { KalshiStreamApi, KalshiStreamOptions, StreamEvent } from './ws/types.js';
import { OrderWrites } from './order-writes.js';

export interface KalshiConnectorOptions {
  venue: VenueConfig;
  credentials: KalshiCredentials;
  /** The store's ledger (REST fills here; the stream records WS events). */
  ledger: FillLedger;
  logger: Logger;
  /** Builds the stream; default K3's `KalshiStream` (tests may wrap it). */
  createStream?: (options: KalshiStreamOptions) => KalshiStreamApi;
  /** Local belief; the execution issue's state machine. Default: in memory (fresh start). */
  local?: LocalStateStore;
  contract?: ContractMonitor;
  nowMs?: () => number;
  fetch?: typeof fetch;
  httpTimeoutMs?: number;
  stream?: Pick<
    KalshiStreamOptions,
    'liveness' | 'backoff' | 'random' | 'hasAccountChannels' | 'hasLifecycle'
  >;
  reconcile?: Partial<ReconcileOptions>;
  /** `/exchange/status` poll interval (default 30 s). */
  exchangePollMs?: number;
  /** Delay of follow-up reconciliations while misses or unknown intents are pending (default 2 s). */
  followUpMs?: number;
  /** Delay before retrying a failed reconciliation; trading stays halted meanwhile (default 5 s). */
  retryFailedMs?: number;
}

export class KalshiConnector implements VenueConnector {
  readonly http: KalshiHttp;
  readonly limiter = new TokenBucketLimiter();
  readonly books = new BookRegistry();
  readonly contract: ContractMonitor;
  readonly gate: TradingGate;
  readonly local: LocalStateStore;
  private readonly reconciler: Reconciler;
  private readonly exchange: ExchangeMonitor;
  private readonly writes: OrderWrites;
  private readonly health$: HealthTracker;
  private readonly listeners = new Set<(event: ConnectorEvent) => void>();
  private readonly nowMs: () => number;
  private stream: KalshiStreamApi | undefined;
  private followUp: ReturnType<typeof setTimeout> | undefined;
  private isStopped = false;

  constructor(private readonly options: KalshiConnectorOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.contract = options.contract ?? new ContractMonitor(this.nowMs);
    this.local = options.local ?? new InMemoryLocalState();
    this.gate = new TradingGate(this.nowMs);
    this.health$ = new HealthTracker(this.nowMs);
    this.http = new KalshiHttp({
      baseUrl: options.venue.restBaseUrl,
      credentials: options.credentials,
      limiter: this.limiter,
      contract: this.contract,
      logger: options.logger,
      nowMs: this.nowMs,
      ...(options.httpTimeoutMs === undefined ? {} : { timeoutMs: options.httpTimeoutMs }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    this.reconciler = new Reconciler({
      http: this.http,
      local: this.local,
      gate: this.gate,
      ledger: options.ledger,
      logger: options.logger,
      nowMs: this.nowMs,
      ...(options.reconcile === undefined ? {} : { reconcile: options.reconcile }),
    });
    this.exchange = new ExchangeMonitor(this.http, options.logger);
    this.writes = new OrderWrites({
      http: this.http,
      local: this.local,
      tradingState: () => this.tradingState(),
      onMayExist: () => this.scheduleFollowUp(),
      nowMs: this.nowMs,
    });
    this.gate.onChange((gate) => this.emit({ type: 'gate_changed', gate }));
  }

  async start(): Promise<void> {
    if (this.isStopped) throw new Error('KalshiConnector cannot be restarted after stop()');
    await this.configureLimits();
    await this.exchange.poll();
    await this.reconcile();
    // Stopped while reconciling (an environment switch): no stream, and the gate stays closed.
    if (this.isStopped) return this.gate.reset();
    const createStream = this.options.createStream ?? ((options) => new KalshiStream(options));
    const stream = createStream({
      wsUrl: this.options.venue.wsUrl,
      credentials: this.options.credentials,
      books: this.books,
      ledger: this.options.ledger,
      contract: this.contract,
      logger: this.options.logger,
      nowMs: this.nowMs,
      ...this.options.stream,
    });
    this.stream = stream;
    stream.onEvent((event) => this.onStreamEvent(event));
    await stream.start();
    if (this.isStopped) {
      await stream.stop();
      return this.gate.reset();
    }
    this.exchange.start(this.options.exchangePollMs ?? 30_000);
    await this.reconciler.run({ isQuiet: true }).then((report) => this.afterReconcile(report));
    if (this.isStopped) this.gate.reset();
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.followUp !== undefined) clearTimeout(this.followUp);
    this.exchange.stop();
    await this.stream?.stop();
    this.limiter.close();
    this.gate.reset();
  }

  subscribeMarkets(tickers: readonly string[]): void {
    this.requireStream().subscribeMarkets(tickers.map((ticker) => MarketTicker.parse(ticker)));
  }

  unsubscribeMarkets(tickers: readonly string[]): void {
    this.requireStream().unsubscribeMarkets(tickers.map((ticker) => MarketTicker.parse(ticker)));
  }

  quotableBook(ticker: string): ProtocolOrderBook | null {
    const parsed = MarketTicker.safeParse(ticker);
    const book = parsed.success ? this.books.get(parsed.data) : undefined;
    if (book === undefined || !book.isQuotable) return null;
    return book.toProtocolBook({ asOfMs: this.nowMs() });
  }

  /** The market's book for display, quotable or not (the UI shows it greyed); null before any snapshot. */
  displayBook(ticker: string): ProtocolOrderBook | null {
    const parsed = MarketTicker.safeParse(ticker);
    const book = parsed.success ? this.books.get(parsed.data) : undefined;
    return book === undefined ? null : book.toProtocolBook({ asOfMs: this.nowMs() });
  }

  onEvent(listener: (event: ConnectorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async createOrder(
    request: CreateOrderRequest,
    options?: WriteOptions,
  ): Promise<WriteOutcome<VenueOrderAck>> {
    const outcome = await this.writes.createOrder(request, options);
    // The venue knew of a pause before our status poll did: learn it now, so health and the risk
    // checks refuse the next order here instead of sending it to bounce.
    if (outcome.status === 'rejected' && outcome.venueCode === 'trading_paused') void this.exchange.poll();
    return outcome;
  }

  cancelOrder(
    orderId: OrderId,
    ticker: string,
    options?: WriteOptions,
  ): Promise<WriteOutcome<VenueCancelAck>> {
    return this.writes.cancelOrder(orderId, ticker, options);
  }

  amendOrder(
    orderId: OrderId,
    request: AmendOrderRequest,
    options?: WriteOptions,
  ): Promise<WriteOutcome<VenueAmendAck>> {
    return this.writes.amendOrder(orderId, request, options);
  }

  decreaseOrder(
    orderId: OrderId,
    request: DecreaseOrderRequest,
    options?: WriteOptions,
  ): Promise<WriteOutcome<VenueDecreaseAck>> {
    return this.writes.decreaseOrder(orderId, request, options);
  }

  cancelAll(options?: WriteOptions): Promise<WriteOutcome<VenueCancelAck>[]> {
    return this.writes.cancelAll(options);
  }

  async reconcile(): Promise<ReconcileReport> {
    const report = await this.reconciler.run();
    this.afterReconcile(report);
    return report;
  }

  tradingState(): TradingState {
    const contract = this.contract.state();
    const [violation] = contract.violations;
    if (this.gate.isOpen && violation !== undefined) {
      return {
        mode: 'halted',
        reason: `Venue API contract broken: ${violation.where} ${violation.field}`,
        changedBy: 'system',
        sinceMs: violation.atMs,
      };
    }
    return this.gate.toTradingState();
  }

  health(): ConnectorHealth {
    return this.health$.build({
      exchange: this.exchange.current(),
      contract: this.contract.state(),
      stream: this.stream?.state(),
      gate: this.gate.state(),
      budget: this.limiter.budget(),
    });
  }

  /** Polls `/exchange/status` now (it is also polled every `exchangePollMs`). */
  async refreshExchangeStatus(): Promise<void> {
    await this.exchange.poll();
  }

  /** The exchange-status monitor's last observation (the risk cache reads it instead of REST). */
  exchangeStatus(): ExchangeObservation {
    return this.exchange.current();
  }

  budget(): Record<RateBucket, BucketBudget> {
    return this.limiter.budget();
  }

  /** Limits and costs from the account; Basic-tier defaults stay if either call fails. */
  private async configureLimits(): Promise<void> {
    const { logger } = this.options;
    try {
      const limits = await this.http.getAccountLimits();
      this.limiter.configure({ usageTier: limits.usageTier, read: limits.read, write: limits.write });
    } catch (err) {
      logger.warn({ err }, 'account limits unavailable; using Basic-tier defaults');
    }
    try {
      this.http.useEndpointCosts(await this.http.getEndpointCosts());
    } catch (err) {
      logger.warn({ err }, 'endpoint costs unavailable; using documented defaults');
    }
  }

  private onStreamEvent(event: StreamEvent): void {
    this.emit(event);
    if (event.type === 'disconnected') this.gate.streamDown();
    if (event.type === 'reconnected') void this.reconcile();
  }

  private afterReconcile(report: ReconcileReport): void {
    this.emit({ type: 'reconciled', report });
    if (!report.isOk) this.scheduleFollowUp(this.options.retryFailedMs ?? 5_000);
    else if (report.plan?.hasPendingChecks === true) this.scheduleFollowUp();
  }

  /** One pending follow-up at a time; quiet, so an open gate stays open while counters advance. */
  private scheduleFollowUp(delayMs = this.options.followUpMs ?? 2_000): void {
    if (this.followUp !== undefined || this.isStopped) return;
    this.followUp = setTimeout(() => {
      this.followUp = undefined;
      void this.reconciler.run({ isQuiet: true }).then((report) => this.afterReconcile(report));
    }, delayMs);
    this.followUp.unref();
  }

  private requireStream(): KalshiStreamApi {
    if (this.stream === undefined) throw new Error('KalshiConnector.start() has not created the stream yet');
    return this.stream;
  }

  private emit(event: ConnectorEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.options.logger.error({ err, type: event.type }, 'connector event listener threw');
      }
    }
  }
}
