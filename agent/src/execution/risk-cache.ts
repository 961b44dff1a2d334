/**
 * Risk inputs at strategy speed: the `RiskSnapshot` built from memory, with no REST round trip in
 * steady state. Account state is a REST baseline (balance, positions, resting orders) read after
 * each reconciliation and re-read in the background after account events, folded with the
 * stream's `user_order`, `fill` and `market_position` events (risk-cache-fold.ts) and our own
 * journal (orders in flight, or acknowledged before their `user_order` arrived). Market and event
 * metadata come from risk-cache-markets.ts, exchange status from the connector's monitor.
 *
 * Invalid (`capture` answers null and the caller reads REST, `captureRiskSnapshot`) until a
 * baseline: at start, after a WS gap, a disconnect or reconnect, a closed gate or a failed
 * reconciliation. A read is applied `settleMs` after its answer; a market whose `market_position`
 * arrived since the read was issued keeps the stream's number (and its held fills): the read's
 * could be the older one.
 */
import type { MarketTicker } from '@pt/protocol';
import type { Logger } from 'pino';
import type { ExchangeObservation } from '../connectors/kalshi/health.js';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import { AgentError } from '../lib/errors.js';
import { moneyE6, signedCountE2 } from '@pt/protocol';
import { restingOrderFromProtocol, type RestingOrder, type RiskSnapshot } from '../risk/index.js';
import { AccountFold, worstCostE6 } from './risk-cache-fold.js';
import { cachedFromWs, fillFromWs, readBaseline } from './risk-cache-baseline.js';
import { MarketMetadataCache } from './risk-cache-markets.js';
import { bookQuote, type SnapshotInputs } from './risk-inputs.js';
import type { ExecutionVenue } from './types.js';

/** A venue whose connector exposes its exchange-status monitor (KalshiConnector does). */
export type RiskCacheVenue = ExecutionVenue & { exchangeStatus?: () => ExchangeObservation };

export interface RiskCacheOptions {
  venue: RiskCacheVenue;
  logger: Logger;
  nowMs?: () => number;
  /** An event counts as reflected in a REST read issued at least this long after it (default 2 s). */
  readLagMs?: number;
  /** Market/event metadata lifetime (default 60 s; lifecycle messages drop entries at once). */
  marketTtlMs?: number;
  /** Background re-read this long after an account event (default 250 ms). */
  refreshDelayMs?: number;
  /** Background re-read at least this often (default 30 s). */
  refreshEveryMs?: number;
  /** Quiet window after a read's answer before it is applied (default 25 ms). */
  settleMs?: number;
}

export interface RiskCacheStats {
  hits: number;
  /** Captures answered null (the caller read REST), by reason. */
  misses: Record<string, number>;
  baselines: number;
  discardedBaselines: number;
  /** When the last applied baseline was issued (agent clock; -Infinity before the first). */
  lastBaselineIssuedAtMs: number;
}

export class RiskCache {
  private fold: AccountFold;
  private isValid = false;
  private epoch = 0;
  /** When each market's last `market_position` arrived. */
  private readonly positionAtMs = new Map<MarketTicker, number>();
  private isReading = false;
  private isQueued = false;
  private isClosed = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly everyTimer: ReturnType<typeof setInterval>;
  private readonly off: () => void;
  private readonly markets: MarketMetadataCache;
  private readonly nowMs: () => number;
  private readonly readLagMs: number;
  private readonly counters: RiskCacheStats = {
    hits: 0,
    misses: {},
    baselines: 0,
    discardedBaselines: 0,
    lastBaselineIssuedAtMs: Number.NEGATIVE_INFINITY,
  };

  constructor(private readonly options: RiskCacheOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.readLagMs = options.readLagMs ?? 2_000;
    this.fold = new AccountFold(this.readLagMs);
    this.markets = new MarketMetadataCache(
      options.venue.http,
      options.marketTtlMs ?? 60_000,
      this.nowMs,
      (err, ticker) => options.logger.debug({ err, ticker }, 'risk cache: market refresh failed'),
    );
    this.off = options.venue.onEvent((event) => this.onEvent(event));
    this.everyTimer = setInterval(() => this.rebaseline(), options.refreshEveryMs ?? 30_000);
    this.everyTimer.unref();
    this.rebaseline();
  }

  /** True when a decision can be made from memory (account state reconciled and followed since). */
  get isReady(): boolean {
    return this.isValid;
  }

  stats(): RiskCacheStats {
    return { ...this.counters, misses: { ...this.counters.misses } };
  }

  /**
   * The snapshot from memory, or null when the cache cannot vouch for it (read REST instead).
   * Only a market never seen (or expired, or changed by a lifecycle message) costs REST reads here.
   */
  async capture(inputs: SnapshotInputs): Promise<RiskSnapshot | null> {
    if (!this.isValid) return this.miss('not_reconciled');
    const exchange = this.options.venue.exchangeStatus?.();
    if (exchange?.status === undefined || exchange.error !== undefined) return this.miss('exchange_unknown');
    let metadata = this.markets.get(inputs.ticker);
    if (metadata === undefined) {
      metadata = await this.markets.load(inputs.ticker).catch((err: unknown) => {
        throw new AgentError(
          'VENUE_UNAVAILABLE',
          'The venue did not answer the pre-trade checks; nothing was sent',
          { retryable: true },
          undefined,
          { cause: err },
        );
      });
      if (!this.isValid) return this.miss('not_reconciled');
    }
    const view = this.fold.view(inputs.excludeOrderId);
    const { restingOrders, inFlightCostE6 } = this.withOurOrders(view.restingOrders, inputs);
    this.counters.hits += 1;
    const state = inputs.tradingState ?? this.options.venue.tradingState();
    return {
      mode: state.mode,
      nowMs: inputs.nowMs,
      isExchangePaused: !exchange.status.isExchangeActive || !exchange.status.isTradingActive,
      positions: view.positions,
      restingOrders,
      books: [bookQuote(this.options.venue, inputs.ticker)],
      markets: [metadata.market],
      events: metadata.event === null ? [] : [metadata.event],
      balanceE6: moneyE6(view.balanceE6 - inFlightCostE6),
      todayRealizedPnlE6: inputs.portfolio?.todayRealizedPnlE6 ?? moneyE6(0),
      todayMarkedPnlE6: inputs.portfolio?.todayMarkedPnlE6 ?? moneyE6(0),
      recentOrderTimesMs: inputs.recentOrderTimesMs ?? inputs.ourOrders.map((order) => order.createdAtMs),
      unknownOutcomeTickers: inputs.unknownOutcomeTickers,
      losingExits: inputs.portfolio?.losingExits ?? [],
    };
  }

