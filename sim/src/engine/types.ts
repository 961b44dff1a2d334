/**
 * Public types of the simulator's exchange engine. The engine works on plain integers so it has no
 * dependency on the wire format; the REST/WS layers convert with `@pt/protocol` money helpers.
 *
 * Units (all integers, never floats):
 * - PriceE4: 1/10,000 dollar on the YES scale unless a name says otherwise (0.5600 → 5600).
 * - CountE2: 1/100 contract ("10.00" → 1000).
 * - MoneyE6: 1/1,000,000 dollar. PriceE4 × CountE2 is exactly MoneyE6.
 * - Times are Unix milliseconds.
 */

export type PriceE4 = number;
export type CountE2 = number;
export type MoneyE6 = number;

/** One dollar in each unit, so code never hides a magic 10_000. */
export const ONE_DOLLAR_E4 = 10_000;
export const ONE_DOLLAR_E6 = 1_000_000;
export const ONE_CONTRACT_E2 = 100;

/** V2 order side on the YES leg: `bid` buys YES, `ask` sells YES (≡ buys NO at 1 − price). */
export type BookSide = 'bid' | 'ask';
export type OutcomeSide = 'yes' | 'no';
export type TimeInForce = 'fill_or_kill' | 'good_till_canceled' | 'immediate_or_cancel';
/** `taker_at_cross` cancels the incoming order and stops; `maker` cancels the resting one and continues. */
export type SelfTradePrevention = 'taker_at_cross' | 'maker';
export type OrderStatus = 'resting' | 'canceled' | 'executed';
/** Kalshi's `last_update_reason` vocabulary (user_orders channel). */
export type OrderUpdateReason =
  | 'Decrease'
  | 'Amend'
  | 'MarginCancel'
  | 'SelfTradeCancel'
  | 'ExpiryCancel'
  | 'CloseCancel'
  | 'HaltCancel'
  | 'Trade'
  | 'PostOnlyCrossCancel'
  | 'ReduceOnlyCancel';

/**
 * Market status in Kalshi's response vocabulary: `active` is open for trading, `inactive` is an
 * open market that is paused (lifecycle `deactivated`), `finalized` is settled.
 */
export type MarketStatus =
  'initialized' | 'active' | 'inactive' | 'closed' | 'determined' | 'disputed' | 'finalized';
export type MarketResult = 'yes' | 'no';

/** One band of a market's `price_ranges`: valid prices are start + k·step, inside (0, 1). */
export interface PriceRange {
  startE4: PriceE4;
  endE4: PriceE4;
  stepE4: PriceE4;
}

export type FeeType = 'quadratic' | 'quadratic_with_maker_fees' | 'quadratic_with_combo_maker_fees' | 'flat';

export interface FeeSchedule {
  feeType: FeeType;
  /** Series `fee_multiplier` in 1/10,000 (1.0 → 10_000). */
  multiplierE4: number;
}

export interface MarketSpec {
  ticker: string;
  eventTicker: string;
  seriesTicker: string;
  /** Informational (e.g. `linear_cent`); validation uses `priceRanges` only, as Kalshi advises. */
  priceLevelStructure: string;
  priceRanges: readonly PriceRange[];
  fee: FeeSchedule;
  /** Defaults to `active`. */
  status?: MarketStatus;
  openTimeMs?: number;
  closeTimeMs?: number;
}

/** A market's identity, grid, fees and lifecycle: shared by the engine's state and its read model. */
export interface MarketCore {
  ticker: string;
  eventTicker: string;
  seriesTicker: string;
  priceLevelStructure: string;
  priceRanges: readonly PriceRange[];
  fee: FeeSchedule;
  status: MarketStatus;
  result: MarketResult | null;
  openTimeMs: number | null;
  closeTimeMs: number | null;
  determinedTimeMs: number | null;
  settledTimeMs: number | null;
}

/** Read model of a market: spec plus the live quote and statistics the ticker channel needs. */
export interface MarketView extends MarketCore {
  /** Best YES bid / ask (ask derived from the best NO bid); null when that side is empty. */
  yesBidE4: PriceE4 | null;
  yesBidSizeE2: CountE2;
  yesAskE4: PriceE4 | null;
  yesAskSizeE2: CountE2;
  lastPriceE4: PriceE4 | null;
  lastTradeSizeE2: CountE2;
  volumeE2: CountE2;
  /** Contracts outstanding: the sum of all YES positions (= the sum of all NO positions). */
  openInterestE2: CountE2;
  /** Dollar value of traded contracts at YES prices (ticker `dollar_volume`). */
  dollarVolumeE6: MoneyE6;
}

