/**
 * The ONE road for every order, manual or automatic:
 * client order id → fat-finger guard → risk (`evaluateOrder` on a fresh snapshot) → intent in the
 * ledger → connector write → lifecycle transition in the ledger → Order.
 *
 * - The same client order id returns the existing order: never a second venue order.
 * - A lost answer leaves the order `unknown` and its market blocked (UNKNOWN_OUTCOME_PENDING)
 *   until reconciliation finds it (or proves it was never placed): never retried blindly.
 * - Denials are values `{ rule, detail }`, recorded in the ledger; they never reach the venue.
 * - Venue events (WS fills, `user_order`, reconciliation plans) move our orders' lifecycles.
 */
import { randomUUID } from 'node:crypto';
import type {
  ClientOrderId,
  MarketTicker,
  Order,
  OrderId,
  OrderOrigin,
  PriceE4,
  TradingState,
} from '@pt/protocol';
import type { ActivityInput } from '../activity/index.js';
import { ClientOrderId as ClientOrderIdSchema, MarketTicker as MarketTickerSchema } from '@pt/protocol';
import { countE2, priceE4 } from '@pt/protocol';
import type { Logger } from 'pino';
import type { ConnectorEvent, WriteOutcome } from '../connectors/kalshi/venue-connector.js';
import { AgentError } from '../lib/errors.js';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from '../risk/index.js';
import { DENIED_KIND, DeniedPayload, EXECUTION_SOURCE } from './execution-events.js';
import { DEFAULT_MAX_SLIPPAGE_E4 } from './fat-finger.js';
import { OrderJournal, type ApplyResult, type JournalLedger } from './order-journal.js';
import type { LifecycleEvent } from './order-lifecycle.js';
import { warmBook } from './warm-book.js';
import { preTradeCheck, unknownOutcomeTickers, type PreTradeExtra, type PreTradeOrder } from './pre-trade.js';
import {
  deniedActivity,
  placedActivity,
  transitionActivity,
  type ExecutionActivitySink,
} from './activity.js';
import { recoverUnanswered } from './recovery.js';
import { refreshWorking } from './working-refresh.js';
import type { RiskCaches } from './risk-cache-host.js';
import { StrategyOrderGroups } from './order-groups.js';
import { amendSeen, venueViewOf } from './lost-writes.js';
import { flattenRefusal, type FlattenPlacement } from '../flatten/order-guard.js';
import { lifecycleEventsFrom } from './venue-events.js';
import { createEvent, listResting, writeFailure } from './write-outcomes.js';
import type {
  AmendResult,
  CancelAllResult,
  Denial,
  ExecutionVenue,
  PlaceRequest,
  PlaceResult,
  PortfolioRiskInputs,
} from './types.js';

/** Client order ids this agent generates; reconciliation recognises them as ours. */
export const CLIENT_ORDER_ID_PREFIX = 'pt-';

export interface ExecutionServiceOptions {
  ledger: JournalLedger;
  /** The current venue, or null while none runs (every write then fails VENUE_UNAVAILABLE). */
  venue: () => ExecutionVenue | null;
  logger: Logger;
  riskSettings?: () => RiskSettings;
  /**
   * The effective trading switch (trader's switch, persistent halts, venue gate); default the
   * venue's own gate. `halted` denies every new order before any other check.
   */
  tradingState?: () => TradingState;
  /** The activity feed (ActivityRecorder); a failed entry is logged, never fails the order. */
  activity?: ExecutionActivitySink;
  /** Every lifecycle transition's order once committed (the `orders` stream); must not throw. */
  onOrderChanged?: (order: Order) => void;
  /** Today's P&L and losing exits for the risk snapshot (the portfolio module); default zeros. */
  portfolio?: () => PortfolioRiskInputs;
  /** Risk inputs from memory (risk-cache.ts) when ready; absent = a REST capture per decision. */
  riskCaches?: RiskCaches;
  /** The fat-finger limit when a request names none (default $0.10). */
  defaultMaxSlippageE4?: number;
  nowMs?: () => number;
}

