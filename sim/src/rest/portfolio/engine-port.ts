import type { Exchange } from '../../engine/index.js';
import type { AuthContext } from '../../auth/middleware.js';
import type { ExchangeSchedule } from '../../exchange/schedule.js';

/** The engine operations the portfolio routes use (a slice of S1's `Exchange`). */
export type PortfolioEngine = Pick<
  Exchange,
  | 'placeOrder'
  | 'cancelOrder'
  | 'cancelAll'
  | 'amendOrder'
  | 'decreaseOrder'
  | 'getOrder'
  | 'listOrders'
  | 'listFills'
  | 'positions'
  | 'settlements'
  | 'balance'
  | 'getMarket'
  | 'createOrderGroup'
  | 'getOrderGroup'
  | 'listOrderGroups'
  | 'triggerOrderGroup'
  | 'resetOrderGroup'
  | 'updateOrderGroupLimit'
  | 'deleteOrderGroup'
  | 'setTradingPaused'
  | 'queuePosition'
>;

export interface PortfolioContext extends AuthContext {
  exchange: PortfolioEngine;
  schedule: ExchangeSchedule;
}