export interface PlaceOrderRequest {
  ticker: string;
  side: BookSide;
  /** Limit price on the YES scale, on the market's grid. */
  priceE4: PriceE4;
  countE2: CountE2;
  timeInForce: TimeInForce;
  selfTradePrevention: SelfTradePrevention;
  clientOrderId?: string;
  /** GTC only; must be in the future. The server converts Kalshi's Unix seconds. */
  expirationTimeMs?: number;
  postOnly?: boolean;
  reduceOnly?: boolean;
  cancelOrderOnPause?: boolean;
  orderGroupId?: string;
  /** Echoed only: the engine keeps one account per user id. */
  subaccount?: number;
}

export interface Order {
  orderId: string;
  userId: string;
  clientOrderId: string;
  ticker: string;
  side: BookSide;
  /** YES-scale limit price; the NO price is ONE_DOLLAR_E4 − priceE4. */
  priceE4: PriceE4;
  initialCountE2: CountE2;
  fillCountE2: CountE2;
  remainingCountE2: CountE2;
  status: OrderStatus;
  timeInForce: TimeInForce;
  selfTradePrevention: SelfTradePrevention;
  isPostOnly: boolean;
  isReduceOnly: boolean;
  shouldCancelOnPause: boolean;
  orderGroupId: string | null;
  expirationTimeMs: number | null;
  subaccount: number;
  createdTimeMs: number;
  lastUpdateTimeMs: number;
  lastUpdateReason: OrderUpdateReason | null;
  /** Cost of contracts bought on this order's own leg (YES for bids, NO for asks). */
  takerFillCostE6: MoneyE6;
  makerFillCostE6: MoneyE6;
  /** Net fees (trade fee + rounding fee − rebates). */
  takerFeesE6: MoneyE6;
  makerFeesE6: MoneyE6;
}

/** One side of one match, as the user who owns `orderId` sees it. */
export interface Fill {
  fillId: string;
  tradeId: string;
  orderId: string;
  clientOrderId: string;
  userId: string;
  ticker: string;
  side: BookSide;
  /** YES-scale trade price (the resting order's price); NO price is ONE_DOLLAR_E4 − yesPriceE4. */
  yesPriceE4: PriceE4;
  countE2: CountE2;
  isTaker: boolean;
  /** Net fee charged on this fill. */
  feeE6: MoneyE6;
  /** Signed position after this fill: + YES, − NO. */
  postPositionE2: CountE2;
  createdTimeMs: number;
}

/** Public trade (tape). */
export interface Trade {
  tradeId: string;
  ticker: string;
  yesPriceE4: PriceE4;
  countE2: CountE2;
  /** `bid` ⇒ taker_outcome_side yes; `ask` ⇒ no. */
  takerSide: BookSide;
  createdTimeMs: number;
}

export interface Position {
  userId: string;
  ticker: string;
  /** Signed: + YES contracts, − NO contracts. */
  positionE2: CountE2;
  /** Cost basis of the open contracts (market_exposure / position_cost). */
  positionCostE6: MoneyE6;
  realizedPnlE6: MoneyE6;
  feesPaidE6: MoneyE6;
  /** Sum of contract cost traded, on the user's leg (total_traded_dollars). */
  totalTradedE6: MoneyE6;
  volumeE2: CountE2;
  lastUpdatedMs: number;
}

export interface Settlement {
  userId: string;
  ticker: string;
  eventTicker: string;
  marketResult: MarketResult;
  yesCountE2: CountE2;
  yesTotalCostE6: MoneyE6;
  noCountE2: CountE2;
  noTotalCostE6: MoneyE6;
  /** Payout: winning contracts × $1.00. */
  revenueE6: MoneyE6;
  feeCostE6: MoneyE6;
  settledTimeMs: number;
}

export interface Balance {
  /** Cash, including collateral reserved for resting orders (Kalshi's `balance`). */
  balanceE6: MoneyE6;
  /** Collateral + worst-case fees reserved for resting orders. */
  reservedE6: MoneyE6;
  /** balanceE6 − reservedE6: what a new order may use. */
  availableE6: MoneyE6;
  /** Sum of open positions at cost (for `portfolio_value`-style displays). */
  positionsCostE6: MoneyE6;
}