export class ExecutionService {
  private readonly inFlight = new Map<string, Promise<PlaceResult>>();
  private readonly nowMs: () => number;
  private boundVenue: ExecutionVenue | null = null;
  private unbind: (() => void) | undefined;
  /** Venue events are applied one after another; a forced reconciliation waits for its own. */
  private venueWork: Promise<void> = Promise.resolve();
  /** The venue-side backstop: strategy order groups and `cancel_order_on_pause` (order-groups.ts). */
  readonly orderGroups: StrategyOrderGroups;

  private constructor(
    private readonly options: ExecutionServiceOptions,
    readonly journal: OrderJournal,
  ) {
    this.nowMs = options.nowMs ?? Date.now;
    this.orderGroups = StrategyOrderGroups.open(options);
  }

  /** Rebuilds our orders from the ledger and listens to the venue. */
  static open(options: ExecutionServiceOptions): ExecutionService {
    const service = new ExecutionService(options, OrderJournal.open(options.ledger, options.nowMs));
    service.bindVenue();
    return service;
  }

  /** Ours: an id we generated, or one whose intent is in our ledger. */
  isOwnClientOrderId(clientOrderId: string): boolean {
    return clientOrderId.startsWith(CLIENT_ORDER_ID_PREFIX) || this.journal.get(clientOrderId) !== undefined;
  }

  /** Our orders, working first, newest first within each group. */
  list(): Order[] {
    const isWorking = (order: Order): number =>
      ['submitting', 'resting', 'partially_filled', 'unknown'].includes(order.status) ? 0 : 1;
    return this.journal.list().sort((a, b) => isWorking(a) - isWorking(b) || b.createdAtMs - a.createdAtMs);
  }

  /**
   * Origin `flatten` (Flatten All) skips the halt, the fat-finger guard and risk, but must name the
   * venue position it was planned from: anything not reduce-only IOC shrinking it is refused.
   */
  place(request: PlaceRequest, origin: OrderOrigin, flatten?: FlattenPlacement): Promise<PlaceResult> {
    const clientOrderId = ClientOrderIdSchema.parse(
      request.clientOrderId ?? `${CLIENT_ORDER_ID_PREFIX}${randomUUID()}`,
    );
    const existing = this.journal.get(clientOrderId);
    if (existing !== undefined) return Promise.resolve({ kind: 'order', order: existing, isExisting: true });
    const running = this.inFlight.get(clientOrderId);
    if (running !== undefined)
      return running.then((result) => (result.kind === 'order' ? { ...result, isExisting: true } : result));
    const work = this.placeNew(clientOrderId, request, origin, flatten).finally(() =>
      this.inFlight.delete(clientOrderId),
    );
    this.inFlight.set(clientOrderId, work);
    return work;
  }

  async cancel(orderId: string): Promise<Order> {
    const venue = this.requireVenue();
    const order = this.ourOrder(orderId);
    if (order.orderId === null || !isWorking(order)) return order;
    const outcome = await venue.cancelOrder(order.orderId, order.ticker);
    if (outcome.status === 'outcome_unknown') return this.afterLostWrite(venue, order, 'cancel');
    return this.afterCancel(order, outcome);
  }

