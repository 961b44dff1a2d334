/** Authenticated portfolio reads: balance, positions, orders, fills, settlements. */
import type { CallOptions, EndpointContext } from './endpoint-context.js';
import {
  BalanceResponse,
  FillsResponse,
  OrderResponse,
  OrdersResponse,
  PositionsResponse,
  SettlementsResponse,
} from './portfolio-schemas.js';
import type {
  FillsQuery,
  OrdersQuery,
  Page,
  PositionsQuery,
  SettlementsQuery,
  VenueBalance,
  VenueFill,
  VenueOrder,
  VenuePositionsPage,
  VenueSettlement,
} from './types.js';

const read = { method: 'GET', priority: 'read' } as const;

export function getBalance(ctx: EndpointContext, o?: CallOptions): Promise<VenueBalance> {
  return ctx.call(BalanceResponse, { ...read, template: '/portfolio/balance' }, o);
}

export function getPositions(
  ctx: EndpointContext,
  q: PositionsQuery,
  o?: CallOptions,
): Promise<VenuePositionsPage> {
  const query = { limit: q.limit, cursor: q.cursor, ticker: q.ticker, event_ticker: q.eventTicker };
  return ctx.call(PositionsResponse, { ...read, template: '/portfolio/positions', query }, o);
}

export async function getOrders(
  ctx: EndpointContext,
  q: OrdersQuery,
  o?: CallOptions,
): Promise<Page<VenueOrder>> {
  const query = {
    limit: q.limit,
    cursor: q.cursor,
    ticker: q.ticker,
    event_ticker: q.eventTicker,
    status: q.status,
    min_ts: q.minTsSec,
    max_ts: q.maxTsSec,
  };
  const r = await ctx.call(OrdersResponse, { ...read, template: '/portfolio/orders', query }, o);
  return { items: r.orders, cursor: r.cursor };
}

export async function getOrder(ctx: EndpointContext, orderId: string, o?: CallOptions): Promise<VenueOrder> {
  const params = { order_id: orderId };
  const r = await ctx.call(OrderResponse, { ...read, template: '/portfolio/orders/:order_id', params }, o);
  return r.order;
}

export async function getFills(
  ctx: EndpointContext,
  q: FillsQuery,
  o?: CallOptions,
): Promise<Page<VenueFill>> {
  const query = {
    limit: q.limit,
    cursor: q.cursor,
    ticker: q.ticker,
    order_id: q.orderId,
    min_ts: q.minTsSec,
    max_ts: q.maxTsSec,
  };
  const r = await ctx.call(FillsResponse, { ...read, template: '/portfolio/fills', query }, o);
  return { items: r.fills, cursor: r.cursor };
}

export async function getSettlements(
  ctx: EndpointContext,
  q: SettlementsQuery,
  o?: CallOptions,
): Promise<Page<VenueSettlement>> {
  const query = { limit: q.limit, cursor: q.cursor, ticker: q.ticker, event_ticker: q.eventTicker };
  const r = await ctx.call(SettlementsResponse, { ...read, template: '/portfolio/settlements', query }, o);
  return { items: r.settlements, cursor: r.cursor };
}
