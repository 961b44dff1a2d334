import { newAccount } from './account.js';
import { auditReserves } from './audit.js';
import type { EngineState } from './engine-state.js';
import {
  createOrderGroup,
  deleteOrderGroup,
  getOrderGroup,
  resetOrderGroup,
  snapshotGroup,
  triggerOrderGroup,
  updateOrderGroupLimit,
} from './group-api.js';
import { createIdSource } from './ids.js';
import {
  closeMarket,
  determineMarket,
  disputeMarket,
  expireOrders,
  setActive,
  setTradingPaused,
  settleMarket,
} from './lifecycle.js';
import { createMarket, updatePriceRanges } from './market-admin.js';
import { amendOrder, cancelAll, cancelOrder, decreaseOrder } from './modify-order.js';
import { snapshotOrder } from './order-state.js';
import { balanceOf } from './order-ops.js';
import { placeOrder } from './place-order.js';
import { DEFAULT_RETENTION } from './retention.js';
import type {
  AmendOrderRequest,
  AmendOrderResult,
  Balance,
  BookSnapshot,
  CancelOrderResult,
  CountE2,
  DecreaseOrderRequest,
  DecreaseOrderResult,
  EngineListener,
  ExchangeOptions,
  Fill,
  FillFilter,
  MarketResult,
  MarketSpec,
  MarketView,
  MoneyE6,
  Order,
  OrderFilter,
  OrderGroup,
  PlaceOrderRequest,
  PlaceOrderResult,
  Position,
  PriceRange,
  Result,
  Settlement,
  Trade,
} from './types.js';
import { ONE_CENT_E6 } from './fees.js';
import { bookSnapshot, marketView, queuePositionE2 } from './views.js';

/**
 * The exchange facade. Every call first expires due orders, then runs, then delivers the events
 * it produced — after state is consistent, so a listener (even a throwing one) never observes or
 * breaks a half-applied match. Listeners may call back into the exchange; their events are
 * delivered after the current batch, in order.
 */
export class Exchange {
  private readonly state: EngineState;
  private readonly listeners = new Set<EngineListener>();
  private isFlushing = false;

  constructor(options: ExchangeOptions) {
    this.state = {
      clock: options.clock,
      ids: createIdSource(options.seed ?? 1),
      precisionE6: options.balancePrecisionE6 ?? ONE_CENT_E6,
      markets: new Map(),
      accounts: new Map(),
      ordersById: new Map(),
      groups: new Map(),
      isTradingPaused: false,
      retention: { ...DEFAULT_RETENTION, ...options.retention },
      expiring: new Set(),
      nextExpiryMs: Number.POSITIVE_INFINITY,
      pending: [],
    };
  }

