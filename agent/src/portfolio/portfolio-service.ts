/**
 * One environment's portfolio. Facts come from its ledger (fills, settlements, adjustments) and
 * the venue (WS fills as they happen; REST settlements, positions and balance after each connector
 * reconciliation and every `syncEveryMs`). After every change it re-marks, publishes
 * `position.updated` / `fill.created` / `balance.updated`, persists a new equity peak and runs the
 * loss guards (daily loss → `daily_loss` halt, drawdown → `drawdown` halt).
 */
import type { ActivityEvent, MarketTicker, OrderBook } from '@pt/protocol';
import { moneyE6, topOfBook } from '@pt/protocol';
import type { Logger } from 'pino';
import type { ActivityInput } from '../activity/index.js';
import type { UnsequencedEvent } from '../api/stream/hub.js';
import type { ConnectorEvent } from '../connectors/kalshi/venue-connector.js';
import type { WsFill } from '../connectors/kalshi/ws/types.js';
import type { PortfolioRiskInputs } from '../execution/types.js';
import { systemTimeZone } from './calendar-day.js';
import { fillFromStream } from './fill-records.js';
import { FillSet } from './fill-set.js';
import { checkLossGuards } from './loss-guards.js';
import type { LossControls } from './loss-guards.js';
import type { BookTop } from './marks.js';
import { adjustmentRecord, settlementRecord } from './portfolio-events.js';
import type { AdjustmentPayload, SettlementPayload } from './portfolio-events.js';
import { BalanceBook } from './balance-book.js';
import { foldPortfolio } from './portfolio-fold.js';
import type { Folded } from './portfolio-fold.js';
import * as store from './portfolio-ledger.js';
import type { PortfolioLedger } from './portfolio-ledger.js';
import { buildView } from './portfolio-view.js';
import type { PortfolioView } from './portfolio-view.js';
import { eventTickerFromMarket, positionMismatch, toFill, toPosition } from './to-protocol.js';
import { confirmMismatches, readSettlements, reconcilePositions, settlementKey } from './venue-sync.js';
import type { MarketInfo, SyncHttp } from './venue-sync.js';

export interface PortfolioVenue {
  readonly http: SyncHttp;
  quotableBook(ticker: string): OrderBook | null;
  subscribeMarkets(tickers: readonly string[]): void;
  onEvent(listener: (event: ConnectorEvent) => void): () => void;
}

export interface PortfolioServiceOptions {
  ledger: PortfolioLedger;
  venue: () => PortfolioVenue | null;
  logger: Logger;
  /** IANA zone of the trader's calendar day (default the system's). */
  timeZone?: string;
  nowMs?: () => number;
  hub?: { publish(event: UnsequencedEvent): number };
  activity?: { record(input: ActivityInput): Promise<ActivityEvent | null> };
  /** The trading controls: the loss guards halt through them. Absent: no halts (tests of the math). */
  controls?: LossControls;
  /** REST sync period (default 30 s); 0 = only after reconciliations and on request. */
  syncEveryMs?: number;
  /** A balance snapshot at least this often even when unchanged (default 5 min). */
  balanceEveryMs?: number;
  /** Re-marks on book changes at most this often (default 1 s). */
  markEveryMs?: number;
  /** A burst of fills triggers one sync this long after the first (default 500 ms). */
  syncAfterFillMs?: number;
  /** A position mismatch is re-read this long after it was seen, and adjusted if it holds (default 2 s). */
  confirmMismatchMs?: number;
}

const DAY_MS = 86_400_000;
/** Ids of fills seen on the stream before their ledger row: after every stored row, still unique. */
const LIVE_ID_BASE = 9_000_000_000_000_000;

export class PortfolioService {
  readonly timeZone: string;
  private readonly fills = new FillSet();
  private lastFillId = 0;
  private liveFills = 0;
  /** Ledger keys of the fills already published (those of the ledger at open count as published). */
  private readonly announced = new Set<string>();
  private settlements: SettlementPayload[];
  private adjustments: AdjustmentPayload[];
  private folded: Folded;
  private readonly lastUnrealized = new Map<string, number>();
  private disputed = new Set<string>();
  private readonly markets = new Map<string, MarketInfo>();
  private readonly money: BalanceBook;
  private bound: { venue: PortfolioVenue; off: () => void } | null = null;
  private syncing: Promise<void> | null = null;
  private queuedSync: Promise<void> | null = null;
  private pendingMismatches = new Map<string, AdjustmentPayload>();
  private markTimer: ReturnType<typeof setTimeout> | null = null;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly timer: ReturnType<typeof setInterval> | null;
  private readonly nowMs: () => number;

  private constructor(private readonly options: PortfolioServiceOptions) {
    this.nowMs = options.nowMs ?? Date.now;
    this.timeZone = options.timeZone ?? systemTimeZone();
    const { ledger } = options;
    const { fills, lastId } = store.readFills(ledger);
    this.fills.add(fills);
    this.lastFillId = lastId;
    for (const fill of this.fills.distinct()) for (const key of fill.keys) this.announced.add(key);
    this.settlements = store.readSettlementPayloads(ledger);
    this.adjustments = store.readAdjustments(ledger);
    this.money = new BalanceBook(ledger, options.balanceEveryMs ?? 300_000);
    this.folded = this.fold();
    const every = options.syncEveryMs ?? 30_000;
    this.timer = every > 0 ? setInterval(() => void this.sync(), every) : null;
    this.timer?.unref();
  }

