/** The Kalshi REST v2 client: public surface for the connector (K4) and the WS client (K3). */
export { KalshiHttp } from './kalshi-http.js';
export type { KalshiHttpOptions } from './kalshi-http.js';
export type { CallOptions } from './endpoint-context.js';
export type { RequestCharger } from './http-transport.js';
export { KalshiRequestError, isKalshiRequestError } from './request-error.js';
export type { KalshiFailureKind } from './request-error.js';
export { classifyStatus, classifyTransport } from './classify.js';
export type { RequestKind, TransportFailure } from './classify.js';
export { signKalshiRequest } from './sign.js';
export type { KalshiAuthHeaders } from './sign.js';
export { paginate, collectAll } from './paginate.js';
export type { PaginateOptions } from './paginate.js';
export { DUPLICATE_CLIENT_ORDER_ID } from './order-lookup.js';
export type {
  Page,
  OutcomeSide,
  BookSide,
  VenueExchangeStatus,
  VenueMaintenanceWindow,
  VenueExchangeSchedule,
  VenuePriceRange,
  VenueMarketStatus,
  VenueMarket,
  MarketsQuery,
  VenueEvent,
  EventsQuery,
  VenueSeries,
  VenueBookLevel,
  VenueOrderbook,
  VenueTrade,
  TradesQuery,
  VenueBalance,
  VenueMarketPosition,
  VenueEventPosition,
  VenuePositionsPage,
  PositionsQuery,
  VenueOrderStatus,
  VenueOrder,
  OrdersQuery,
  VenueFill,
  FillsQuery,
  VenueSettlement,
  SettlementsQuery,
  TimeInForce,
  SelfTradePrevention,
  CreateOrderRequest,
  VenueOrderAck,
  VenueCancelAck,
  AmendOrderRequest,
  VenueAmendAck,
  DecreaseOrderRequest,
  VenueDecreaseAck,
  VenueErrorInfo,
  BatchItemResult,
  VenueOrderGroup,
  VenueBucketLimit,
  VenueAccountLimits,
  VenueEndpointCost,
  VenueEndpointCosts,
} from './types.js';