  /** Subscribes to engine events; returns the unsubscribe function. */
  subscribe(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── markets ───────────────────────────────────────────────────────────────────────────────
  addMarket(spec: MarketSpec): Result<{ market: MarketView }> {
    return this.run(() => createMarket(this.state, spec));
  }

  getMarket(ticker: string): MarketView | undefined {
    this.applyTimers();
    const market = this.state.markets.get(ticker);
    return market ? marketView(market) : undefined;
  }

  listMarkets(): MarketView[] {
    this.applyTimers();
    return [...this.state.markets.values()].map(marketView);
  }

  book(ticker: string, depth = 0): BookSnapshot | undefined {
    this.applyTimers();
    const market = this.state.markets.get(ticker);
    return market ? bookSnapshot(market, depth) : undefined;
  }

  /** Public tape, oldest first (all markets merged by time when no ticker is given). */
  trades(ticker?: string): Trade[] {
    this.applyTimers();
    if (ticker !== undefined) return [...(this.state.markets.get(ticker)?.trades ?? [])];
    return [...this.state.markets.values()]
      .flatMap((m) => m.trades)
      .sort((a, b) => a.createdTimeMs - b.createdTimeMs);
  }

  activateMarket(ticker: string): Result<object> {
    return this.run(() => setActive(this.state, ticker, true));
  }

  /** Pauses one market (`inactive`): no new orders there; resting orders stay. */
  deactivateMarket(ticker: string): Result<object> {
    return this.run(() => setActive(this.state, ticker, false));
  }

  closeMarket(ticker: string): Result<object> {
    return this.run(() => closeMarket(this.state, ticker));
  }

  determineMarket(ticker: string, result: MarketResult): Result<object> {
    return this.run(() => determineMarket(this.state, ticker, result));
  }

  disputeMarket(ticker: string): Result<object> {
    return this.run(() => disputeMarket(this.state, ticker));
  }

  settleMarket(ticker: string): Result<{ settlements: Settlement[] }> {
    return this.run(() => settleMarket(this.state, ticker));
  }

  /** New grid; resting orders are preserved even if now off-grid (Kalshi, Jul 2026). */
  updatePriceRanges(ticker: string, structure: string, ranges: readonly PriceRange[]): Result<object> {
    return this.run(() => updatePriceRanges(this.state, ticker, structure, ranges));
  }

  setTradingPaused(isPaused: boolean): void {
    this.run(() => setTradingPaused(this.state, isPaused));
  }

  get isTradingPaused(): boolean {
    return this.state.isTradingPaused;
  }

  /** Applies time-driven changes (order expirations). Call after the clock moves. */
  processTimers(): void {
    this.applyTimers();
  }

  // ── accounts ──────────────────────────────────────────────────────────────────────────────
  /** Creates the account if needed and adds `amountE6` (may be 0) of cash. */
  deposit(userId: string, amountE6: MoneyE6): Balance {
    return this.run(() => {
      if (!Number.isSafeInteger(amountE6) || amountE6 < 0)
        throw new RangeError('deposit: amountE6 must be >= 0');
      let account = this.state.accounts.get(userId);
      if (!account) {
        account = newAccount(userId, 0);
        this.state.accounts.set(userId, account);
      }
      account.balanceE6 += amountE6;
      const balance = balanceOf(account);
      this.state.pending.push({ type: 'balance', userId, balance });
      return balance;
    });
  }

  hasAccount(userId: string): boolean {
    return this.state.accounts.has(userId);
  }

  /** An unknown user reads as an empty account (all zeros) rather than an error. */
  balance(userId: string): Balance {
    this.applyTimers();
    const account = this.state.accounts.get(userId);
    return account ? balanceOf(account) : { balanceE6: 0, reservedE6: 0, availableE6: 0, positionsCostE6: 0 };
  }

  /** Unsettled positions (Kalshi lists settled ones under settlements). */
  positions(userId: string): Position[] {
    this.applyTimers();
    return [...(this.state.accounts.get(userId)?.positions.values() ?? [])].map((p) => ({ ...p }));
  }

  settlements(userId: string): Settlement[] {
    this.applyTimers();
    return [...(this.state.accounts.get(userId)?.settlements ?? [])];
  }

  // ── orders ────────────────────────────────────────────────────────────────────────────────
  placeOrder(userId: string, req: PlaceOrderRequest): PlaceOrderResult {
    return this.run(() => placeOrder(this.state, userId, req));
  }

  cancelOrder(userId: string, orderId: string): CancelOrderResult {
    return this.run(() => cancelOrder(this.state, userId, orderId));
  }

  amendOrder(userId: string, orderId: string, req: AmendOrderRequest): AmendOrderResult {
    return this.run(() => amendOrder(this.state, userId, orderId, req));
  }

  decreaseOrder(userId: string, orderId: string, req: DecreaseOrderRequest): DecreaseOrderResult {
    return this.run(() => decreaseOrder(this.state, userId, orderId, req));
  }

  cancelAll(userId: string, ticker?: string): Order[] {
    return this.run(() => cancelAll(this.state, userId, ticker));
  }

  getOrder(userId: string, orderId: string): Order | undefined {
    this.applyTimers();
    const order = this.state.accounts.get(userId)?.orders.get(orderId);
    return order ? snapshotOrder(order) : undefined;
  }

  /** The user's orders, oldest first. */
  listOrders(userId: string, filter: OrderFilter = {}): Order[] {
    this.applyTimers();
    const orders = [...(this.state.accounts.get(userId)?.orders.values() ?? [])];
    return orders
      .filter(
        (o) =>
          (filter.ticker === undefined || o.ticker === filter.ticker) &&
          (filter.status === undefined || o.status === filter.status),
      )
      .map(snapshotOrder);
  }

  /** The user's fills, oldest first. */
  listFills(userId: string, filter: FillFilter = {}): Fill[] {
    this.applyTimers();
    const fills = this.state.accounts.get(userId)?.fills ?? [];
    return fills.filter(
      (f) =>
        (filter.ticker === undefined || f.ticker === filter.ticker) &&
        (filter.orderId === undefined || f.orderId === filter.orderId),
    );
  }

  /** Contracts ahead of a resting order at its price; null when it is not resting. */
  queuePosition(userId: string, orderId: string): CountE2 | null {
    this.applyTimers();
    const order = this.state.accounts.get(userId)?.orders.get(orderId);
    const market = order ? this.state.markets.get(order.ticker) : undefined;
    return order && market ? queuePositionE2(market, order) : null;
  }

  // ── order groups ──────────────────────────────────────────────────────────────────────────
  createOrderGroup(userId: string, contractsLimitE2: CountE2): Result<{ group: OrderGroup }> {
    return this.run(() => createOrderGroup(this.state, userId, contractsLimitE2));
  }

  getOrderGroup(userId: string, orderGroupId: string): OrderGroup | undefined {
    const found = this.run(() => getOrderGroup(this.state, userId, orderGroupId));
    return found.ok ? found.group : undefined;
  }

  listOrderGroups(userId: string): OrderGroup[] {
    this.applyTimers();
    return [...this.state.groups.values()]
      .filter((g) => g.userId === userId)
      .map((g) => snapshotGroup(this.state, g));
  }

  resetOrderGroup(userId: string, orderGroupId: string): Result<{ group: OrderGroup }> {
    return this.run(() => resetOrderGroup(this.state, userId, orderGroupId));
  }

  triggerOrderGroup(userId: string, orderGroupId: string): Result<{ group: OrderGroup }> {
    return this.run(() => triggerOrderGroup(this.state, userId, orderGroupId));
  }

  updateOrderGroupLimit(
    userId: string,
    orderGroupId: string,
    contractsLimitE2: CountE2,
  ): Result<{ group: OrderGroup }> {
    return this.run(() => updateOrderGroupLimit(this.state, userId, orderGroupId, contractsLimitE2));
  }

  /** Cancels the group's orders and deletes it; returns the group as it was just before. */
  deleteOrderGroup(userId: string, orderGroupId: string): Result<{ group: OrderGroup }> {
    return this.run(() => deleteOrderGroup(this.state, userId, orderGroupId));
  }

  /**
   * Recomputes every reserve from scratch and lists accounts whose stored reserve drifted — a
   * self-check for the property tests (it must always return an empty list).
   */
  auditReserves(): string[] {
    return auditReserves(this.state);
  }

  /** Reads first apply due expirations (and deliver their events) so they never see stale orders. */
  private applyTimers(): void {
    this.run(() => undefined);
  }

  private run<T>(operation: () => T): T {
    expireOrders(this.state);
    const result = operation();
    this.flush();
    return result;
  }

  private flush(): void {
    if (this.isFlushing) return;
    this.isFlushing = true;
    const errors: unknown[] = [];
    try {
      while (this.state.pending.length > 0) {
        const batch = this.state.pending;
        this.state.pending = [];
        for (const event of batch) {
          for (const listener of this.listeners) {
            try {
              listener(event);
            } catch (error) {
              errors.push(error);
            }
          }
        }
      }
    } finally {
      this.isFlushing = false;
    }
    if (errors.length > 0)
      throw new AggregateError(errors, 'engine listener failed (engine state is consistent)');
  }
}
