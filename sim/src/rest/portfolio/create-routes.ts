import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AuthEnv } from '../../auth/middleware.js';
import { fpE2 } from '../../lib/format.js';
import type { PortfolioContext } from './engine-port.js';
import {
  parseJsonBody,
  requestErrorFromIssues,
  requestErrorResponse,
  type KalshiErrorObject,
} from './errors.js';
import { fillAverages } from './mappers.js';
import { clientIdField, toPlaceRequest } from './order-routes.js';
import { BatchCancelBody, BatchCreateBody, CancelItem, CreateOrderBody } from './request-schemas.js';

type CreateOutcome =
  | { isOk: true; body: Record<string, unknown> }
  | { isOk: false; status: 400 | 404 | 409; error: KalshiErrorObject; isTopLevelBadRequest: boolean };

/** Validates and places one V2 create body; shared by the single and the batched endpoint. */
function createOne(ctx: PortfolioContext, userId: string, raw: unknown): CreateOutcome {
  const parsed = CreateOrderBody.safeParse(raw);
  if (!parsed.success) {
    const err = requestErrorFromIssues(parsed.error.issues, raw);
    return {
      isOk: false,
      status: err.status,
      error: err.error,
      isTopLevelBadRequest: err.isTopLevelBadRequest,
    };
  }
  const nowMs = ctx.clock.nowMs();
  const place = toPlaceRequest(parsed.data, nowMs);
  if (!place.isOk) return { isOk: false, status: 400, error: place.error, isTopLevelBadRequest: false };
  const result = ctx.exchange.placeOrder(userId, place.req);
  if (!result.ok) {
    const { code, message, details, httpStatus } = result.error;
    return {
      isOk: false,
      status: httpStatus,
      error: { code, message, details },
      isTopLevelBadRequest: false,
    };
  }
  return {
    isOk: true,
    body: {
      order_id: result.order.orderId,
      ...clientIdField(result.order.clientOrderId),
      fill_count: fpE2(result.order.fillCountE2),
      // For IOC/FOK the order is already final, so this is 0 unless it rests (GTC).
      remaining_count: fpE2(result.order.remainingCountE2),
      ...fillAverages(result.fills),
      ts_ms: nowMs,
    },
  };
}

function itemError(c: Context, outcome: Extract<CreateOutcome, { isOk: false }>): Response {
  if (outcome.isTopLevelBadRequest) {
    return requestErrorResponse(c, { isTopLevelBadRequest: true, status: 400, error: outcome.error });
  }
  return c.json({ error: outcome.error }, outcome.status);
}

/** V2 create (single and batched), batched cancel and cancel-all. */
export function createRoutes(ctx: PortfolioContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.post('/portfolio/events/orders/batched', async (c) => {
    const parsed = await parseJsonBody(c, BatchCreateBody);
    if (!parsed.isOk) return parsed.response;
    const userId = c.get('userId');
    const orders = parsed.data.orders.map((raw) => {
      const outcome = createOne(ctx, userId, raw);
      // Inside batches `details` is always present ("" if nothing), per kalshi-api.md §3.1.
      return outcome.isOk ? outcome.body : { error: outcome.error };
    });
    return c.json({ orders }, 201);
  });

  app.delete('/portfolio/events/orders/batched', async (c) => {
    const parsed = await parseJsonBody(c, BatchCancelBody);
    if (!parsed.isOk) return parsed.response;
    const userId = c.get('userId');
    const orders = parsed.data.orders.map((raw) => {
      const item = CancelItem.safeParse(raw);
      const orderId =
        typeof raw === 'object' && raw !== null && 'order_id' in raw ? String(raw.order_id) : '';
      if (!item.success) {
        return {
          order_id: orderId,
          reduced_by: fpE2(0),
          error: requestErrorFromIssues(item.error.issues, raw).error,
        };
      }
      const existing = ctx.exchange.getOrder(userId, item.data.order_id);
      if (existing && item.data.market_ticker !== undefined && item.data.market_ticker !== existing.ticker) {
        const error = {
          code: 'order_ticker_mismatch',
          message: 'order ticker mismatch',
          details: `market_ticker: order is on ${existing.ticker}`,
        };
        return { order_id: orderId, reduced_by: fpE2(0), error };
      }
      const result = ctx.exchange.cancelOrder(userId, item.data.order_id);
      if (!result.ok) {
        const { code, message, details } = result.error;
        return { order_id: orderId, reduced_by: fpE2(0), error: { code, message, details } };
      }
      return {
        order_id: result.order.orderId,
        ...clientIdField(result.order.clientOrderId),
        reduced_by: fpE2(result.reducedByE2),
        ts_ms: ctx.clock.nowMs(),
      };
    });
    return c.json({ orders });
  });

  app.post('/portfolio/events/orders', async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return requestErrorResponse(c, {
        isTopLevelBadRequest: true,
        status: 400,
        error: { code: 'bad_request', message: 'bad request', details: 'request body is not valid JSON' },
      });
    }
    const outcome = createOne(ctx, c.get('userId'), raw);
    if (!outcome.isOk) return itemError(c, outcome);
    return c.json(outcome.body, 201);
  });

  // Cancel-all: every resting order of the user (all shards — the sim has one) → 204, no body.
  app.delete('/portfolio/events/orders', (c) => {
    ctx.exchange.cancelAll(c.get('userId'));
    return c.body(null, 204);
  });

  return app;
}
