import { Hono } from 'hono';
import type { AuthEnv } from '../../auth/middleware.js';
import type { PlaceOrderRequest } from '../../engine/index.js';
import { fpE2 } from '../../lib/format.js';
import type { PortfolioContext } from './engine-port.js';
import { engineErrorResponse, parseJsonBody, type KalshiErrorObject } from './errors.js';
import { fillAverages } from './mappers.js';
import { AmendOrderBody, type CreateOrderBody, DecreaseOrderBody } from './request-schemas.js';
import { kalshiError } from '../../lib/errors.js';

const invalidOrder = (details: string): KalshiErrorObject => ({
  code: 'invalid_order',
  message: 'invalid order',
  details,
});

/**
 * Rules the JSON schema cannot express (TS `CreateOrderV2Request`; CL-JUN Nov 21 2025):
 * IOC/FOK cannot expire; an expiration must be in the future; `reduce_only` is only taken with
 * immediate_or_cancel (LIP reports this; UNCONFIRMED, so we take the stricter reading).
 */
export function toPlaceRequest(
  body: CreateOrderBody,
  nowMs: number,
): { isOk: true; req: PlaceOrderRequest } | { isOk: false; error: KalshiErrorObject } {
  if (body.expiration_time !== undefined && body.time_in_force !== 'good_till_canceled') {
    return { isOk: false, error: invalidOrder('expiration_time: only good_till_canceled orders can expire') };
  }
  const expirationTimeMs = body.expiration_time === undefined ? undefined : body.expiration_time * 1000;
  if (expirationTimeMs !== undefined && expirationTimeMs <= nowMs) {
    return { isOk: false, error: invalidOrder('expiration_time: in the past') };
  }
  if (body.reduce_only === true && body.time_in_force !== 'immediate_or_cancel') {
    return { isOk: false, error: invalidOrder('reduce_only: requires time_in_force immediate_or_cancel') };
  }
  const req: PlaceOrderRequest = {
    ticker: body.ticker,
    side: body.side,
    priceE4: body.price,
    countE2: body.count,
    timeInForce: body.time_in_force,
    selfTradePrevention: body.self_trade_prevention_type,
    postOnly: body.post_only ?? false,
    reduceOnly: body.reduce_only ?? false,
    cancelOrderOnPause: body.cancel_order_on_pause ?? false,
    subaccount: body.subaccount ?? 0,
    ...(body.client_order_id === undefined ? {} : { clientOrderId: body.client_order_id }),
    ...(expirationTimeMs === undefined ? {} : { expirationTimeMs }),
    ...(body.order_group_id === undefined ? {} : { orderGroupId: body.order_group_id }),
  };
  return { isOk: true, req };
}

/** `client_order_id` is echoed only when the order has one (it is optional in every V2 response). */
export const clientIdField = (clientOrderId: string) =>
  clientOrderId === '' ? {} : { client_order_id: clientOrderId };

/** Cancel, amend and decrease of one V2 order (create lives with the batch routes). */
export function orderRoutes(ctx: PortfolioContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.delete('/portfolio/events/orders/:order_id', (c) => {
    const userId = c.get('userId');
    const orderId = c.req.param('order_id');
    const marketTicker = c.req.query('market_ticker');
    const existing = ctx.exchange.getOrder(userId, orderId);
    if (existing && marketTicker !== undefined && marketTicker !== existing.ticker) {
      return kalshiError(
        c,
        400,
        'order_ticker_mismatch',
        'order ticker mismatch',
        `market_ticker: order is on ${existing.ticker}`,
      );
    }
    const result = ctx.exchange.cancelOrder(userId, orderId);
    if (!result.ok) return engineErrorResponse(c, result.error);
    return c.json({
      order_id: result.order.orderId,
      ...clientIdField(result.order.clientOrderId),
      reduced_by: fpE2(result.reducedByE2),
      ts_ms: ctx.clock.nowMs(),
    });
  });

  app.post('/portfolio/events/orders/:order_id/amend', async (c) => {
    const parsed = await parseJsonBody(c, AmendOrderBody);
    if (!parsed.isOk) return parsed.response;
    const body = parsed.data;
    const userId = c.get('userId');
    const orderId = c.req.param('order_id');
    const existing = ctx.exchange.getOrder(userId, orderId);
    if (existing && body.client_order_id !== undefined && body.client_order_id !== existing.clientOrderId) {
      return kalshiError(
        c,
        400,
        'order_id_and_client_order_id_mismatch',
        'order id and client order id mismatch',
        'client_order_id: does not belong to order_id',
      );
    }
    const result = ctx.exchange.amendOrder(userId, orderId, {
      ticker: body.ticker,
      side: body.side,
      priceE4: body.price,
      countE2: body.count,
      ...(body.updated_client_order_id === undefined
        ? {}
        : { updatedClientOrderId: body.updated_client_order_id }),
    });
    if (!result.ok) return engineErrorResponse(c, result.error);
    return c.json({
      order_id: result.order.orderId,
      ...clientIdField(result.order.clientOrderId),
      remaining_count: fpE2(result.order.remainingCountE2),
      fill_count: fpE2(result.order.fillCountE2),
      ...fillAverages(result.fills),
      ts_ms: ctx.clock.nowMs(),
    });
  });

  app.post('/portfolio/events/orders/:order_id/decrease', async (c) => {
    const parsed = await parseJsonBody(c, DecreaseOrderBody);
    if (!parsed.isOk) return parsed.response;
    const body = parsed.data;
    const userId = c.get('userId');
    const orderId = c.req.param('order_id');
    const existing = ctx.exchange.getOrder(userId, orderId);
    if (existing && body.market_ticker !== undefined && body.market_ticker !== existing.ticker) {
      return kalshiError(
        c,
        400,
        'order_ticker_mismatch',
        'order ticker mismatch',
        `market_ticker: order is on ${existing.ticker}`,
      );
    }
    const result = ctx.exchange.decreaseOrder(
      userId,
      orderId,
      body.reduce_by !== undefined ? { reduceByE2: body.reduce_by } : { reduceToE2: body.reduce_to ?? 0 },
    );
    if (!result.ok) return engineErrorResponse(c, result.error);
    return c.json({
      order_id: result.order.orderId,
      ...clientIdField(result.order.clientOrderId),
      remaining_count: fpE2(result.order.remainingCountE2),
      ts_ms: ctx.clock.nowMs(),
    });
  });

  return app;
}