  static open(options: PortfolioServiceOptions): PortfolioService {
    const service = new PortfolioService(options);
    service.bindVenue();
    return service;
  }

  /** Follows the venue the runtime runs now (a new venue: listen, subscribe held markets, sync). */
  bindVenue(): void {
    const venue = this.options.venue();
    if (venue === this.bound?.venue) return;
    this.bound?.off();
    this.bound = null;
    if (venue === null) return;
    const off = venue.onEvent((event) => this.onVenueEvent(event));
    this.bound = { venue, off };
    this.subscribeHeld();
    void this.sync();
  }

  close(): void {
    if (this.timer !== null) clearInterval(this.timer);
    if (this.markTimer !== null) clearTimeout(this.markTimer);
    if (this.syncTimer !== null) clearTimeout(this.syncTimer);
    this.bound?.off();
    this.bound = null;
  }

  /** The portfolio now (marks read from the books at this instant). */
  view(): PortfolioView {
    const view = buildView({
      folded: this.folded,
      book: (ticker) => this.bookTop(ticker),
      lastUnrealizedE6: this.lastUnrealized,
      disputed: this.disputed,
      balance: this.money.balance(),
      peakE6: this.money.peakE6(),
      nowMs: this.nowMs(),
      timeZone: this.timeZone,
    });
    for (const p of view.positions) {
      if (p.mark !== null) this.lastUnrealized.set(p.position.ticker, p.mark.unrealizedE6);
    }
    return view;
  }

  /** Today's P&L and recent losing exits, for the risk engine (ExecutionHost `portfolio`). */
  riskInputs(): PortfolioRiskInputs {
    const view = this.view();
    const sinceMs = this.nowMs() - DAY_MS;
    return {
      todayRealizedPnlE6: moneyE6(view.today.realizedE6),
      todayMarkedPnlE6: moneyE6(view.today.markedE6),
      losingExits: this.folded.losingExits
        .filter((exit) => exit.atMs >= sinceMs)
        .map((exit) => ({ ticker: exit.ticker as MarketTicker, atMs: exit.atMs })),
    };
  }

  folds(): Folded {
    return this.folded;
  }

  distinctFills() {
    return this.fills.distinct();
  }

  disputedTickers(): string[] {
    return [...this.disputed].sort();
  }

  availableE6(): number | null {
    return this.money.balance()?.availableE6 ?? null;
  }

  isVenueBound(): boolean {
    return this.bound !== null;
  }

  eventTickerOf = (ticker: string): string =>
    this.markets.get(ticker)?.eventTicker ?? eventTickerFromMarket(ticker);

  balanceHistory(sinceMs?: number) {
    return store.readBalances(this.options.ledger, sinceMs);
  }

  /**
   * One REST pass against the bound venue: missed fills from the ledger, settlements (held back for
   * a disputed market), positions (the venue wins), balance. Failures are logged, never thrown.
   */
  sync(): Promise<void> {
    // A request during a pass may be about something that pass read before (a settlement, a
    // fill): it gets one more pass after it, shared by every request that arrives meanwhile.
    if (this.syncing !== null) {
      this.queuedSync ??= this.syncing.then(() => {
        this.queuedSync = null;
        return this.sync();
      });
      return this.queuedSync;
    }
    const pass = this.syncOnce()
      .catch((err: unknown) => this.options.logger.warn({ err }, 'portfolio sync with the venue failed'))
      .finally(() => {
        this.syncing = null;
      });
    this.syncing = pass;
    return pass;
  }

  private async syncOnce(): Promise<void> {
    const venue = this.bound?.venue;
    if (venue === undefined) return;
    const before = this.folded;
    this.ingestLedgerFills();
    const applied = new Set(this.settlements.map(settlementKey));
    const read = await readSettlements({
      http: venue.http,
      positions: this.folded.positions,
      appliedSettlements: applied,
      nowMs: this.nowMs,
    });
    for (const [ticker, info] of read.markets) this.markets.set(ticker, info);
    this.updateDisputed(read.disputed);
    if (read.settlements.length > 0) {
      await this.options.ledger.append(read.settlements.map(settlementRecord));
      this.settlements = [...this.settlements, ...read.settlements];
      this.folded = this.fold();
    }
    const mismatches = await reconcilePositions(venue.http, this.folded.positions, this.nowMs, this.markets);
    // The venue's reads lag its writes and a fill may be in flight: a mismatch is acted on only
    // when the next pass (soon after) sees the same one again.
    const { confirmed, pending } = confirmMismatches(this.pendingMismatches, mismatches);
    this.pendingMismatches = pending;
    if (confirmed.length > 0) await this.recordAdjustments(confirmed);
    if (this.pendingMismatches.size > 0) this.scheduleSync(this.options.confirmMismatchMs ?? 2_000);
    const changed = await this.money.record(read.balance, () => this.view().equityE6, this.nowMs());
    if (changed !== null)
      this.options.hub?.publish({ type: 'balance.updated', stream: 'balance', balance: changed });
    this.publishChangedPositions(before);
    await this.afterChange();
  }

