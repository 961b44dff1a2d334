/**
 * The vocabulary of start-up rehydration and reconciliation (issue 5, task 1.1.5).
 *
 * Reconciliation compares what the agent believes (LocalState) with what the venue says
 * (VenueSnapshot) and produces a plan of actions; it never performs I/O itself. The execution
 * issue owns the real order state machine: it feeds LocalState in and applies the plan. The shapes
 * here are deliberately small — only what reconciliation needs to decide.
 */
import type {
  ClientOrderId,
  CountE2,
  FillId,
  MarketTicker,
  MoneyE6,
  OrderId,
  OrderSide,
  PriceE4,
} from '@pt/protocol';

/** An order the agent knows was acknowledged by the venue and still believes open. */
export interface LocalOpenOrder {
  orderId: OrderId;
  /** Null only for imported external orders placed without one. */
  clientOrderId: ClientOrderId | null;
  ticker: MarketTicker;
  filledCountE2: CountE2;
  remainingCountE2: CountE2;
  /** Placed elsewhere (Kalshi site, another device) and imported by a previous reconciliation. */
  isExternal: boolean;
  /**
   * Consecutive reconciliations that did not find this order on the venue at all. The venue's
   * read path lags its write path, so one miss proves nothing; the order is closed only at
   * `missesBeforeClose`.
   */
  consecutiveMisses: number;
}

/** A create whose answer was lost (timeout, 5xx, dropped socket): accepted or not, we cannot tell. */
export interface UnknownIntent {
  clientOrderId: ClientOrderId;
  ticker: MarketTicker;
  /** When the create was sent; the venue lookup searches orders from a little before this. */
  submittedAtMs: number;
  /** Reconciliations so far that looked for this client order id and did not find it. */
  checksWithoutMatch: number;
}

/** What the agent believes before reconciling. Positions are signed: + YES, − NO contracts. */
export interface LocalState {
  openOrders: readonly LocalOpenOrder[];
  unknownIntents: readonly UnknownIntent[];
  /** Last known positions; a ticker absent here is flat. */
  positions: ReadonlyMap<MarketTicker, CountE2>;
  /** Last known cash balance, or null on a first start (nothing to compare). */
  balanceE6: MoneyE6 | null;
  /**
   * Fills already in the ledger, as `fillKey()` strings. Keyed by fill id AND order id because a
   * self-cross fills two of our orders in one trade and the venue's fill id may be the trade id.
   */
  ledgeredFillKeys: ReadonlySet<string>;
}

export type VenueOrderStatus = 'resting' | 'canceled' | 'executed';

/** An order as the venue reports it, reduced to what reconciliation needs. */
export interface VenueOrderView {
  orderId: OrderId;
  clientOrderId: ClientOrderId | null;
  ticker: MarketTicker;
  side: OrderSide;
  /** Limit price on the YES leg. */
  priceE4: PriceE4;
  initialCountE2: CountE2;
  filledCountE2: CountE2;
  remainingCountE2: CountE2;
  status: VenueOrderStatus;
  createdAtMs: number | null;
}

/** The identity of one of our fills: `fill:<fill id>:<order id>` (the WS ledger uses the same). */
export function fillKey(fill: { fillId: string; orderId: string }): string {
  return `fill:${fill.fillId}:${fill.orderId}`;
}

/** A fill as the venue reports it (REST `/portfolio/fills`). */
export interface VenueFillView {
  fillId: FillId;
  orderId: OrderId;
  ticker: MarketTicker;
  side: OrderSide;
  priceE4: PriceE4;
  countE2: CountE2;
  feeE6: MoneyE6;
  isTaker: boolean;
  /** Null when the venue omitted it (the field is optional in the spec). */
  createdAtMs: number | null;
}

