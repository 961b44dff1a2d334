/**
 * Batched V2 create and cancel. The venue answers 201/200 overall with a per-item result: each
 * item is either an `error` or a full ack. An item that is neither (no error, no order id) is a
 * per-item rejection, as for a single create; a malformed ack is a contract error for the batch.
 */
import type { CallOptions, EndpointContext } from './endpoint-context.js';
import { createOrderBody } from './order-endpoints.js';
import {
  BatchCancelResponse,
  BatchCreateResponse,
  CancelOrderResponse,
  CreateOrderResponse,
} from './order-schemas.js';
import type { BatchItemResult, CreateOrderRequest, VenueCancelAck, VenueOrderAck } from './types.js';
import { isMissingOrderId } from './missing-order-id.js';
import { KalshiRequestError } from './request-error.js';

export async function batchCreateOrders(
  ctx: EndpointContext,
  requests: readonly CreateOrderRequest[],
  o?: CallOptions,
): Promise<BatchItemResult<VenueOrderAck>[]> {
  const endpoint = 'POST /portfolio/events/orders/batched';
  const response = await ctx.raw(
    {
      method: 'POST',
      template: '/portfolio/events/orders/batched',
      body: { orders: requests.map(createOrderBody) },
      itemCount: requests.length,
      priority: 'order',
    },
    o,
  );
  const parsed = ctx.parse(BatchCreateResponse, response);
  checkItemCount(endpoint, parsed.orders.length, requests.length, ctx);
  return parsed.orders.map((item, i): BatchItemResult<VenueOrderAck> => {
    const clientOrderId = item.client_order_id ?? requests[i]?.clientOrderId;
    if (item.error !== undefined) {
      return { isOk: false, error: item.error, clientOrderId, orderId: stringOrUndefined(item.order_id) };
    }
    if (isMissingOrderId(item)) {
      ctx.contract.reportViolation({
        source: 'rest',
        where: endpoint,
        field: `orders[${i}].order_id`,
        message: 'item without order id or error',
      });
      const error = {
        code: 'missing_order_id',
        message: 'accepted without an order id; treated as not placed',
        details: undefined,
      };
      return { isOk: false, error, clientOrderId, orderId: undefined };
    }
    const value = ctx.parse(CreateOrderResponse, { ...response, body: item, endpoint });
    return { isOk: true, value };
  });
}

/** Cancels several orders in one request (2 tokens per item on Kalshi). */
export async function batchCancelOrders(
  ctx: EndpointContext,
  orders: readonly { orderId: string; ticker?: string }[],
  o?: CallOptions,
): Promise<BatchItemResult<VenueCancelAck>[]> {
  const endpoint = 'DELETE /portfolio/events/orders/batched';
  const body = {
    orders: orders.map((order) => ({
      order_id: order.orderId,
      ...(order.ticker === undefined ? {} : { market_ticker: order.ticker }),
    })),
  };
  const response = await ctx.raw(
    {
      method: 'DELETE',
      template: '/portfolio/events/orders/batched',
      body,
      itemCount: orders.length,
      priority: 'cancel',
    },
    o,
  );
  const parsed = ctx.parse(BatchCancelResponse, response);
  checkItemCount(endpoint, parsed.orders.length, orders.length, ctx);
  return parsed.orders.map((item, i): BatchItemResult<VenueCancelAck> => {
    if (item.error !== undefined) {
      const orderId = stringOrUndefined(item.order_id) ?? orders[i]?.orderId;
      return { isOk: false, error: item.error, clientOrderId: item.client_order_id, orderId };
    }
    return { isOk: true, value: ctx.parse(CancelOrderResponse, { ...response, body: item, endpoint }) };
  });
}

/** Results are matched to requests by position, so a short or long answer is a contract break. */
function checkItemCount(endpoint: string, got: number, sent: number, ctx: EndpointContext): void {
  if (got === sent) return;
  const message = `answered ${got} items for ${sent} sent`;
  ctx.contract.reportViolation({ source: 'rest', where: endpoint, field: 'orders', message });
  throw new KalshiRequestError({
    kind: 'contract',
    endpoint,
    httpStatus: undefined,
    venueCode: undefined,
    venueMessage: undefined,
    field: 'orders',
    message: `${endpoint}: ${message}`,
  });
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
