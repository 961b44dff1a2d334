/**
 * Venue domain types: what the REST client hands to the rest of the agent after parsing. Every
 * price, count and dollar amount is a protocol fixed-point integer (never a float, never the venue
 * string); times are epoch milliseconds. Fields the venue marks optional stay optional here
 * (`undefined`), never defaulted.
 */
import type {
  ClientOrderId,
  CountE2,
  EventTicker,
  MarketTicker,
  MoneyE6,
  OrderId,
  PriceE4,
  SeriesTicker,
} from '@pt/protocol';

/** One page of a cursor-paginated list. `cursor` is undefined on the last page. */
export interface Page<T> {
  items: T[];
  cursor: string | undefined;
}

/** `outcome_side` (yes|no) and `book_side` (bid|ask) carry the same bit: bid ≡ yes, ask ≡ no. */
export type OutcomeSide = 'yes' | 'no';
export type BookSide = 'bid' | 'ask';

export interface VenueExchangeStatus {
  isExchangeActive: boolean;
  isTradingActive: boolean;
  /** Epoch ms, when the venue says trading resumes (only while paused). */
  estimatedResumeAtMs: number | undefined;
}

export interface VenueMaintenanceWindow {
  startMs: number;
  endMs: number;
}
export interface VenueExchangeSchedule {
  maintenanceWindows: VenueMaintenanceWindow[];
  /** Weekly standard hours, passed through as parsed objects (display only). */
  standardHours: unknown[];
}

export interface VenuePriceRange {
  startE4: PriceE4;
  endE4: PriceE4;
  stepE4: PriceE4;
}

/** Market `status` in the response vocabulary (the filter vocabulary differs). */
export type VenueMarketStatus =
  'initialized' | 'inactive' | 'active' | 'closed' | 'determined' | 'disputed' | 'amended' | 'finalized';

export interface VenueMarket {
  ticker: MarketTicker;
  eventTicker: EventTicker;
  marketType: 'binary' | 'scalar';
  status: VenueMarketStatus;
  yesSubTitle: string;
  noSubTitle: string;
  openTimeMs: number;
  closeTimeMs: number;
  latestExpirationTimeMs: number;
  yesBidE4: PriceE4;
  yesBidSizeE2: CountE2;
  yesAskE4: PriceE4;
  yesAskSizeE2: CountE2;
  noBidE4: PriceE4;
  noAskE4: PriceE4;
  lastPriceE4: PriceE4;
  volumeE2: CountE2;
  volume24hE2: CountE2;
  openInterestE2: CountE2;
  /** '' while undetermined. */
  result: 'yes' | 'no' | 'scalar' | '';
  canCloseEarly: boolean;
  priceLevelStructure: string;
  priceRanges: VenuePriceRange[];
  rulesPrimary: string;
  exchangeIndex: number | undefined;
}

/** Filters for `GET /markets`; the venue rejects some combinations (timestamp filters are exclusive). */
export interface MarketsQuery {
  limit?: number;
  cursor?: string;
  eventTicker?: string;
  seriesTicker?: string;
  tickers?: readonly string[];
  status?: 'unopened' | 'open' | 'paused' | 'closed' | 'settled';
  minCloseTsSec?: number;
  maxCloseTsSec?: number;
}

export interface VenueEvent {
  eventTicker: EventTicker;
  seriesTicker: SeriesTicker;
  title: string;
  subTitle: string;
  isMutuallyExclusive: boolean;
  /** Only when requested with nested markets. */
  markets: VenueMarket[] | undefined;
}
export interface EventsQuery {
  limit?: number;
  cursor?: string;
  seriesTicker?: string;
  status?: 'unopened' | 'open' | 'closed' | 'settled';
  withNestedMarkets?: boolean;
}

export interface VenueSeries {
  ticker: SeriesTicker;
  title: string;
  feeType: string;
  /** The venue sends a JSON number (e.g. 1 or 0.5); kept as-is: it is a multiplier, not money. */
  feeMultiplier: number;
}

