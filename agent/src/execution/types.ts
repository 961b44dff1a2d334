/**
 * The execution road's seams: what it needs of a venue connector (KalshiConnector has it all) and
 * the values it answers with. A denial is a value, never an exception.
 */
import type { ClientOrderId, Order, OrderId, OrderOrigin, OrderSide, TimeInForce } from '@pt/protocol';
import type { KalshiHttp } from '../connectors/kalshi/http/index.js';
import type { LocalStateStore } from '../connectors/kalshi/reconcile/local-state.js';
import type { VenueConnector } from '../connectors/kalshi/venue-connector.js';
import type { LosingExit, RiskRule } from '../risk/index.js';
import type { MoneyE6 } from '@pt/protocol';

/** The venue reads the risk snapshot needs (REST, through the connector's limiter). */
export type ExecutionVenueHttp = Pick<
  KalshiHttp,
  | 'getMarket'
  | 'getEvent'
  | 'getBalance'
  | 'getPositions'
  | 'getOrders'
  | 'getExchangeStatus'
  // The venue-side backstop (order-groups.ts): strategy orders go into an order group.
  | 'createOrderGroup'
  | 'getOrderGroup'
  // Start-up refresh of our working orders (working-refresh.ts).
  | 'getOrder'
>;

/** The part of `KalshiConnector` the execution road uses. Only this module calls its writes. */
export type ExecutionVenue = Pick<
  VenueConnector,
  | 'createOrder'
  | 'cancelOrder'
  | 'amendOrder'
  | 'quotableBook'
  | 'subscribeMarkets'
  | 'onEvent'
  | 'reconcile'
  | 'tradingState'
  | 'health'
> & {
  readonly http: ExecutionVenueHttp;
  readonly local: LocalStateStore;
};

/**
 * What the portfolio module (positions, P&L, settlements) tells the risk engine: today's P&L in
 * the user's time zone and recent exits at a loss (for the cooldown). Absent: zeros and none.
 */
export interface PortfolioRiskInputs {
  readonly todayRealizedPnlE6: MoneyE6;
  readonly todayMarkedPnlE6: MoneyE6;
  readonly losingExits: readonly LosingExit[];
}

/** Every rule of the risk engine, plus the manual ticket's fat-finger guard. */
export type DenialRule = RiskRule | 'FAT_FINGER';

export interface Denial {
  readonly rule: DenialRule;
  /** One sentence for the trader. */
  readonly detail: string;
}

/** A new order as the road takes it (the manual ticket's request, or a strategy's). */
export interface PlaceRequest {
  readonly ticker: string;
  readonly side: OrderSide;
  readonly priceE4: number;
  readonly countE2: number;
  readonly timeInForce: TimeInForce;
  /** The caller's idempotency key; generated when absent. */
  readonly clientOrderId?: string | undefined;
  readonly maxSlippageE4?: number | undefined;
  readonly reduceOnly?: boolean | undefined;
}

export type PlaceResult =
  | { readonly kind: 'order'; readonly order: Order; readonly isExisting: boolean }
  | { readonly kind: 'denied'; readonly denial: Denial; readonly clientOrderId: ClientOrderId };

export type AmendResult =
  { readonly kind: 'order'; readonly order: Order } | { readonly kind: 'denied'; readonly denial: Denial };

export interface CancelAllResult {
  readonly canceled: OrderId[];
  readonly unknown: OrderId[];
}

export type { OrderOrigin };