  close(): void {
    this.isClosed = true;
    this.off();
    clearInterval(this.everyTimer);
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.markets.clear();
  }

  /**
   * Our working orders the venue has not shown us yet (in flight, unknown, or acknowledged before
   * their `user_order`): counted as resting, and their worst cost held from the balance.
   */
  private withOurOrders(
    fromVenue: RestingOrder[],
    inputs: SnapshotInputs,
  ): { restingOrders: RestingOrder[]; inFlightCostE6: number } {
    let inFlightCostE6 = 0;
    for (const order of inputs.ourOrders) {
      if (
        order.orderId !== null &&
        (order.orderId === inputs.excludeOrderId || this.fold.hasOrder(order.orderId))
      )
        continue;
      const resting = restingOrderFromProtocol(order);
      if (resting === null) continue;
      fromVenue.push(resting);
      inFlightCostE6 += worstCostE6(order.side, order.priceE4, order.remainingCountE2);
    }
    return { restingOrders: fromVenue, inFlightCostE6 };
  }

  private miss(reason: string): null {
    this.counters.misses[reason] = (this.counters.misses[reason] ?? 0) + 1;
    return null;
  }

  private onEvent(event: ConnectorEvent): void {
    const atMs = this.nowMs();
    switch (event.type) {
      case 'order_update':
        this.fold.applyOrder(cachedFromWs(event.order), atMs);
        return this.scheduleRefresh();
      case 'fill':
        this.fold.applyFill(fillFromWs(event.fill), atMs);
        return this.scheduleRefresh();
      case 'position':
        this.positionAtMs.set(event.position.marketTicker, atMs);
        this.fold.applyPosition({
          ticker: event.position.marketTicker,
          positionCountE2: signedCountE2(event.position.positionE2),
          costE6: event.position.positionCostE6,
        });
        return this.scheduleRefresh();
      case 'lifecycle':
        return this.markets.invalidate(event.lifecycle.marketTicker, event.lifecycle.eventTicker);
      case 'gap':
      case 'disconnected':
      case 'reconnected':
        return this.invalidate(event.type);
      case 'gate_changed':
        return event.gate.isOpen ? this.rebaseline() : this.invalidate(`gate ${event.gate.phase}`);
      case 'reconciled':
        return event.report.isOk ? this.rebaseline() : this.invalidate('reconciliation failed');
      case 'book_changed':
      case 'stale':
      case 'ticker':
      case 'trade':
        return undefined;
    }
  }

  /** Nothing in memory is vouched for any more; a fresh baseline is read when the gate is open. */
  private invalidate(reason: string): void {
    if (this.isValid) this.options.logger.info({ reason }, 'risk cache invalid until the next baseline');
    this.isValid = false;
    this.epoch += 1;
    this.fold = new AccountFold(this.readLagMs);
    this.rebaseline();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== undefined || this.isClosed) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.rebaseline();
    }, this.options.refreshDelayMs ?? 250);
    this.refreshTimer.unref();
  }

  /** One read at a time; a request during a read queues exactly one more. */
  private rebaseline(): void {
    if (this.isClosed) return;
    if (this.isReading) {
      this.isQueued = true;
      return;
    }
    if (!this.isGateOpen()) return;
    this.isReading = true;
    const epoch = this.epoch;
    const issuedAtMs = this.nowMs();
    void readBaseline(this.options.venue, issuedAtMs)
      .then(async (baseline) => {
        await new Promise((resolve) => setTimeout(resolve, this.options.settleMs ?? 25));
        if (this.isClosed) return;
        if (epoch !== this.epoch || !this.isGateOpen()) {
          this.counters.discardedBaselines += 1;
          this.scheduleRefresh();
          return;
        }
        const streamTickers = new Set<MarketTicker>();
        for (const [ticker, atMs] of this.positionAtMs) if (atMs >= issuedAtMs) streamTickers.add(ticker);
        this.fold.rebase(baseline, streamTickers);
        this.counters.baselines += 1;
        this.counters.lastBaselineIssuedAtMs = issuedAtMs;
        if (!this.isValid) this.options.logger.info('risk cache valid: decisions from memory');
        this.isValid = true;
      })
      .catch((err: unknown) => {
        this.options.logger.warn({ err }, 'risk cache: baseline read failed; decisions read REST meanwhile');
        this.scheduleRefresh();
      })
      .finally(() => {
        this.isReading = false;
        if (this.isQueued) {
          this.isQueued = false;
          this.rebaseline();
        }
      });
  }

  private isGateOpen(): boolean {
    return this.options.venue.health().reconciliation.light === 'green';
  }
}
