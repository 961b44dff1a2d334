/**
 * The risk engine's inputs and outputs. Everything here is plain data: the engine is a pure function
 * of (intent, snapshot, settings) and never reads a clock, a file or the network.
 */
import type { CountE2, MarketTicker, MoneyE6, PriceE4, TradingMode } from '@pt/protocol';

/** The leg an order trades. Prices are always on that leg: a NO buy at 0.30 pays 0.30 per contract. */
export type ContractSide = 'yes' | 'no';
export type OrderAction = 'buy' | 'sell';

/** A new (or amended) order as strategies and the manual ticket express it. */
export interface OrderIntent {
  readonly ticker: MarketTicker;
  readonly side: ContractSide;
  readonly action: OrderAction;
  /** Positive. */
  readonly countE2: CountE2;
  /** Limit price on the `side` leg. */
  readonly priceE4: PriceE4;
  /** The order may only shrink the market's position (checked whatever the trading mode). */
  readonly reduceOnly: boolean;
}

/** One of our resting orders: what is still open, priced on its own leg like an intent. */
export interface RestingOrder {
  readonly ticker: MarketTicker;
  readonly side: ContractSide;
  readonly action: OrderAction;
  readonly priceE4: PriceE4;
  readonly remainingCountE2: CountE2;
}

export interface MarketPosition {
  readonly ticker: MarketTicker;
  /** Signed: positive = YES contracts, negative = NO contracts (Kalshi `position_fp`). */
  readonly positionCountE2: CountE2;
  /** What was paid for the contracts held, ≥ 0 (Kalshi `market_exposure_dollars`). */
  readonly costE6: MoneyE6;
}

export interface BookQuote {
  readonly ticker: MarketTicker;
  /** Best YES bid / ask, null for an empty side. */
  readonly bestBidE4: PriceE4 | null;
  readonly bestAskE4: PriceE4 | null;
  /** False after a sequence gap, before the first snapshot, or when the feed is inconsistent. */
  readonly isQuotable: boolean;
  /** True when no data has arrived within the liveness window (decided by the book layer). */
  readonly isStale: boolean;
}

export type RiskMarketStatus = 'active' | 'paused' | 'closed';

export interface MarketState {
  readonly ticker: MarketTicker;
  readonly status: RiskMarketStatus;
  readonly closeTimeMs: number;
}

/**
 * Markets that are mutually exclusive outcomes of one event: at most one resolves YES. When
 * `isExhaustive`, exactly one does; otherwise "none of them" is an outcome too.
 */
export interface EventGroup {
  readonly eventTicker: string;
  readonly marketTickers: readonly MarketTicker[];
  readonly isExhaustive: boolean;
}

export interface LosingExit {
  readonly ticker: MarketTicker;
  readonly atMs: number;
}

/** Everything the engine may look at, captured at one instant. Order of arrays never matters. */
export interface RiskSnapshot {
  readonly mode: TradingMode;
  readonly nowMs: number;
  readonly isExchangePaused: boolean;
  /** Summed when a ticker appears twice. */
  readonly positions: readonly MarketPosition[];
  readonly restingOrders: readonly RestingOrder[];
  readonly books: readonly BookQuote[];
  readonly markets: readonly MarketState[];
  /** A market may belong to at most one group; a market in none is its own group. */
  readonly events: readonly EventGroup[];
  /** Cash free to open new contracts: the venue's balance after its holds for resting orders. */
  readonly balanceE6: MoneyE6;
  /** Today's realized P&L and the mark-to-market of open positions (calendar day, user time zone). */
  readonly todayRealizedPnlE6: MoneyE6;
  readonly todayMarkedPnlE6: MoneyE6;
  /** Submission times of our recent orders (any window; the engine filters). */
  readonly recentOrderTimesMs: readonly number[];
  /** Markets with an order whose outcome was lost and is not yet reconciled. */
  readonly unknownOutcomeTickers: readonly MarketTicker[];
  readonly losingExits: readonly LosingExit[];
}

/** The closed set of reasons the engine denies an order, in evaluation order (see README.md). */
export const RISK_RULES = [
  'TRADING_HALTED',
  'EXCHANGE_PAUSED',
  'UNKNOWN_OUTCOME_PENDING',
  'MARKET_NOT_ACTIVE',
  'PRE_CLOSE_BLACKOUT',
  'BOOK_STALE',
  'REDUCE_ONLY',
  'MAX_ORDER_SIZE',
  'MAX_ORDER_NOTIONAL',
  'ORDER_RATE',
  'MAX_OPEN_ORDERS',
  'DAILY_LOSS_LIMIT',
  'LOSS_COOLDOWN',
  'MARKET_POSITION_LIMIT',
  'EVENT_EXPOSURE_LIMIT',
  'TOTAL_EXPOSURE',
  'INSUFFICIENT_BALANCE',
] as const;
export type RiskRule = (typeof RISK_RULES)[number];

export interface RiskDenial {
  readonly ok: false;
  readonly rule: RiskRule;
  /** One sentence for the trader, numbers in dollars and contracts. */
  readonly detail: string;
}
export type RiskDecision = { readonly ok: true } | RiskDenial;