export interface OrderGroup {
  orderGroupId: string;
  userId: string;
  contractsLimitE2: CountE2;
  /** True once the limit was hit or `trigger` was called, until `reset`. */
  isTriggered: boolean;
  /** Resting orders currently in the group. */
  orderIds: string[];
  /** Contracts matched in the last 15 s. */
  matchedInWindowE2: CountE2;
}

/** A price level `[priceE4, countE2]`, on that side's own leg scale. */
export type BookLevel = readonly [PriceE4, CountE2];

/** Bids only, best first. `no` prices are on the NO leg (a NO bid at 0.30 ≡ YES ask at 0.70). */
export interface BookSnapshot {
  ticker: string;
  yes: BookLevel[];
  no: BookLevel[];
}

export const ENGINE_ERROR_CODES = [
  'invalid_order',
  'invalid_order_size',
  'available_balance_too_low',
  'order_already_exists',
  'order_not_found',
  'market_not_found',
  'market_not_active',
  'trading_paused',
  'order_group_not_found',
  'order_group_triggered',
  'order_side_mismatch',
  'order_ticker_mismatch',
  'user_not_found',
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** Kalshi-shaped error plus the HTTP status the REST layer should answer with. */
export interface EngineError {
  code: EngineErrorCode;
  message: string;
  /** Names the offending field or rule, e.g. "post only cross", "price: off grid". */
  details: string;
  httpStatus: 400 | 404 | 409;
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: EngineError };

export type PlaceOrderResult = Result<{ order: Order; fills: Fill[] }>;
export type CancelOrderResult = Result<{ order: Order; reducedByE2: CountE2 }>;
export type AmendOrderResult = Result<{ order: Order; fills: Fill[] }>;
export type DecreaseOrderResult = Result<{ order: Order }>;

export interface AmendOrderRequest {
  ticker: string;
  side: BookSide;
  priceE4: PriceE4;
  /** New total: already filled + desired remaining. */
  countE2: CountE2;
  updatedClientOrderId?: string;
}

export type DecreaseOrderRequest = { reduceByE2: CountE2 } | { reduceToE2: CountE2 };

export type LifecycleEventType =
  | 'created'
  | 'activated'
  | 'deactivated'
  | 'close_date_updated'
  | 'determined'
  | 'settled'
  | 'price_level_structure_updated'
  | 'metadata_updated';

export type OrderGroupEventType = 'created' | 'triggered' | 'reset' | 'deleted' | 'limit_updated';

/**
 * Everything the WS layer needs, emitted synchronously in causal order. `book_delta` is the change
 * in resting size at one level (`side` yes = YES bids, no = NO bids at `priceE4` on the NO scale).
 */
export type EngineEvent =
  | {
      type: 'book_delta';
      ticker: string;
      side: OutcomeSide;
      priceE4: PriceE4;
      deltaE2: CountE2;
      tsMs: number;
      /** Set when a user's own order caused the change. */
      userId: string | null;
      clientOrderId: string | null;
    }
  | { type: 'trade'; trade: Trade }
  | { type: 'fill'; fill: Fill }
  | { type: 'order_update'; order: Order }
  | { type: 'position'; position: Position }
  | { type: 'balance'; userId: string; balance: Balance }
  | {
      type: 'lifecycle';
      ticker: string;
      eventType: LifecycleEventType;
      status: MarketStatus;
      result: MarketResult | null;
      tsMs: number;
    }
  | {
      type: 'order_group';
      userId: string;
      eventType: OrderGroupEventType;
      orderGroupId: string;
      contractsLimitE2: CountE2;
      tsMs: number;
    };

export type EngineListener = (event: EngineEvent) => void;

export interface ExchangeOptions {
  /** Injected clock (Unix ms). */
  clock: () => number;
  /** Seed for deterministic ids. */
  seed?: number;
  /** Target balance precision (Kalshi fee rounding): $0.01 for non-direct members (default). */
  balancePrecisionE6?: MoneyE6;
  /**
   * History kept per user / market before the oldest finished orders, fills and trades drop off
   * (defaults: 50,000 finished orders and 100,000 fills per user, 100,000 trades per market).
   */
  retention?: Partial<{ finishedOrdersPerUser: number; fillsPerUser: number; tradesPerMarket: number }>;
}

export interface OrderFilter {
  ticker?: string;
  status?: OrderStatus;
}

export interface FillFilter {
  ticker?: string;
  orderId?: string;
}