/** One side of a book: bids only, sorted best first (highest price first) by the client. */
export interface VenueBookLevel {
  priceE4: PriceE4;
  countE2: CountE2;
}
export interface VenueOrderbook {
  ticker: MarketTicker;
  yesBids: VenueBookLevel[];
  noBids: VenueBookLevel[];
}

export interface VenueTrade {
  tradeId: string;
  ticker: MarketTicker;
  countE2: CountE2;
  yesPriceE4: PriceE4;
  noPriceE4: PriceE4;
  takerOutcomeSide: OutcomeSide;
  takerBookSide: BookSide;
  createdAtMs: number;
}
export interface TradesQuery {
  limit?: number;
  cursor?: string;
  ticker?: string;
  minTsSec?: number;
  maxTsSec?: number;
}

export interface VenueBalance {
  /** `balance_dollars` (centi-cent precision), not the truncated integer `balance`. */
  balanceE6: MoneyE6;
  /** `portfolio_value` is still integer cents on the wire. */
  portfolioValueE6: MoneyE6;
  updatedAtMs: number | undefined;
}

export interface VenueMarketPosition {
  ticker: MarketTicker;
  /** Signed: negative = NO contracts. */
  positionE2: CountE2;
  totalTradedE6: MoneyE6;
  marketExposureE6: MoneyE6;
  realizedPnlE6: MoneyE6;
  feesPaidE6: MoneyE6;
  lastUpdatedAtMs: number | undefined;
}
export interface VenueEventPosition {
  eventTicker: EventTicker;
  totalCostE6: MoneyE6;
  eventExposureE6: MoneyE6;
  realizedPnlE6: MoneyE6;
  feesPaidE6: MoneyE6;
}
export interface VenuePositionsPage {
  marketPositions: VenueMarketPosition[];
  eventPositions: VenueEventPosition[];
  cursor: string | undefined;
}
export interface PositionsQuery {
  limit?: number;
  cursor?: string;
  ticker?: string;
  eventTicker?: string;
}

export type VenueOrderStatus = 'resting' | 'canceled' | 'executed';

/** A full order as `GET /portfolio/orders[/{id}]` returns it. */
export interface VenueOrder {
  orderId: OrderId;
  /** Orders placed outside this agent (web UI) may carry none. */
  clientOrderId: string | undefined;
  ticker: MarketTicker;
  outcomeSide: OutcomeSide;
  bookSide: BookSide;
  status: VenueOrderStatus;
  yesPriceE4: PriceE4;
  noPriceE4: PriceE4;
  fillCountE2: CountE2;
  remainingCountE2: CountE2;
  initialCountE2: CountE2;
  takerFeesE6: MoneyE6;
  makerFeesE6: MoneyE6;
  takerFillCostE6: MoneyE6;
  makerFillCostE6: MoneyE6;
  createdAtMs: number | undefined;
  lastUpdateAtMs: number | undefined;
  orderGroupId: string | undefined;
}
export interface OrdersQuery {
  limit?: number;
  cursor?: string;
  ticker?: string;
  eventTicker?: string;
  status?: VenueOrderStatus;
  minTsSec?: number;
  maxTsSec?: number;
}

export interface VenueFill {
  fillId: string;
  orderId: OrderId;
  ticker: MarketTicker;
  outcomeSide: OutcomeSide;
  bookSide: BookSide;
  countE2: CountE2;
  yesPriceE4: PriceE4;
  noPriceE4: PriceE4;
  isTaker: boolean;
  feeCostE6: MoneyE6;
  createdAtMs: number | undefined;
}
export interface FillsQuery {
  limit?: number;
  cursor?: string;
  ticker?: string;
  orderId?: string;
  minTsSec?: number;
  maxTsSec?: number;
}

