/**
 * The venue-side backstop of strategy orders (issue 7): every order whose origin is a strategy goes
 * into that strategy's Kalshi order group, which cancels all of the strategy's orders once
 * `strategyGroupContractsLimitE2` contracts match within 15 s (runaway fills stop at the venue,
 * even if this agent hangs). Every order also carries `cancel_order_on_pause` per the setting.
 *
 * One group per strategy per environment (the ledger is per environment): created lazily on the
 * strategy's first order, kept in the ledger, re-used after a restart once the venue confirms it
 * still has it, re-created when the limit setting changes or the venue says it is gone. A trip
 * (seen from the fills, or from the venue refusing an order) is recorded once, in the ledger and
 * the activity feed; the tripped group stays tripped (the venue refuses the strategy's new orders)
 * until the trader changes the limit. The canceled orders themselves reach the lifecycle through
 * WS `user_order` and reconciliation, like any venue cancel.
 */
import type { OrderOrigin } from '@pt/protocol';
import { countE2 } from '@pt/protocol';
import type { Logger } from 'pino';
import type { KalshiHttp } from '../connectors/kalshi/http/index.js';
import { isKalshiRequestError } from '../connectors/kalshi/http/request-error.js';
import type { ConnectorEvent, WriteOutcome } from '../connectors/kalshi/venue-connector.js';
import { AgentError } from '../lib/errors.js';
import type { RiskSettings } from '../risk/index.js';
import type { LedgerEvent } from '../store/index.js';
import type { ExecutionActivitySink } from './activity.js';
import {
  foldOrderGroups,
  ORDER_GROUP_KIND,
  orderGroupLedgerEvent,
  type KnownGroup,
  type OrderGroupRecord,
} from './order-group-events.js';
import { GroupMatchWindow } from './order-group-window.js';
import type { JournalLedger } from './order-journal.js';

/** The venue's order-group calls the backstop makes (KalshiHttp has them). */
export type OrderGroupsHttp = Pick<KalshiHttp, 'createOrderGroup' | 'getOrderGroup'>;

/** What the backstop adds to a create request. */
export interface BackstopFields {
  isCancelledOnPause: boolean;
  orderGroupId?: string;
}

export interface StrategyOrderGroupsOptions {
  ledger: JournalLedger;
  logger: Logger;
  activity?: ExecutionActivitySink;
  nowMs?: () => number;
}

/** Venue codes (the simulator's, after Kalshi's error vocabulary) that speak about a group. */
const GROUP_GONE = 'order_group_not_found';
const GROUP_TRIGGERED = 'order_group_triggered';

export class StrategyOrderGroups {
  /** Group ids the venue confirmed or created, per venue client (a restarted connector asks again). */
  private readonly confirmed = new WeakMap<object, Set<string>>();
  private readonly ensuring = new Map<string, Promise<string>>();
  private readonly windows = new Map<string, GroupMatchWindow>();
  private readonly nowMs: () => number;

  private constructor(
    private readonly options: StrategyOrderGroupsOptions,
    private readonly known: Map<string, KnownGroup>,
  ) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  static open(options: StrategyOrderGroupsOptions): StrategyOrderGroups {
    return new StrategyOrderGroups(options, foldOrderGroups(readAll(options.ledger)));
  }

  /** The strategy's current group, as recorded (tests, diagnostics). */
  groupOf(strategyId: string): KnownGroup | undefined {
    return this.known.get(strategyId);
  }

  /** The create fields for one order: the pause flag always, the group for a strategy's order. */
  async fieldsFor(
    http: OrderGroupsHttp,
    origin: OrderOrigin,
    settings: RiskSettings,
  ): Promise<BackstopFields> {
    const isCancelledOnPause = settings.cancelOrdersOnPause;
    if (origin.kind !== 'strategy') return { isCancelledOnPause };
    const orderGroupId = await this.groupFor(http, origin.strategyId, settings.strategyGroupContractsLimitE2);
    return { isCancelledOnPause, orderGroupId };
  }

  /** One group per strategy; concurrent orders of a strategy share one set-up. */
  groupFor(http: OrderGroupsHttp, strategyId: string, contractsLimitE2: number): Promise<string> {
    const running = this.ensuring.get(strategyId);
    if (running !== undefined) return running;
    const work = this.ensure(http, strategyId, contractsLimitE2).finally(() =>
      this.ensuring.delete(strategyId),
    );
    this.ensuring.set(strategyId, work);
    return work;
  }

  /** A create's answer: the venue saying the group is gone or has triggered is believed at once. */
  async noteCreateOutcome(origin: OrderOrigin, outcome: WriteOutcome<unknown>): Promise<void> {
    if (origin.kind !== 'strategy' || outcome.status !== 'rejected') return;
    const group = this.known.get(origin.strategyId);
    if (group === undefined) return;
    if (outcome.venueCode === GROUP_GONE) await this.record(origin.strategyId, group, 'gone');
    if (outcome.venueCode === GROUP_TRIGGERED)
      await this.tripped(origin.strategyId, group, 'the venue refused a new order');
  }

