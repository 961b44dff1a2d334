import { Hono } from 'hono';
import {
  AmendOrderRequest,
  CANCEL_ALL_PATH,
  ORDERS_PATH,
  OrderId,
  PlaceOrderRequest,
  validationErrorBody,
  type CancelAllResponse,
  type OrderList,
  type OrderResponse,
} from '@pt/protocol';
import type { Denial, ExecutionService } from '../../execution/index.js';
import { AgentError } from '../../lib/errors.js';
import type { ApiEnv } from '../api-env.js';
import { parseJsonBody } from '../guard/json-body.js';

export interface OrdersRoutesDeps {
  /** The current environment's execution road; throws VENUE_UNAVAILABLE (503) when there is none. */
  execution: () => Pick<ExecutionService, 'place' | 'list' | 'cancel' | 'amend' | 'cancelAll'>;
}

/**
 * The manual ticket (protected): `POST /v1/orders` places (201; 200 with the existing order for a
 * repeated clientOrderId), `GET /v1/orders` lists ours (working first), `DELETE /v1/orders/:orderId`
 * cancels, `PATCH /v1/orders/:orderId` amends (through risk again), `POST /v1/orders/cancel-all`.
 * A denial is 422 RISK_DENIED with `details { rule, detail }` (409 TRADING_HALTED while halted).
 */
export function ordersRoutes(deps: OrdersRoutesDeps): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get(ORDERS_PATH, (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ orders: deps.execution().list() } satisfies OrderList);
    })
    .post(CANCEL_ALL_PATH, async (c) => {
      const execution = deps.execution();
      const result = await execution.cancelAll();
      c.header('Cache-Control', 'no-store');
      return c.json({ canceled: result.canceled, unknown: result.unknown } satisfies CancelAllResponse);
    })
    .post(ORDERS_PATH, async (c) => {
      const request = await parseJsonBody(c, PlaceOrderRequest);
      const result = await deps.execution().place(request, { kind: 'manual' });
      if (result.kind === 'denied') throw denialError(result.denial);
      c.header('Cache-Control', 'no-store');
      return c.json({ order: result.order } satisfies OrderResponse, result.isExisting ? 200 : 201);
    })
    .delete(`${ORDERS_PATH}/:orderId`, async (c) => {
      const orderId = parseOrderId(c.req.param('orderId'));
      const order = await deps.execution().cancel(orderId);
      c.header('Cache-Control', 'no-store');
      return c.json({ order } satisfies OrderResponse);
    })
    .patch(`${ORDERS_PATH}/:orderId`, async (c) => {
      const orderId = parseOrderId(c.req.param('orderId'));
      const change = await parseJsonBody(c, AmendOrderRequest);
      const result = await deps.execution().amend(orderId, change);
      if (result.kind === 'denied') throw denialError(result.denial);
      c.header('Cache-Control', 'no-store');
      return c.json({ order: result.order } satisfies OrderResponse);
    });
}

function parseOrderId(raw: string): OrderId {
  const parsed = OrderId.safeParse(raw);
  if (parsed.success) return parsed.data;
  const body = validationErrorBody(parsed.error);
  throw new AgentError(
    body.code,
    `orderId: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    {},
    {
      ...body.details,
      field: 'orderId',
    },
  );
}

/** A halt is 409 TRADING_HALTED (cancels still work); every other rule is 422 RISK_DENIED. */
export function denialError(denial: Denial): AgentError {
  const details = { rule: denial.rule, detail: denial.detail };
  return denial.rule === 'TRADING_HALTED'
    ? new AgentError('TRADING_HALTED', denial.detail, { retryable: true }, details)
    : new AgentError('RISK_DENIED', denial.detail, {}, details);
}