  async amend(orderId: string, change: { priceE4?: number; countE2?: number }): Promise<AmendResult> {
    const venue = this.requireVenue();
    const order = this.ourOrder(orderId);
    if (order.orderId === null || !isWorking(order))
      throw new AgentError(
        'CONFLICT',
        `orderId: order ${orderId} is ${order.status}, it cannot be amended`,
        {},
        {
          field: 'orderId',
        },
      );
    const newPrice = change.priceE4 ?? order.priceE4;
    const newCount = change.countE2 ?? order.countE2;
    if (newCount <= order.filledCountE2)
      throw new AgentError(
        'VALIDATION_FAILED',
        `countE2: the new total must be above the ${order.filledCountE2} already filled`,
        {},
        { field: 'countE2' },
      );
    const denial = await this.check(
      { ticker: order.ticker, side: order.side, priceE4: newPrice, countE2: newCount - order.filledCountE2 },
      // The guard is against a mistyped price: a count-only amend keeps the price already accepted.
      {
        maxSlippageE4: change.priceE4 === undefined ? null : undefined,
        reduceOnly: false,
        excludeOrderId: order.orderId,
      },
    );
    if (denial !== null) {
      await this.recordDenial(order.clientOrderId as ClientOrderId, order.ticker, denial, order.origin);
      return { kind: 'denied', denial };
    }
    const outcome = await venue.amendOrder(order.orderId, {
      ticker: order.ticker,
      side: order.side,
      priceE4: priceE4(newPrice),
      countE2: countE2(newCount),
    });
    if (outcome.status === 'ok') {
      const result = await this.apply(
        order.clientOrderId as ClientOrderId,
        { type: 'amend_ack', countE2: newCount },
        priceE4(newPrice),
      );
      return { kind: 'order', order: result.order };
    }
    if (outcome.status === 'outcome_unknown')
      return { kind: 'order', order: await this.afterLostWrite(venue, order, 'amend') };
    throw writeFailure(outcome, 'amend');
  }

  /** Cancels every resting order on the venue (ours and external), each with its own outcome. */
  async cancelAll(): Promise<CancelAllResult> {
    const venue = this.requireVenue();
    const resting = await listResting(venue);
    const canceled: OrderId[] = [];
    const unknown: OrderId[] = [];
    await Promise.all(
      resting.map(async ({ orderId, ticker }) => {
        const outcome = await venue.cancelOrder(orderId, ticker);
        const ours = this.journal.byOrderId(orderId);
        if (outcome.status === 'ok') {
          canceled.push(orderId);
          if (ours !== undefined) await this.afterCancel(ours, outcome).catch(() => undefined);
        } else if (outcome.status === 'outcome_unknown') unknown.push(orderId);
      }),
    );
    return { canceled, unknown };
  }

  /** Stops listening to the venue. */
  close(): void {
    this.unbind?.();
    this.unbind = undefined;
    this.boundVenue = null;
  }

  private async placeNew(
    clientOrderId: ClientOrderId,
    request: PlaceRequest,
    origin: OrderOrigin,
    flatten?: FlattenPlacement,
  ): Promise<PlaceResult> {
    const venue = this.requireVenue();
    const ticker = MarketTickerSchema.parse(request.ticker);
    const refusal = origin.kind === 'flatten' ? flattenRefusal(request, flatten) : null;
    if (refusal !== null) throw new AgentError('VALIDATION_FAILED', `Flatten order refused: ${refusal}`);
    const denial =
      origin.kind === 'flatten'
        ? null
        : await this.check(
            { ticker, side: request.side, priceE4: request.priceE4, countE2: request.countE2 },
            {
              maxSlippageE4: request.maxSlippageE4,
              reduceOnly: request.reduceOnly === true,
              excludeOrderId: undefined,
            },
          );
    if (denial !== null) {
      await this.recordDenial(clientOrderId, ticker, denial, origin);
      return { kind: 'denied', denial, clientOrderId };
    }
    const settings = this.options.riskSettings?.() ?? DEFAULT_RISK_SETTINGS;
    const backstop = await this.orderGroups.fieldsFor(venue.http, origin, settings);
    const intended = await this.journal.recordIntent({
      clientOrderId,
      ticker,
      side: request.side,
      priceE4: priceE4(request.priceE4),
      countE2: countE2(request.countE2),
      timeInForce: request.timeInForce,
      reduceOnly: request.reduceOnly === true,
      origin,
      createdAtMs: this.nowMs(),
    });
    this.options.onOrderChanged?.(intended);
    this.report(placedActivity(intended));
    // Only the intent must be durable before the send (recovery treats a submitting order the same,
    // sent or not): `sent` is written alongside the request, ahead of the outcome in the journal.
    const sent = this.apply(clientOrderId, { type: 'sent' }).catch((err: unknown) =>
      this.options.logger.warn({ err, clientOrderId }, 'sent transition not recorded'),
    );
    const outcome = await venue.createOrder(
      {
        ticker,
        clientOrderId,
        side: request.side,
        priceE4: priceE4(request.priceE4),
        countE2: countE2(request.countE2),
        timeInForce: request.timeInForce,
        selfTradePrevention: 'taker_at_cross',
        ...(request.reduceOnly === true ? { isReduceOnly: true } : {}),
        ...backstop,
      },
      origin.kind === 'flatten' ? { isFlatten: true } : {},
    );
    await sent;
    const result = await this.apply(clientOrderId, createEvent(outcome));
    await this.orderGroups.noteCreateOutcome(origin, outcome);
    if (outcome.status === 'outcome_unknown')
      this.options.logger.warn(
        { clientOrderId, ticker },
        'order outcome unknown; market blocked until reconciled',
      );
    return { kind: 'order', order: result.order, isExisting: false };
  }

