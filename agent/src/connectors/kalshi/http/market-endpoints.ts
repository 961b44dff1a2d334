/** Public market data: exchange status/schedule, markets, events, series, order books, trades. */
import type { MarketTicker } from '@pt/protocol';
import type { EndpointContext, CallOptions } from './endpoint-context.js';
import { ExchangeScheduleResponse, ExchangeStatusResponse } from './account-schemas.js';
import {
  EventResponse,
  EventsResponse,
  MarketResponse,
  MarketsResponse,
  OrderbookResponse,
  OrderbooksResponse,
  SeriesListResponse,
  SeriesResponse,
  TradesResponse,
} from './market-schemas.js';
import type {
  EventsQuery,
  MarketsQuery,
  Page,
  TradesQuery,
  VenueEvent,
  VenueExchangeSchedule,
  VenueExchangeStatus,
  VenueMarket,
  VenueOrderbook,
  VenueSeries,
  VenueTrade,
} from './types.js';

const read = { method: 'GET', priority: 'read' } as const;

export function getExchangeStatus(ctx: EndpointContext, o?: CallOptions): Promise<VenueExchangeStatus> {
  return ctx.call(ExchangeStatusResponse, { ...read, template: '/exchange/status' }, o);
}

export function getExchangeSchedule(ctx: EndpointContext, o?: CallOptions): Promise<VenueExchangeSchedule> {
  return ctx.call(ExchangeScheduleResponse, { ...read, template: '/exchange/schedule' }, o);
}

export async function getMarkets(
  ctx: EndpointContext,
  q: MarketsQuery,
  o?: CallOptions,
): Promise<Page<VenueMarket>> {
  const query = {
    limit: q.limit,
    cursor: q.cursor,
    event_ticker: q.eventTicker,
    series_ticker: q.seriesTicker,
    tickers: q.tickers,
    status: q.status,
    min_close_ts: q.minCloseTsSec,
    max_close_ts: q.maxCloseTsSec,
  };
  const r = await ctx.call(MarketsResponse, { ...read, template: '/markets', query }, o);
  return { items: r.markets, cursor: r.cursor };
}

export async function getMarket(ctx: EndpointContext, ticker: string, o?: CallOptions): Promise<VenueMarket> {
  const r = await ctx.call(MarketResponse, { ...read, template: '/markets/:ticker', params: { ticker } }, o);
  return r.market;
}

export async function getEvents(
  ctx: EndpointContext,
  q: EventsQuery,
  o?: CallOptions,
): Promise<Page<VenueEvent>> {
  const query = {
    limit: q.limit,
    cursor: q.cursor,
    series_ticker: q.seriesTicker,
    status: q.status,
    with_nested_markets: q.withNestedMarkets,
  };
  const r = await ctx.call(EventsResponse, { ...read, template: '/events', query }, o);
  return { items: r.events, cursor: r.cursor };
}

/** `GET /events/{event_ticker}`: the event and its markets (nested if sent, else top-level). */
export async function getEvent(
  ctx: EndpointContext,
  eventTicker: string,
  o?: CallOptions,
): Promise<{ event: VenueEvent; markets: VenueMarket[] }> {
  const params = { event_ticker: eventTicker };
  const r = await ctx.call(EventResponse, { ...read, template: '/events/:event_ticker', params }, o);
  return { event: r.event, markets: r.event.markets ?? r.markets ?? [] };
}

export async function getSeriesList(ctx: EndpointContext, o?: CallOptions): Promise<VenueSeries[]> {
  const r = await ctx.call(SeriesListResponse, { ...read, template: '/series' }, o);
  return r.series;
}

export async function getSeries(
  ctx: EndpointContext,
  seriesTicker: string,
  o?: CallOptions,
): Promise<VenueSeries> {
  const params = { series_ticker: seriesTicker };
  const r = await ctx.call(SeriesResponse, { ...read, template: '/series/:series_ticker', params }, o);
  return r.series;
}

/** `depth` 0 = all levels, 1–100 = the best N. Ladders come back best bid first. */
export async function getOrderbook(
  ctx: EndpointContext,
  ticker: MarketTicker,
  depth: number,
  o?: CallOptions,
): Promise<VenueOrderbook> {
  const request = { ...read, template: '/markets/:ticker/orderbook', params: { ticker }, query: { depth } };
  const r = await ctx.call(OrderbookResponse, request, o);
  return { ticker, yesBids: r.orderbook_fp.yes_dollars, noBids: r.orderbook_fp.no_dollars };
}

/** The venue serves at most 100 books per request; longer lists are fetched in chunks of 100. */
export const MAX_BOOKS_PER_REQUEST = 100;

export async function getOrderbooks(
  ctx: EndpointContext,
  tickers: readonly string[],
  o?: CallOptions,
): Promise<VenueOrderbook[]> {
  const books: VenueOrderbook[] = [];
  for (let start = 0; start < tickers.length; start += MAX_BOOKS_PER_REQUEST) {
    const chunk = tickers.slice(start, start + MAX_BOOKS_PER_REQUEST);
    const request = { ...read, template: '/markets/orderbooks', query: { tickers: chunk } };
    const r = await ctx.call(OrderbooksResponse, request, o);
    for (const b of r.orderbooks) {
      books.push({
        ticker: b.ticker,
        yesBids: b.orderbook_fp.yes_dollars,
        noBids: b.orderbook_fp.no_dollars,
      });
    }
  }
  return books;
}

export async function getTrades(
  ctx: EndpointContext,
  q: TradesQuery,
  o?: CallOptions,
): Promise<Page<VenueTrade>> {
  const query = {
    limit: q.limit,
    cursor: q.cursor,
    ticker: q.ticker,
    min_ts: q.minTsSec,
    max_ts: q.maxTsSec,
  };
  const r = await ctx.call(TradesResponse, { ...read, template: '/markets/trades', query }, o);
  return { items: r.trades, cursor: r.cursor };
}