/** Everything fetched from the venue for one reconciliation (see `fetchVenueSnapshot`). */
export interface VenueSnapshot {
  fetchedAtMs: number;
  balanceE6: MoneyE6;
  /** Non-zero positions only. */
  positions: ReadonlyMap<MarketTicker, CountE2>;
  /** Every resting order (all pages). */
  restingOrders: readonly VenueOrderView[];
  /**
   * Non-resting orders the fetcher looked up on purpose: local open orders absent from the
   * resting list (`GET /portfolio/orders/{id}`), and orders of any status in the tickers of
   * unknown intents (matched by client order id). An order here was seen on the venue.
   */
  lookedUpOrders: readonly VenueOrderView[];
  /** Local open orders the venue answered "not found" for (a miss, not a proof). */
  notFoundOrderIds: ReadonlySet<OrderId>;
  /** Recent fills (all pages since the fetcher's window start). */
  recentFills: readonly VenueFillView[];
}

export interface ReconcileOptions {
  /** Consecutive misses before a local open order is closed (default 3). */
  missesBeforeClose: number;
  /** Checks without a match before an unknown intent is confirmed not placed (default 3). */
  checksBeforeNotPlaced: number;
  /**
   * Recognises this agent's own client order ids (the execution layer's scheme), so an order of
   * ours that local state forgot (a restart before it was persisted) is recovered, not flagged
   * external. Default: nothing is recognised, so every unknown order is external.
   */
  isOwnClientOrderId: (clientOrderId: ClientOrderId) => boolean;
}

export const DEFAULT_RECONCILE_OPTIONS: ReconcileOptions = {
  missesBeforeClose: 3,
  checksBeforeNotPlaced: 3,
  isOwnClientOrderId: () => false,
};

/**
 * One step of the plan. Every action names the order, intent, fill or ticker it is about; the
 * plan is a value, so it can be logged, ledgered, shown to the trader, and tested.
 */
export type ReconcileAction =
  /** The lost create did reach the venue: adopt its venue id and state. */
  | { kind: 'intent_accepted'; clientOrderId: ClientOrderId; order: VenueOrderView }
  /** Still not found, but not yet often enough to conclude. */
  | { kind: 'intent_unmatched'; clientOrderId: ClientOrderId; checksWithoutMatch: number }
  /** Not found after `checksBeforeNotPlaced` checks: the create never happened. */
  | { kind: 'intent_not_placed'; clientOrderId: ClientOrderId; checksWithoutMatch: number }
  /**
   * Resting on the venue, unknown locally: import it, flagged external unless its client order id
   * is recognisably ours.
   */
  | { kind: 'order_imported'; order: VenueOrderView; isExternal: boolean }
  /** Seen on the venue with counts or status different from ours (fills, cancel, amend). */
  | { kind: 'order_updated'; order: VenueOrderView }
  /** Seen again after earlier misses: the miss count goes back to zero. */
  | { kind: 'order_miss_reset'; orderId: OrderId }
  /** Not found on the venue this time; not yet closed. */
  | { kind: 'order_missed'; orderId: OrderId; consecutiveMisses: number }
  /** Not found `missesBeforeClose` times in a row: closed locally. */
  | { kind: 'order_closed_missing'; orderId: OrderId; consecutiveMisses: number }
  /** A venue fill the ledger does not have yet: record it (source `kalshi.rest`, id = fill id). */
  | { kind: 'fill_recorded'; fill: VenueFillView }
  /** Reported, and the venue's number adopted: the venue is the book of record. */
  | { kind: 'position_mismatch'; ticker: MarketTicker; localE2: CountE2; venueE2: CountE2 }
  | { kind: 'balance_mismatch'; localE6: MoneyE6 | null; venueE6: MoneyE6 };

export type ReconcileActionKind = ReconcileAction['kind'];

export interface ReconcilePlan {
  actions: ReconcileAction[];
  /**
   * True while something is still undecided (an intent unmatched, an order missed): the caller
   * should reconcile again soon so the counters can reach their thresholds.
   */
  hasPendingChecks: boolean;
}
