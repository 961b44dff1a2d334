import { Hono } from 'hono';
import type { AuthEnv } from '../../auth/middleware.js';
import { kalshiError } from '../../lib/errors.js';
import { fpE2 } from '../../lib/format.js';
import type { PortfolioContext } from './engine-port.js';
import { engineErrorResponse, parseJsonBody } from './errors.js';
import { EXCHANGE_INDEX, toWireOrderGroup } from './mappers.js';
import { contractsLimitE2, CreateOrderGroupBody, UpdateOrderGroupLimitBody } from './request-schemas.js';

/**
 * Order groups (TS OrderGroupsApi): create 201; get/list/delete/reset/trigger/limit 200, the
 * mutations answering an empty object. The rolling 15 s limit itself is enforced by the engine.
 */
export function orderGroupRoutes(ctx: PortfolioContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.post('/portfolio/order_groups/create', async (c) => {
    const parsed = await parseJsonBody(c, CreateOrderGroupBody);
    if (!parsed.isOk) return parsed.response;
    const result = ctx.exchange.createOrderGroup(c.get('userId'), contractsLimitE2(parsed.data));
    if (!result.ok) return engineErrorResponse(c, result.error);
    return c.json(
      {
        order_group_id: result.group.orderGroupId,
        subaccount: parsed.data.subaccount ?? 0,
        exchange_index: EXCHANGE_INDEX,
      },
      201,
    );
  });

  app.get('/portfolio/order_groups', (c) =>
    c.json({
      order_groups: ctx.exchange.listOrderGroups(c.get('userId')).map((group) => ({
        id: group.orderGroupId,
        contracts_limit_fp: fpE2(group.contractsLimitE2),
        is_auto_cancel_enabled: true,
        exchange_index: EXCHANGE_INDEX,
      })),
    }),
  );

  app.get('/portfolio/order_groups/:order_group_id', (c) => {
    const group = ctx.exchange.getOrderGroup(c.get('userId'), c.req.param('order_group_id'));
    if (!group)
      return kalshiError(
        c,
        404,
        'order_group_not_found',
        'order group not found',
        'order_group_id: no such order group',
      );
    return c.json(toWireOrderGroup(group));
  });

  app.delete('/portfolio/order_groups/:order_group_id', (c) => {
    const result = ctx.exchange.deleteOrderGroup(c.get('userId'), c.req.param('order_group_id'));
    return result.ok ? c.json({}) : engineErrorResponse(c, result.error);
  });

  app.put('/portfolio/order_groups/:order_group_id/reset', (c) => {
    const result = ctx.exchange.resetOrderGroup(c.get('userId'), c.req.param('order_group_id'));
    return result.ok ? c.json({}) : engineErrorResponse(c, result.error);
  });

  app.put('/portfolio/order_groups/:order_group_id/trigger', (c) => {
    const result = ctx.exchange.triggerOrderGroup(c.get('userId'), c.req.param('order_group_id'));
    return result.ok ? c.json({}) : engineErrorResponse(c, result.error);
  });

  app.put('/portfolio/order_groups/:order_group_id/limit', async (c) => {
    const parsed = await parseJsonBody(c, UpdateOrderGroupLimitBody);
    if (!parsed.isOk) return parsed.response;
    const result = ctx.exchange.updateOrderGroupLimit(
      c.get('userId'),
      c.req.param('order_group_id'),
      contractsLimitE2(parsed.data),
    );
    return result.ok ? c.json({}) : engineErrorResponse(c, result.error);
  });

  return app;
}
