import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../../auth/middleware.js';
import { kalshiError } from '../../lib/errors.js';
import type { PortfolioContext } from './engine-port.js';
import { parseQuery } from './errors.js';
import {
  toWireBalance,
  toWireEventPositions,
  toWireFill,
  toWireMarketPosition,
  toWireOrder,
  toWireSettlement,
} from './mappers.js';
import { decodeCursor, PageQuery, paginate } from './pagination.js';

const unixSeconds = z.coerce.number().int().min(0).optional();
const OrdersQuery = PageQuery.extend({
  ticker: z.string().optional(),
  event_ticker: z.string().optional(),
  status: z.enum(['resting', 'canceled', 'executed']).optional(),
  min_ts: unixSeconds,
  max_ts: unixSeconds,
  subaccount: z.coerce.number().int().optional(),
});
const FillsQuery = PageQuery.extend({
  ticker: z.string().optional(),
  order_id: z.string().optional(),
  min_ts: unixSeconds,
  max_ts: unixSeconds,
});
const SettlementsQuery = PageQuery.extend({
  ticker: z.string().optional(),
  event_ticker: z.string().optional(),
  min_ts: unixSeconds,
  max_ts: unixSeconds,
});
const PositionsQuery = PageQuery.extend({
  ticker: z.string().optional(),
  event_ticker: z.string().optional(),
  count_filter: z.string().optional(),
});

const inRange = (ms: number, q: { min_ts?: number | undefined; max_ts?: number | undefined }) =>
  (q.min_ts === undefined || ms >= q.min_ts * 1000) && (q.max_ts === undefined || ms <= q.max_ts * 1000);

/** Splits Kalshi's comma lists (`event_ticker=A,B`). */
const listOf = (value: string | undefined) => (value === undefined ? undefined : new Set(value.split(',')));

function pageOrError<T>(c: Context, items: readonly T[], q: { cursor?: string | undefined; limit: number }) {
  const offset = decodeCursor(q.cursor);
  if (offset === undefined)
    return {
      response: kalshiError(c, 400, 'bad_request', 'bad request', 'cursor: unknown cursor'),
    };
  return { page: paginate(items, offset, q.limit) };
}

/** Portfolio reads: balance, positions, orders, fills, settlements. Newest first where timed. */
export function readRoutes(ctx: PortfolioContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const eventOf = (ticker: string) => ctx.exchange.getMarket(ticker)?.eventTicker ?? '';

  app.get('/portfolio/balance', (c) =>
    c.json(toWireBalance(ctx.exchange.balance(c.get('userId')), ctx.clock.nowMs())),
  );

  app.get('/portfolio/positions', (c) => {
    const q = parseQuery(c, PositionsQuery, c.req.query());
    if (!q.isOk) return q.response;
    const filters = new Set((q.data.count_filter ?? '').split(',').filter(Boolean));
    const events = listOf(q.data.event_ticker);
    const positions = ctx.exchange
      .positions(c.get('userId'))
      .filter((p) => q.data.ticker === undefined || p.ticker === q.data.ticker)
      .filter((p) => events === undefined || events.has(eventOf(p.ticker)))
      .filter((p) => !filters.has('position') || p.positionE2 !== 0)
      .filter((p) => !filters.has('total_traded') || p.totalTradedE6 !== 0)
      .sort((a, b) => a.ticker.localeCompare(b.ticker));
    const paged = pageOrError(c, positions, q.data);
    if (!paged.page) return paged.response;
    return c.json({
      cursor: paged.page.cursor,
      market_positions: paged.page.page.map(toWireMarketPosition),
      event_positions: toWireEventPositions(positions, eventOf),
    });
  });

  app.get('/portfolio/orders', (c) => {
    const q = parseQuery(c, OrdersQuery, c.req.query());
    if (!q.isOk) return q.response;
    const events = listOf(q.data.event_ticker);
    const orders = ctx.exchange
      .listOrders(c.get('userId'), {
        ...(q.data.ticker === undefined ? {} : { ticker: q.data.ticker }),
        ...(q.data.status === undefined ? {} : { status: q.data.status }),
      })
      .filter((o) => events === undefined || events.has(eventOf(o.ticker)))
      .filter((o) => q.data.subaccount === undefined || o.subaccount === q.data.subaccount)
      .filter((o) => inRange(o.createdTimeMs, q.data))
      .sort((a, b) => b.createdTimeMs - a.createdTimeMs || b.orderId.localeCompare(a.orderId));
    const paged = pageOrError(c, orders, q.data);
    if (!paged.page) return paged.response;
    return c.json({ orders: paged.page.page.map(toWireOrder), cursor: paged.page.cursor });
  });

  app.get('/portfolio/orders/:order_id', (c) => {
    const order = ctx.exchange.getOrder(c.get('userId'), c.req.param('order_id'));
    if (!order) return kalshiError(c, 404, 'order_not_found', 'order not found', 'order_id: no such order');
    return c.json({ order: toWireOrder(order) });
  });

  app.get('/portfolio/fills', (c) => {
    const q = parseQuery(c, FillsQuery, c.req.query());
    if (!q.isOk) return q.response;
    const fills = ctx.exchange
      .listFills(c.get('userId'), {
        ...(q.data.ticker === undefined ? {} : { ticker: q.data.ticker }),
        ...(q.data.order_id === undefined ? {} : { orderId: q.data.order_id }),
      })
      .filter((f) => inRange(f.createdTimeMs, q.data))
      .sort((a, b) => b.createdTimeMs - a.createdTimeMs || b.fillId.localeCompare(a.fillId));
    const paged = pageOrError(c, fills, q.data);
    if (!paged.page) return paged.response;
    return c.json({ fills: paged.page.page.map(toWireFill), cursor: paged.page.cursor });
  });

  app.get('/portfolio/settlements', (c) => {
    const q = parseQuery(c, SettlementsQuery, c.req.query());
    if (!q.isOk) return q.response;
    const events = listOf(q.data.event_ticker);
    const settlements = ctx.exchange
      .settlements(c.get('userId'))
      .filter((s) => q.data.ticker === undefined || s.ticker === q.data.ticker)
      .filter((s) => events === undefined || events.has(s.eventTicker))
      .filter((s) => inRange(s.settledTimeMs, q.data))
      .sort((a, b) => b.settledTimeMs - a.settledTimeMs || a.ticker.localeCompare(b.ticker));
    const paged = pageOrError(c, settlements, q.data);
    if (!paged.page) return paged.response;
    return c.json({ settlements: paged.page.page.map(toWireSettlement), cursor: paged.page.cursor });
  });

  return app;
}