  /**
   * Venue events: a fill of a strategy's order counts toward its group's 15 s window; reaching the
   * limit means the venue has just canceled the strategy's orders (recorded once).
   */
  async noteVenueEvent(
    event: ConnectorEvent,
    originOf: (orderId: string, clientOrderId: string | null) => OrderOrigin | undefined,
  ): Promise<void> {
    if (event.type !== 'fill') return;
    const origin = originOf(event.fill.orderId, event.fill.clientOrderId);
    if (origin?.kind !== 'strategy') return;
    const group = this.known.get(origin.strategyId);
    if (group === undefined || group.isTripped) return;
    let window = this.windows.get(group.orderGroupId);
    if (window === undefined) this.windows.set(group.orderGroupId, (window = new GroupMatchWindow()));
    const { tradeId, countE2: count, tsMs } = event.fill;
    if (window.record(tradeId, count, tsMs, group.contractsLimitE2))
      await this.tripped(
        origin.strategyId,
        group,
        `${window.matchedE2(tsMs) / 100} contracts matched within 15 s`,
      );
  }

  private async ensure(http: OrderGroupsHttp, strategyId: string, limitE2: number): Promise<string> {
    const group = this.known.get(strategyId);
    if (group !== undefined && group.contractsLimitE2 === limitE2) {
      if (this.isConfirmed(http, group.orderGroupId) || (await this.stillThere(http, group.orderGroupId))) {
        this.confirm(http, group.orderGroupId);
        return group.orderGroupId;
      }
      await this.record(strategyId, group, 'gone');
    }
    const orderGroupId = await http.createOrderGroup(countE2(limitE2)).catch((err: unknown) => {
      throw unavailable(strategyId, err);
    });
    const created = { orderGroupId, contractsLimitE2: limitE2, isTripped: false };
    await this.record(strategyId, created, 'created');
    this.confirm(http, orderGroupId);
    this.options.logger.info(
      { strategyId, orderGroupId, contractsLimitE2: limitE2, replaced: group?.orderGroupId ?? null },
      'strategy order group created',
    );
    return orderGroupId;
  }

  /** True when the venue still has the group; false when it says it is gone; throws otherwise. */
  private async stillThere(http: OrderGroupsHttp, orderGroupId: string): Promise<boolean> {
    try {
      await http.getOrderGroup(orderGroupId);
      return true;
    } catch (err) {
      if (isKalshiRequestError(err) && (err.httpStatus === 404 || err.venueCode === GROUP_GONE)) return false;
      throw unavailable(orderGroupId, err);
    }
  }

  private async tripped(strategyId: string, group: KnownGroup, why: string): Promise<void> {
    if (group.isTripped) return;
    await this.record(strategyId, group, 'tripped');
    const limit = group.contractsLimitE2 / 100;
    const message =
      `Order group of strategy ${strategyId} tripped (${why}; limit ${limit} contracts per 15 s): ` +
      'the venue canceled its orders and refuses new ones until the group limit is changed.';
    this.options.logger.warn(
      { strategyId, orderGroupId: group.orderGroupId, why },
      'strategy order group tripped',
    );
    await this.options.activity
      ?.record({
        key: `order_group:${group.orderGroupId}:tripped`,
        kind: 'risk',
        severity: 'error',
        message,
        strategyId,
      })
      .catch((err: unknown) => this.options.logger.warn({ err }, 'activity entry not recorded'));
  }

  /** Ledger first, then memory. */
  private async record(
    strategyId: string,
    group: KnownGroup,
    event: OrderGroupRecord['event'],
  ): Promise<void> {
    const record = {
      strategyId,
      orderGroupId: group.orderGroupId,
      event,
      contractsLimitE2: group.contractsLimitE2,
      atMs: this.nowMs(),
    };
    await this.options.ledger.append([orderGroupLedgerEvent(record)]);
    if (event === 'gone') {
      if (this.known.get(strategyId)?.orderGroupId === group.orderGroupId) this.known.delete(strategyId);
      return;
    }
    this.known.set(strategyId, { ...group, isTripped: event === 'tripped' });
  }

  private isConfirmed(http: object, orderGroupId: string): boolean {
    return this.confirmed.get(http)?.has(orderGroupId) === true;
  }

  private confirm(http: object, orderGroupId: string): void {
    const ids = this.confirmed.get(http) ?? new Set<string>();
    ids.add(orderGroupId);
    this.confirmed.set(http, ids);
  }
}

function unavailable(what: string, err: unknown): AgentError {
  return new AgentError(
    'VENUE_UNAVAILABLE',
    `The order group for ${what} could not be set up; the order was not sent`,
    { retryable: true },
    undefined,
    { cause: err },
  );
}

function readAll(ledger: JournalLedger): LedgerEvent[] {
  const rows: LedgerEvent[] = [];
  for (let afterId = 0; ;) {
    const page = ledger.readByKind(ORDER_GROUP_KIND, { afterId, limit: 10_000 });
    rows.push(...page);
    const last = page.at(-1);
    if (last === undefined || page.length < 10_000) return rows;
    afterId = last.id;
  }
}