  /** One lifecycle event through the journal (ledger first), then its activity entry. */
  private async apply(
    clientOrderId: ClientOrderId,
    event: LifecycleEvent,
    newPriceE4?: PriceE4,
  ): Promise<ApplyResult> {
    const before = this.journal.get(clientOrderId)?.status;
    const result = await this.journal.apply(clientOrderId, event, newPriceE4);
    if (result.ok) this.options.onOrderChanged?.(result.order);
    if (result.ok && before !== undefined) this.report(transitionActivity(before, result.order));
    return result;
  }

  private report(input: ActivityInput | null): void {
    if (input === null || this.options.activity === undefined) return;
    void this.options.activity
      .record(input)
      .catch((err: unknown) =>
        this.options.logger.warn({ err, key: input.key }, 'activity entry not recorded'),
      );
  }

  /** Trading state, fat finger, then risk, on a streamed book; null = allowed. */
  private async check(order: PreTradeOrder, extra: PreTradeExtra): Promise<Denial | null> {
    const venue = this.requireVenue();
    const tradingState = this.options.tradingState?.() ?? venue.tradingState();
    // A halt is denied at once; otherwise wait (bounded) for the market's book to stream.
    if (tradingState.mode !== 'halted') await warmBook(venue, order.ticker);
    return preTradeCheck(order, extra, {
      venue,
      tradingState,
      ourOrders: this.journal.workingOrders(),
      recentOrderTimesMs: this.journal.createdTimesMs(),
      unknownOutcomeTickers: unknownOutcomeTickers(venue, this.journal),
      settings: this.options.riskSettings?.() ?? DEFAULT_RISK_SETTINGS,
      portfolio: this.options.portfolio?.(),
      defaultMaxSlippageE4: this.options.defaultMaxSlippageE4 ?? DEFAULT_MAX_SLIPPAGE_E4,
      nowMs: this.nowMs(),
      riskCache: this.options.riskCaches?.for(venue),
    });
  }

  private async recordDenial(
    clientOrderId: ClientOrderId,
    ticker: MarketTicker,
    denial: Denial,
    origin: OrderOrigin,
  ): Promise<void> {
    const atMs = this.nowMs();
    const payload = DeniedPayload.parse({ clientOrderId, ticker, ...denial, origin, atMs });
    await this.options.ledger.append([
      {
        source: EXECUTION_SOURCE,
        sourceEventId: `denied:${clientOrderId}:${atMs}`,
        kind: DENIED_KIND,
        payload,
        venueTsMs: null,
      },
    ]);
    this.options.logger.info({ clientOrderId, ticker, rule: denial.rule }, 'order denied');
    const strategyId = origin.kind === 'strategy' ? origin.strategyId : null;
    this.report(deniedActivity(denial, { ticker, clientOrderId, strategyId }));
  }

