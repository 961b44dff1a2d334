/**
 * @module
 * The simulator's exchange engine: markets, one YES book per market, price-time matching, fees,
 * balances, positions, order groups and the market lifecycle. Deterministic for an injected clock
 * and seed; no I/O. The REST and WS layers call `Exchange` and subscribe to its events.
 */
export { Exchange } from './exchange.js';
export { priceRangesForStructure, isPriceOnGrid } from './price-grid.js';
export { feeRateE6, tradeFeeExact, MAKER_RATE_E6, TAKER_RATE_E6 } from './fees.js';
export { ORDER_GROUP_WINDOW_MS } from './order-group.js';
export { ENGINE_ERROR_CODES, ONE_CONTRACT_E2, ONE_DOLLAR_E4, ONE_DOLLAR_E6 } from './types.js';
export type {
  AmendOrderRequest,
  AmendOrderResult,
  Balance,
  BookLevel,
  BookSide,
  BookSnapshot,
  CancelOrderResult,
  CountE2,
  DecreaseOrderRequest,
  DecreaseOrderResult,
  EngineError,
  EngineErrorCode,
  EngineEvent,
  EngineListener,
  ExchangeOptions,
  FeeSchedule,
  FeeType,
  Fill,
  FillFilter,
  LifecycleEventType,
  MarketResult,
  MarketSpec,
  MarketStatus,
  MarketView,
  MoneyE6,
  Order,
  OrderFilter,
  OrderGroup,
  OrderGroupEventType,
  OrderStatus,
  OrderUpdateReason,
  OutcomeSide,
  PlaceOrderRequest,
  PlaceOrderResult,
  Position,
  PriceE4,
  PriceRange,
  Result,
  SelfTradePrevention,
  Settlement,
  TimeInForce,
  Trade,
} from './types.js';