  private onVenueEvent(event: ConnectorEvent): void {
    if (event.type === 'fill') this.onFill(event.fill);
    else if (event.type === 'reconciled' && event.report.isOk) void this.sync();
    else if (event.type === 'book_changed' && this.isHeld(event.marketTicker)) this.scheduleMark();
  }

  private onFill(fill: WsFill): void {
    const before = this.folded;
    this.liveFills += 1;
    const added = this.fills.add([fillFromStream(fill, this.nowMs(), LIVE_ID_BASE + this.liveFills)]);
    if (added.length === 0) return;
    this.folded = this.fold();
    this.publishNewFills();
    this.bound?.venue.subscribeMarkets([fill.marketTicker]);
    this.publishChangedPositions(before);
    void this.afterChange();
    this.scheduleSync();
  }

  private ingestLedgerFills(): void {
    const { fills, lastId } = store.readFills(this.options.ledger, this.lastFillId);
    this.lastFillId = lastId;
    if (this.fills.add(fills).length === 0) return;
    this.folded = this.fold();
    this.publishNewFills();
  }

  /** `fill.created` for each distinct fill not announced yet (a REST copy of a WS fill is not new). */
  private publishNewFills(): void {
    for (const fill of this.fills.distinct()) {
      const isKnown = fill.keys.some((key) => this.announced.has(key));
      for (const key of fill.keys) this.announced.add(key);
      if (isKnown) continue;
      const wire = toFill(fill);
      if (wire !== null) this.options.hub?.publish({ type: 'fill.created', stream: 'fills', fill: wire });
    }
  }

  private async recordAdjustments(adjustments: AdjustmentPayload[]): Promise<void> {
    await this.options.ledger.append(adjustments.map(adjustmentRecord));
    this.adjustments = [...this.adjustments, ...adjustments];
    this.folded = this.fold();
    for (const a of adjustments) {
      this.options.logger.warn({ adjustment: a }, 'portfolio: position mismatch, the venue wins');
      await this.options.activity
        ?.record(positionMismatch(a))
        .catch((err: unknown) =>
          this.options.logger.warn({ err }, 'position mismatch activity not recorded'),
        );
    }
  }

  /** New equity peak → ledger; then the loss guards. Errors are logged (a guard never throws out). */
  private async afterChange(): Promise<void> {
    try {
      const view = this.view();
      await this.money.notePeak(view.peakE6, view.asOfMs);
      if (this.options.controls !== undefined) await checkLossGuards(this.options.controls, view);
    } catch (err) {
      this.options.logger.error({ err }, 'portfolio: peak or loss guard failed');
    }
  }

  /** A pass soon (after a burst of fills: the balance moved; to confirm a mismatch), once. */
  private scheduleSync(delayMs = this.options.syncAfterFillMs ?? 500): void {
    if (this.syncTimer !== null) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null;
      void this.sync();
    }, delayMs);
    this.syncTimer.unref();
  }

  private scheduleMark(): void {
    if (this.markTimer !== null) return;
    this.markTimer = setTimeout(() => {
      this.markTimer = null;
      void this.afterChange();
    }, this.options.markEveryMs ?? 1_000);
    this.markTimer.unref();
  }

  private publishChangedPositions(before: Folded): void {
    const hub = this.options.hub;
    if (hub === undefined) return;
    const view = this.view();
    for (const marked of view.positions) {
      const old = before.positions.get(marked.position.ticker);
      if (
        old !== undefined &&
        old.updatedAtMs === marked.position.updatedAtMs &&
        old.positionE2 === marked.position.positionE2
      )
        continue;
      hub.publish({
        type: 'position.updated',
        stream: 'positions',
        position: toPosition(marked, this.eventTickerOf),
      });
    }
  }

  private updateDisputed(disputed: readonly string[]): void {
    const next = new Set(disputed);
    for (const ticker of next) {
      if (!this.disputed.has(ticker))
        this.options.logger.warn(
          { ticker },
          'portfolio: market disputed; its position stays open, never settled automatically',
        );
    }
    this.disputed = next;
  }

  private fold(): Folded {
    return foldPortfolio(this.fills.distinct(), this.settlements, this.adjustments);
  }

  private isHeld(ticker: string): boolean {
    return (this.folded.positions.get(ticker)?.positionE2 ?? 0) !== 0;
  }

  private subscribeHeld(): void {
    const held = [...this.folded.positions.values()].filter((p) => p.positionE2 !== 0).map((p) => p.ticker);
    if (held.length > 0) this.bound?.venue.subscribeMarkets(held);
  }

  private bookTop(ticker: string): BookTop | null {
    const book = this.bound?.venue.quotableBook(ticker) ?? null;
    if (book === null) return null;
    const top = topOfBook(book);
    return { bestBidE4: top.bidPriceE4, bestAskE4: top.askPriceE4, isQuotable: book.isQuotable };
  }
}