export interface VenueSettlement {
  ticker: MarketTicker;
  eventTicker: EventTicker;
  marketResult: 'yes' | 'no' | 'scalar';
  yesCountE2: CountE2;
  noCountE2: CountE2;
  yesTotalCostE6: MoneyE6;
  noTotalCostE6: MoneyE6;
  /** `revenue` is integer cents on the wire. */
  revenueE6: MoneyE6;
  feeCostE6: MoneyE6;
  settledAtMs: number;
}
export interface SettlementsQuery {
  limit?: number;
  cursor?: string;
  ticker?: string;
  eventTicker?: string;
}

export type TimeInForce = 'fill_or_kill' | 'good_till_canceled' | 'immediate_or_cancel';
export type SelfTradePrevention = 'taker_at_cross' | 'maker';

/** V2 create: `side` is on the YES leg (bid = buy YES at price; ask = sell YES ≡ buy NO at 1 − price). */
export interface CreateOrderRequest {
  ticker: MarketTicker | string;
  clientOrderId: ClientOrderId | string;
  side: BookSide;
  countE2: CountE2;
  priceE4: PriceE4;
  timeInForce: TimeInForce;
  selfTradePrevention: SelfTradePrevention;
  isPostOnly?: boolean;
  isReduceOnly?: boolean;
  isCancelledOnPause?: boolean;
  /** Unix ms; sent as seconds. Only with good_till_canceled. */
  expiresAtMs?: number;
  orderGroupId?: string;
  subaccount?: number;
}

/** What a V2 create (or one batched create item) answers: accepted, not necessarily resting. */
export interface VenueOrderAck {
  orderId: OrderId;
  clientOrderId: string | undefined;
  fillCountE2: CountE2;
  remainingCountE2: CountE2;
  /** Matching-engine time. */
  tsMs: number | undefined;
  /** True when this ack came from looking the order up after a 409 duplicate client_order_id. */
  isFromDuplicateLookup: boolean;
}

export interface VenueCancelAck {
  orderId: OrderId;
  clientOrderId: string | undefined;
  /** 0 means nothing was left to cancel (already filled or cancelled). */
  reducedByE2: CountE2;
  tsMs: number | undefined;
}

export interface AmendOrderRequest {
  ticker: MarketTicker | string;
  side: BookSide;
  priceE4: PriceE4;
  /** New TOTAL max fillable (filled + desired remaining). */
  countE2: CountE2;
  clientOrderId?: string;
  updatedClientOrderId?: string;
}
export interface VenueAmendAck {
  orderId: OrderId;
  clientOrderId: string | undefined;
  remainingCountE2: CountE2 | undefined;
  fillCountE2: CountE2 | undefined;
  tsMs: number | undefined;
}

/** Exactly one of reduceBy / reduceTo. */
export type DecreaseOrderRequest =
  { reduceByE2: CountE2; reduceToE2?: never } | { reduceToE2: CountE2; reduceByE2?: never };
export interface VenueDecreaseAck {
  orderId: OrderId;
  clientOrderId: string | undefined;
  remainingCountE2: CountE2;
  tsMs: number | undefined;
}

/** The venue's error for one item of a batch (or a whole request). */
export interface VenueErrorInfo {
  code: string;
  message: string;
  details: string | undefined;
}
/** Per-item outcome of a batch: each item is accepted or rejected on its own. */
export type BatchItemResult<T> =
  | { isOk: true; value: T }
  | { isOk: false; error: VenueErrorInfo; clientOrderId: string | undefined; orderId: string | undefined };

export interface VenueOrderGroup {
  orderGroupId: string;
  isAutoCancelEnabled: boolean | undefined;
  contractsLimitE2: CountE2 | undefined;
  orderIds: string[];
}

export interface VenueBucketLimit {
  refillPerSecond: number;
  capacity: number;
}
export interface VenueAccountLimits {
  usageTier: string;
  read: VenueBucketLimit;
  write: VenueBucketLimit;
}

export interface VenueEndpointCost {
  method: string;
  /** As the venue lists it, e.g. `/portfolio/events/orders/:order_id`. */
  path: string;
  cost: number;
}
export interface VenueEndpointCosts {
  defaultCost: number;
  endpointCosts: VenueEndpointCost[];
}
