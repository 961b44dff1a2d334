/**
 * @module
 * The wire contract between the agent and its browsers: every schema both sides parse, the
 * fixed-point money types, the WS event unions and the error codes. Named exports only; this file
 * is the whole public surface of the package.
 */
export { PROTOCOL_VERSION, IncompatibilityReason, IncompatibilityReasonSchema } from './version.js';
export { ErrorCode, ErrorBody } from './errors.js';
export type { FieldIssue } from './validation-error.js';
export { formatIssuePath, fieldIssues, validationErrorBody } from './validation-error.js';
export { TradingEnvironment } from './domain/environment.js';
export type { PriceE4, CountE2, MoneyE6 } from './money.js';
export {
  FixedPointError,
  MAX_PRICE_E4,
  priceE4,
  countE2,
  signedCountE2,
  moneyE6,
  parsePriceDollars,
  formatPriceDollars,
  parseCountFp,
  parseSignedCountFp,
  formatCountFp,
  parseMoneyDollars,
  formatMoneyDollars,
  centsToMoney,
  centsToPrice,
  priceToMoney,
  complementPrice,
  notional,
  addMoney,
  subMoney,
  negMoney,
  sumMoney,
  addCount,
  subCount,
  negCount,
  compareFixed,
  minFixed,
  maxFixed,
} from './money.js';
export type { KalshiDecimalOptions } from './money-schemas.js';
export {
  priceDollarsString,
  countFpString,
  signedCountFpString,
  moneyDollarsString,
  PriceE4Schema,
  CountE2Schema,
  SignedCountE2Schema,
  MoneyE6Schema,
} from './money-schemas.js';
export { HEALTH_PATH, AgentStatus, HealthResponse } from './rest/health.js';
export {
  PAIR_PATH,
  DEVICES_PATH,
  PairingCode,
  DeviceName,
  DeviceId,
  PairRequest,
  PairResponse,
  PairedDevice,
  DeviceList,
} from './rest/pairing.js';
export {
  CREDENTIALS_PATH,
  KeyedEnvironment,
  KalshiKeyId,
  MAX_PEM_CHARS,
  PutCredentialsRequest,
  StoredCredentials,
  CredentialsOverview,
} from './rest/credentials.js';
export {
  STATUS_PATH,
  ENVIRONMENT_PATH,
  LIVE_ACK_PHRASE,
  LIABILITY_TEXT_VERSION,
  LIABILITY_TEXT,
  StatusResponse,
  LiveAcknowledgement,
  SwitchEnvironmentRequest,
  SwitchBlocker,
  EnvironmentOverview,
} from './rest/environment.js';
export {
  ORDERS_PATH,
  CANCEL_ALL_PATH,
  MaxSlippageE4,
  PlaceOrderRequest,
  AmendOrderRequest,
  OrderResponse,
  OrderList,
  CancelAllResponse,
} from './rest/orders.js';
export { ACTIVITY_PATH, MAX_ACTIVITY_PAGE, ActivityQuery, ActivityPage } from './rest/activity.js';
export {
  STRATEGIES_PATH,
  StrategyConfigObject,
  StrategyStatus,
  StrategyList,
  UpdateStrategyRequest,
} from './rest/strategies.js';
export { TRADING_STATE_PATH, RISK_SETTINGS_PATH, SetTradingModeRequest } from './rest/trading-controls.js';
export { DEFAULT_RISK_SETTINGS, RiskSettings } from './rest/risk-settings.js';
export {
  MARKETS_PATH,
  MAX_MARKETS_LISTED,
  MarketLiveness,
  MarketListEntry,
  MarketsResponse,
} from './rest/markets.js';
export {
  AGENT_SENTIMENT_PATH,
  AgentTopicSignal,
  SentimentKillSwitchView,
  AgentSentimentResponse,
} from './rest/agent-sentiment.js';
export {
  PORTFOLIO_PATH,
  PORTFOLIO_FILLS_PATH,
  PORTFOLIO_SETTLEMENTS_PATH,
  PORTFOLIO_BALANCE_HISTORY_PATH,
  MAX_PORTFOLIO_PAGE,
  PortfolioPosition,
  PortfolioTotals,
  TodayPnl,
  EquityState,
  PortfolioFlags,
  PortfolioResponse,
  PortfolioFillsQuery,
  PortfolioFillsPage,
  MarketResult,
  SettlementRecord,
  PortfolioSettlementsQuery,
  PortfolioSettlementsPage,
  BalanceSnapshotReason,
  BalanceSnapshot,
  BalanceHistoryQuery,
  BalanceHistoryPage,
} from './rest/portfolio.js';
export {
  FLATTEN_PATH,
  DEFAULT_FLATTEN_SLIPPAGE_E4,
  DEFAULT_FLATTEN_DEADLINE_MS,
  FlattenRequest,
  FlattenResidualReason,
  FlattenMarketStatus,
  FlattenMarketResult,
  FlattenCancelResult,
  FlattenRunStatus,
  FlattenReport,
} from './rest/flatten.js';
export {
  SENTIMENT_PATH,
  SENTIMENT_HISTORY_PATH,
  MAX_SENTIMENT_TOPICS,
  MAX_SENTIMENT_HISTORY_POINTS,
  SentimentTopic,
  SentimentScoreValue,
  SentimentConfidence,
  SentimentQuery,
  SentimentSource,
  TopicSentiment,
  SentimentResponse,
  SentimentHistoryQuery,
  SentimentHistoryPoint,
  SentimentHistoryResponse,
} from './rest/sentiment.js';
export type { PeerRole } from './handshake.js';
export {
  ProtocolVersionSchema,
  ClientHello,
  AgentHello,
  Incompatible,
  checkCompatibility,
} from './handshake.js';
export {
  MarketTicker,
  EventTicker,
  SeriesTicker,
  OrderId,
  TradeId,
  FillId,
  ClientOrderId,
  StrategyId,
} from './ids.js';
export { TimestampMs } from './timestamp.js';
export { MarketStatus, MarketSummary } from './domain/market.js';
export {
  BookLevel,
  OrderBook,
  BookLeg,
  BookLevelChange,
  asksFromOppositeBids,
  topOfBook,
} from './domain/book.js';
export { OrderSide, TimeInForce, OrderStatus, OrderOrigin, Order } from './domain/order.js';
export { diffBooks, applyBookChanges } from './domain/book-changes.js';
export { Fill } from './domain/fill.js';
export { Position } from './domain/position.js';
export { Balance } from './domain/balance.js';
export { TradingMode, TradingState } from './domain/trading-state.js';
export { ActivityKind, ActivitySeverity, NotTradedReason, ActivityEvent } from './domain/activity.js';
export { HealthLight, ComponentHealth, HealthDetail, ModelHealth } from './domain/health.js';
export { AccountStream, MarketStream, StreamName, Seq, marketStream } from './ws/streams.js';
export type { ServerEventType } from './ws/server-events.js';
export {
  BookSnapshotEvent,
  BookDeltaEvent,
  MarketUpdatedEvent,
  OrderUpdatedEvent,
  FillCreatedEvent,
  PositionUpdatedEvent,
  BalanceUpdatedEvent,
  TradingStateChangedEvent,
  ActivityAppendedEvent,
  HealthChangedEvent,
  FlattenProgressedEvent,
  ServerEvent,
  SubscribedMessage,
  StreamResetMessage,
  AuthAcceptedMessage,
  ErrorMessage,
  ServerMessage,
} from './ws/server-events.js';
export {
  AuthMessage,
  SubscribeMessage,
  UnsubscribeMessage,
  ResyncMessage,
  ClientMessage,
} from './ws/client-messages.js';
export {
  BACKTESTS_PATH,
  BacktestId,
  BacktestTrade,
  EquityPoint,
  BacktestSummary,
  BacktestReport,
  BacktestList,
} from './rest/backtest.js';
export {
  MARKET_TRADES_PATH,
  MAX_MARKET_TRADES_PAGE,
  marketTradesPath,
  MarketTradesParams,
  MarketTradesQuery,
  TakerSide,
  MarketTrade,
  MarketTradesPage,
} from './rest/market-trades.js';
