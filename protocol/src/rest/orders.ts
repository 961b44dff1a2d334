import { z } from 'zod';
import { Order, OrderSide, TimeInForce } from '../domain/order.js';
import { ClientOrderId, MarketTicker, OrderId } from '../ids.js';
import { CountE2Schema, PriceE4Schema } from '../money-schemas.js';

/**
 * Manual orders from the PWA: `POST /v1/orders` (place), `GET /v1/orders` (ours, working first),
 * `DELETE /v1/orders/:orderId` (cancel), `PATCH /v1/orders/:orderId` (amend),
 * `POST /v1/orders/cancel-all`. Every order takes the one road: risk → ledger → limiter → venue.
 */
export const ORDERS_PATH = '/v1/orders';
export const CANCEL_ALL_PATH = '/v1/orders/cancel-all';

/** Fat-finger guard: the farthest a limit may sit from the book's mid, in 1/10,000 $ (default 0.10). */
export const MaxSlippageE4 = z.int().min(0).max(9_999);

export const PlaceOrderRequest = z.strictObject({
  ticker: MarketTicker,
  /** YES-book side: `bid` buys YES at `priceE4`, `ask` sells YES (≡ buys NO at 1 − price). */
  side: OrderSide,
  priceE4: PriceE4Schema,
  countE2: CountE2Schema.refine((count) => count > 0, 'an order has a positive count'),
  timeInForce: TimeInForce,
  /**
   * Optional idempotency key chosen by the client before sending: the same key twice places one
   * order (a double click, a retried request). The agent generates one when absent.
   */
  clientOrderId: ClientOrderId.optional(),
  /** Override of the fat-finger guard for this order; absent = the risk setting. */
  maxSlippageE4: MaxSlippageE4.optional(),
  /** Only accept if it shrinks the position (never opens or flips). */
  reduceOnly: z.boolean().optional(),
});
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequest>;

export const AmendOrderRequest = z
  .strictObject({
    priceE4: PriceE4Schema.optional(),
    /** New total count (filled + remaining), as Kalshi's amend takes it. */
    countE2: CountE2Schema.optional(),
  })
  .refine((body) => body.priceE4 !== undefined || body.countE2 !== undefined, {
    message: 'give a new priceE4, countE2 or both',
    path: ['priceE4'],
  });
export type AmendOrderRequest = z.infer<typeof AmendOrderRequest>;

export const OrderResponse = z.strictObject({ order: Order });
export type OrderResponse = z.infer<typeof OrderResponse>;

export const OrderList = z.strictObject({ orders: z.array(Order) });
export type OrderList = z.infer<typeof OrderList>;

export const CancelAllResponse = z.strictObject({
  /** Orders the venue confirmed canceled. */
  canceled: z.array(OrderId),
  /** Orders whose cancel outcome is unknown (reconciling); never reported as canceled. */
  unknown: z.array(OrderId),
});
export type CancelAllResponse = z.infer<typeof CancelAllResponse>;