  private async afterCancel(order: Order, outcome: WriteOutcome<{ reducedByE2: number }>): Promise<Order> {
    if (outcome.status !== 'ok') throw writeFailure(outcome, 'cancel');
    const result = await this.apply(order.clientOrderId as ClientOrderId, {
      type: 'cancel_ack',
      reducedByE2: outcome.value.reducedByE2,
    });
    return result.order;
  }

  private ourOrder(orderId: string): Order {
    const order = this.journal.byOrderId(orderId);
    if (order === undefined)
      throw new AgentError('NOT_FOUND', `orderId: no order ${orderId} of ours`, {}, { field: 'orderId' });
    return order;
  }

  private requireVenue(): ExecutionVenue {
    this.bindVenue();
    const venue = this.boundVenue;
    if (venue === null)
      throw new AgentError('VENUE_UNAVAILABLE', 'No venue is connected', { retryable: true });
    return venue;
  }

  /** Follows the current venue: listens to the one that runs now. */
  bindVenue(): void {
    const venue = this.options.venue();
    if (venue === this.boundVenue) return;
    this.unbind?.();
    this.boundVenue = venue;
    this.unbind = venue?.onEvent((event) => {
      this.venueWork = this.venueWork
        .then(() => this.onVenueEvent(event))
        .catch((err: unknown) =>
          this.options.logger.error({ err, type: event.type }, 'execution could not apply a venue event'),
        );
    });
    if (venue !== null)
      void this.recover(venue).catch((err: unknown) =>
        this.options.logger.error({ err }, 'execution could not hand unanswered orders to reconciliation'),
      );
  }

  /** Orders a previous run left without an answer go to reconciliation (recovery.ts). */
  private async recover(venue: ExecutionVenue): Promise<void> {
    const orphans = this.journal
      .list()
      .filter((order) => order.clientOrderId !== null && !this.inFlight.has(order.clientOrderId));
    const recorded = await recoverUnanswered(venue, orphans, (id, event) => this.apply(id, event));
    if (recorded > 0)
      this.options.logger.warn({ orders: recorded }, 'unanswered orders of a previous run: reconciling');
    const moved = await refreshWorking(venue, orphans, (id, event) => this.apply(id, event));
    if (moved > 0)
      this.options.logger.info({ orders: moved }, 'working orders changed while the agent was down');
  }

  private async onVenueEvent(event: ConnectorEvent): Promise<void> {
    for (const [clientOrderId, lifecycleEvent] of lifecycleEventsFrom(event, this.journal)) {
      const result = await this.apply(clientOrderId, lifecycleEvent);
      if (!result.ok)
        this.options.logger.debug({ clientOrderId, illegal: result.illegal }, 'venue event not applied');
    }
    await this.orderGroups.noteVenueEvent(event, (orderId, clientOrderId) => {
      const order =
        this.journal.byOrderId(orderId) ??
        (clientOrderId === null ? undefined : this.journal.get(clientOrderId));
      return order?.origin;
    });
  }

  /**
   * A cancel or amend whose answer was lost: reconcile now, and take the order's state from the
   * venue (lost-writes.ts). Only a failed reconciliation still answers OUTCOME_UNKNOWN.
   */
  private async afterLostWrite(
    venue: ExecutionVenue,
    order: Order,
    what: 'cancel' | 'amend',
  ): Promise<Order> {
    const orderId = order.orderId as OrderId;
    this.options.logger.warn({ orderId, what }, `${what} answer lost: reconciling with the venue`);
    const report = await venue.reconcile();
    await this.venueWork;
    if (!report.isOk)
      throw writeFailure(
        { status: 'outcome_unknown', message: report.failure ?? 'reconciliation failed' },
        what,
      );
    const amended = what === 'amend' ? amendSeen(this.ourOrder(orderId), venueViewOf(report, orderId)) : null;
    if (amended !== null)
      await this.apply(order.clientOrderId as ClientOrderId, amended.event, amended.priceE4);
    return this.ourOrder(orderId);
  }
}

function isWorking(order: Order): boolean {
  return order.status === 'resting' || order.status === 'partially_filled';
}
