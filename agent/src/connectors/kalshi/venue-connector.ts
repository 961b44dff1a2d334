/**
 * The venue surface the execution issue calls: market data, execution with typed outcomes,
 * reconciliation and health. `KalshiConnector` (connector.ts) implements it for Kalshi (sim,
 * demo and live alike); nothing above this line knows about Kalshi's wire format.
 */
import type { OrderBook as ProtocolOrderBook, TradingState } from '@pt/protocol';
import type { OrderId } from '@pt/protocol';
import type {
  AmendOrderRequest,
  CreateOrderRequest,
  DecreaseOrderRequest,
  VenueAmendAck,
  VenueCancelAck,
  VenueDecreaseAck,
  VenueOrderAck,
} from './http/types.js';
import type { BucketBudget, RateBucket } from './rate-limit/types.js';
import type { ReconcilePlan } from './reconcile/types.js';
import type { GateState } from './reconcile/trading-gate.js';
import type { ConnectorHealth } from './health.js';
import type { StreamEvent } from './ws/types.js';

/**
 * What happened to a write. Callers branch on `status`, never on message text:
 * - `ok`: the venue accepted it (`value` is its answer).
 * - `rejected`: the venue answered no (`venueCode`), or its answer broke the API contract; nothing to resolve.
 * - `outcome_unknown`: it may or may not have happened (timeout, 5xx, dropped connection). Keep the
 *   market blocked and let reconciliation resolve it by client order id; NEVER resubmit blindly.
 * - `refused`: not sent at all, by us (trading halted, API contract red, rate limiter aborted, auth).
 */
export type WriteOutcome<T> =
  | { status: 'ok'; value: T }
  | { status: 'rejected'; venueCode: string | undefined; message: string }
  | { status: 'outcome_unknown'; message: string }
  | { status: 'refused'; reason: string };

/** Flatten All traffic jumps the rate-limit queue and passes a halted gate (it only reduces). */
export interface WriteOptions {
  isFlatten?: boolean;
  signal?: AbortSignal;
}

export interface ReconcileReport {
  isOk: boolean;
  /** Present when the snapshot was fetched and the plan applied. */
  plan: ReconcilePlan | undefined;
  /** Fills newly written to the ledger by this run (source `kalshi.rest`). */
  fillsRecorded: number;
  /** Why it failed (`contract: GET /portfolio/balance balance_dollars …`), when it did. */
  failure: string | undefined;
  startedAtMs: number;
  finishedAtMs: number;
}

/** Events out of the connector: the stream's, plus reconciliation and gate changes. */
export type ConnectorEvent =
  StreamEvent | { type: 'reconciled'; report: ReconcileReport } | { type: 'gate_changed'; gate: GateState };

export interface VenueConnector {
  /** limits → reconcile → stream → quotable. Resolves when the gate has opened or reconciliation failed. */
  start(): Promise<void>;
  stop(): Promise<void>;

  // Data
  subscribeMarkets(tickers: readonly string[]): void;
  unsubscribeMarkets(tickers: readonly string[]): void;
  /** The protocol book of a market, or null if we have none or it is not quotable (stale, gap). */
  quotableBook(ticker: string): ProtocolOrderBook | null;
  onEvent(listener: (event: ConnectorEvent) => void): () => void;

  // Execution (the gate refuses new risk while halted; cancels and decreases always go)
  createOrder(request: CreateOrderRequest, options?: WriteOptions): Promise<WriteOutcome<VenueOrderAck>>;
  cancelOrder(
    orderId: OrderId,
    ticker: string,
    options?: WriteOptions,
  ): Promise<WriteOutcome<VenueCancelAck>>;
  amendOrder(
    orderId: OrderId,
    request: AmendOrderRequest,
    options?: WriteOptions,
  ): Promise<WriteOutcome<VenueAmendAck>>;
  decreaseOrder(
    orderId: OrderId,
    request: DecreaseOrderRequest,
    options?: WriteOptions,
  ): Promise<WriteOutcome<VenueDecreaseAck>>;
  /**
   * Cancels every resting order (all pages) one by one at cancel priority, so each has its own
   * outcome. Rejects only if the resting orders cannot be listed.
   */
  cancelAll(options?: WriteOptions): Promise<WriteOutcome<VenueCancelAck>[]>;

  // Reconciliation and health
  /** Closes the gate, reconciles, reopens it only on success. Concurrent calls share one run. */
  reconcile(): Promise<ReconcileReport>;
  tradingState(): TradingState;
  health(): ConnectorHealth;
  budget(): Record<RateBucket, BucketBudget>;
}
