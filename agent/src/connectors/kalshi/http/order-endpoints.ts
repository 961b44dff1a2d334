/**
 * V2 order writes under `/portfolio/events/orders` (the legacy `/portfolio/orders` mutations are
 * gone). Two venue behaviours are handled here rather than in the caller:
 * - a 2xx create without an order id is a REJECTION (never a pending order);
 * - a 409 duplicate client_order_id means our earlier attempt got through: the order is looked
 *   up by client_order_id (order-lookup.ts) and returned instead of failing.
 */
import { formatCountFp, formatPriceDollars } from '@pt/protocol';
import type { CallOptions, EndpointContext } from './endpoint-context.js';
import {
  AmendOrderResponse,
  CancelOrderResponse,
  CreateOrderResponse,
  DecreaseOrderResponse,
} from './order-schemas.js';
import { DUPLICATE_CLIENT_ORDER_ID, ackFromDuplicate } from './order-lookup.js';
import { KalshiRequestError, isKalshiRequestError } from './request-error.js';
import type {
  AmendOrderRequest,
  CreateOrderRequest,
  DecreaseOrderRequest,
  VenueAmendAck,
  VenueCancelAck,
  VenueDecreaseAck,
  VenueOrderAck,
} from './types.js';
import { isMissingOrderId } from './missing-order-id.js';

/** The V2 create body: prices and counts as the venue's fixed-point strings. */
export function createOrderBody(req: CreateOrderRequest): Record<string, unknown> {
  return {
    ticker: req.ticker,
    client_order_id: req.clientOrderId,
    side: req.side,
    count: formatCountFp(req.countE2),
    price: formatPriceDollars(req.priceE4),
    time_in_force: req.timeInForce,
    self_trade_prevention_type: req.selfTradePrevention,
    ...(req.isPostOnly === undefined ? {} : { post_only: req.isPostOnly }),
    ...(req.isReduceOnly === undefined ? {} : { reduce_only: req.isReduceOnly }),
    ...(req.isCancelledOnPause === undefined ? {} : { cancel_order_on_pause: req.isCancelledOnPause }),
    ...(req.expiresAtMs === undefined ? {} : { expiration_time: Math.floor(req.expiresAtMs / 1000) }),
    ...(req.orderGroupId === undefined ? {} : { order_group_id: req.orderGroupId }),
    ...(req.subaccount === undefined ? {} : { subaccount: req.subaccount }),
  };
}

export async function createOrder(
  ctx: EndpointContext,
  req: CreateOrderRequest,
  o?: CallOptions,
): Promise<VenueOrderAck> {
  const endpoint = 'POST /portfolio/events/orders';
  let response;
  try {
    response = await ctx.raw(
      { method: 'POST', template: '/portfolio/events/orders', body: createOrderBody(req), priority: 'order' },
      o,
    );
  } catch (error) {
    if (
      isKalshiRequestError(error) &&
      error.httpStatus === 409 &&
      error.venueCode === DUPLICATE_CLIENT_ORDER_ID
    ) {
      return ackFromDuplicate(ctx, req, o);
    }
    throw error;
  }
  if (isMissingOrderId(response.body)) {
    ctx.contract.reportViolation({
      source: 'rest',
      where: endpoint,
      field: 'order_id',
      message: `HTTP ${response.status} create answered without an order id`,
    });
    throw new KalshiRequestError({
      kind: 'rejection',
      endpoint,
      httpStatus: response.status,
      venueCode: undefined,
      venueMessage: undefined,
      field: 'order_id',
      message: `${endpoint}: HTTP ${response.status} without an order id; treated as not placed`,
    });
  }
  return ctx.parse(CreateOrderResponse, response);
}

/** `ticker` enables the venue's auto-routing to the market's shard. */
export function cancelOrder(
  ctx: EndpointContext,
  orderId: string,
  ticker: string | undefined,
  o?: CallOptions,
): Promise<VenueCancelAck> {
  const request = {
    method: 'DELETE',
    template: '/portfolio/events/orders/:order_id',
    params: { order_id: orderId },
    query: { market_ticker: ticker },
    priority: 'cancel',
  } as const;
  return ctx.call(CancelOrderResponse, request, o);
}

export function amendOrder(
  ctx: EndpointContext,
  orderId: string,
  req: AmendOrderRequest,
  o?: CallOptions,
): Promise<VenueAmendAck> {
  const body = {
    ticker: req.ticker,
    side: req.side,
    price: formatPriceDollars(req.priceE4),
    count: formatCountFp(req.countE2),
    ...(req.clientOrderId === undefined ? {} : { client_order_id: req.clientOrderId }),
    ...(req.updatedClientOrderId === undefined ? {} : { updated_client_order_id: req.updatedClientOrderId }),
  };
  const request = {
    method: 'POST',
    template: '/portfolio/events/orders/:order_id/amend',
    params: { order_id: orderId },
    body,
    priority: 'order',
  } as const;
  return ctx.call(AmendOrderResponse, request, o);
}

/** Decreasing is risk-reducing, so it goes with cancels. */
export function decreaseOrder(
  ctx: EndpointContext,
  orderId: string,
  req: DecreaseOrderRequest,
  o?: CallOptions,
): Promise<VenueDecreaseAck> {
  const body =
    req.reduceByE2 !== undefined
      ? { reduce_by: formatCountFp(req.reduceByE2) }
      : { reduce_to: formatCountFp(req.reduceToE2) };
  const request = {
    method: 'POST',
    template: '/portfolio/events/orders/:order_id/decrease',
    params: { order_id: orderId },
    body,
    priority: 'cancel',
  } as const;
  return ctx.call(DecreaseOrderResponse, request, o);
}

/** Cancels every resting order on every shard (204, no body). */
export async function cancelAllOrders(ctx: EndpointContext, o?: CallOptions): Promise<void> {
  await ctx.raw({ method: 'DELETE', template: '/portfolio/events/orders', priority: 'cancel' }, o);
}
