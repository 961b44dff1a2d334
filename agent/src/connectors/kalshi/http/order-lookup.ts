/**
 * Finding our own order by client_order_id: after a 409 duplicate on create, and for the
 * reconciliation of writes whose outcome is unknown. The venue has no client_order_id filter.
 */
import type { CallOptions, EndpointContext } from './endpoint-context.js';
import { paginate } from './paginate.js';
import { getOrders } from './portfolio-endpoints.js';
import { KalshiRequestError } from './request-error.js';
import type { CreateOrderRequest, VenueOrder, VenueOrderAck } from './types.js';

/** Kalshi's code for a duplicate client_order_id (observed with HTTP 409). */
export const DUPLICATE_CLIENT_ORDER_ID = 'order_already_exists';

export async function ackFromDuplicate(
  ctx: EndpointContext,
  req: CreateOrderRequest,
  o?: CallOptions,
): Promise<VenueOrderAck> {
  ctx.logger.info(
    { ticker: req.ticker, clientOrderId: req.clientOrderId },
    'duplicate client_order_id: looking the order up',
  );
  const order = await findOrderByClientOrderId(ctx, req.ticker, req.clientOrderId, o);
  if (order === undefined) {
    // The venue says it exists but its read path does not show it yet: only reconciliation can tell.
    throw new KalshiRequestError({
      kind: 'outcome_unknown',
      endpoint: 'POST /portfolio/events/orders',
      httpStatus: 409,
      venueCode: DUPLICATE_CLIENT_ORDER_ID,
      venueMessage: undefined,
      message: `client_order_id ${req.clientOrderId} already exists but is not listed yet`,
    });
  }
  return {
    orderId: order.orderId,
    clientOrderId: order.clientOrderId,
    fillCountE2: order.fillCountE2,
    remainingCountE2: order.remainingCountE2,
    tsMs: order.lastUpdateAtMs,
    isFromDuplicateLookup: true,
  };
}

/**
 * Finds an order by our client_order_id among the market's orders (any status). The venue has no
 * client_order_id filter, so the market's orders are paged through; `minTsSec` narrows the scan.
 */
export async function findOrderByClientOrderId(
  ctx: EndpointContext,
  ticker: string,
  clientOrderId: string,
  o?: CallOptions & { minTsSec?: number },
): Promise<VenueOrder | undefined> {
  const pages = paginate(
    (cursor) =>
      getOrders(
        ctx,
        {
          ticker,
          limit: 1000,
          ...(cursor === undefined ? {} : { cursor }),
          ...(o?.minTsSec === undefined ? {} : { minTsSec: o.minTsSec }),
        },
        o,
      ),
    { endpoint: 'GET /portfolio/orders' },
  );
  for await (const orders of pages) {
    const match = orders.find((order) => order.clientOrderId === clientOrderId);
    if (match !== undefined) return match;
  }
  return undefined;
}
