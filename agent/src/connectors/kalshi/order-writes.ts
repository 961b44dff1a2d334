/**
 * The connector's venue writes: each returns a typed outcome (never throws for venue trouble).
 * New risk (create, amend) goes only through an active trading state; cancels and decreases
 * always go, at cancel priority; Flatten All passes a halted gate at the highest priority. A
 * create that ends `outcome_unknown` is handed to local state as an unknown intent and triggers a
 * follow-up reconciliation, which resolves it by client order id: never a blind resubmission.
 */
import { ClientOrderId, MarketTicker, type OrderId, type TradingState } from '@pt/protocol';
import { collectAll } from './http/paginate.js';
import type { KalshiHttp } from './http/index.js';
import type {
  AmendOrderRequest,
  CreateOrderRequest,
  DecreaseOrderRequest,
  VenueAmendAck,
  VenueCancelAck,
  VenueDecreaseAck,
  VenueOrderAck,
} from './http/types.js';
import type { LocalStateStore } from './reconcile/local-state.js';
import type { WriteOptions, WriteOutcome } from './venue-connector.js';
import { toWriteOutcome } from './write-outcome.js';

export interface OrderWritesDeps {
  http: Pick<KalshiHttp, 'createOrder' | 'cancelOrder' | 'amendOrder' | 'decreaseOrder' | 'getOrders'>;
  local: LocalStateStore;
  /** The combined switch (gate + API contract); anything but `active` refuses new risk. */
  tradingState: () => TradingState;
  /** A write may have left an order behind: reconcile soon. */
  onMayExist: () => void;
  nowMs: () => number;
}

export class OrderWrites {
  constructor(private readonly deps: OrderWritesDeps) {}

  async createOrder(
    request: CreateOrderRequest,
    options: WriteOptions = {},
  ): Promise<WriteOutcome<VenueOrderAck>> {
    const refusal = this.refusal(options);
    if (refusal !== undefined) return refusal;
    const outcome = await toWriteOutcome(() =>
      this.deps.http.createOrder(request, {
        priority: options.isFlatten === true ? 'flatten' : 'order',
        ...signal(options),
      }),
    );
    await this.remember(request, outcome);
    if (mayExist(outcome)) this.deps.onMayExist();
    return outcome;
  }

  cancelOrder(
    orderId: OrderId,
    ticker: string,
    options: WriteOptions = {},
  ): Promise<WriteOutcome<VenueCancelAck>> {
    return toWriteOutcome(() =>
      this.deps.http.cancelOrder(orderId, ticker, {
        priority: options.isFlatten === true ? 'flatten' : 'cancel',
        ...signal(options),
      }),
    );
  }

  async amendOrder(
    orderId: OrderId,
    request: AmendOrderRequest,
    options: WriteOptions = {},
  ): Promise<WriteOutcome<VenueAmendAck>> {
    // An amend can add risk (a higher count or a better price), so it needs an open gate.
    const refusal = this.refusal(options);
    if (refusal !== undefined) return refusal;
    return toWriteOutcome(() =>
      this.deps.http.amendOrder(orderId, request, { priority: 'order', ...signal(options) }),
    );
  }

  decreaseOrder(
    orderId: OrderId,
    request: DecreaseOrderRequest,
    options: WriteOptions = {},
  ): Promise<WriteOutcome<VenueDecreaseAck>> {
    return toWriteOutcome(() =>
      this.deps.http.decreaseOrder(orderId, request, {
        priority: options.isFlatten === true ? 'flatten' : 'cancel',
        ...signal(options),
      }),
    );
  }

  async cancelAll(options: WriteOptions = {}): Promise<WriteOutcome<VenueCancelAck>[]> {
    const resting = await collectAll((cursor) =>
      this.deps.http.getOrders({
        status: 'resting',
        limit: 1000,
        ...(cursor === undefined ? {} : { cursor }),
      }),
    );
    return Promise.all(resting.map((order) => this.cancelOrder(order.orderId, order.ticker, options)));
  }

  /** New risk goes only through an open gate and a green API contract; Flatten All always goes. */
  /** Tells local state what the venue now holds (or may hold) because of this create. */
  private async remember(request: CreateOrderRequest, outcome: WriteOutcome<VenueOrderAck>): Promise<void> {
    const ticker = MarketTicker.safeParse(request.ticker);
    const clientOrderId = ClientOrderId.safeParse(request.clientOrderId);
    if (!ticker.success || !clientOrderId.success) return;
    const { local, nowMs } = this.deps;
    // A 2xx without an order id is a rejection to the caller (issue 5), but the venue did run the
    // handler: track its client order id like a lost answer, so the order is found as ours.
    if (mayExist(outcome)) {
      await local.recordUnknownIntent?.({
        clientOrderId: clientOrderId.data,
        ticker: ticker.data,
        submittedAtMs: nowMs(),
      });
    } else if (outcome.status === 'ok' && outcome.value.remainingCountE2 > 0) {
      await local.recordAcceptedOrder?.({
        orderId: outcome.value.orderId,
        clientOrderId: clientOrderId.data,
        ticker: ticker.data,
        filledCountE2: outcome.value.fillCountE2,
        remainingCountE2: outcome.value.remainingCountE2,
        isExternal: false,
      });
    }
  }

  private refusal(options: WriteOptions): { status: 'refused'; reason: string } | undefined {
    if (options.isFlatten === true) return undefined;
    const state = this.deps.tradingState();
    return state.mode === 'active'
      ? undefined
      : { status: 'refused', reason: `Trading halted: ${state.reason}` };
  }
}

/** Unknown outcomes, and answers without a venue code (a 2xx that broke the contract), may have left an order. */
function mayExist(outcome: WriteOutcome<unknown>): boolean {
  return (
    outcome.status === 'outcome_unknown' || (outcome.status === 'rejected' && outcome.venueCode === undefined)
  );
}

function signal(options: WriteOptions): { signal?: AbortSignal } {
  return options.signal === undefined ? {} : { signal: options.signal };
}
