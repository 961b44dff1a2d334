import { Hono } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../../server/context.js';
import type { MarketMeta } from '../../replay/catalog.js';
import { kalshiError } from '../../lib/errors.js';
import { dollarsE4, fpE2, isoMs } from '../../lib/format.js';
import type { MarketDeps } from './deps.js';
import { bookOf, viewOf } from './engine-reads.js';
import { toMarketWire, toOrderbookFp } from './market-wire.js';
import { decodeCursor, limitSchema, pageOf } from './pagination.js';
import { parseQuery } from './query.js';
import { eventRoutes } from './event-routes.js';
import type { MarketWire } from './schemas.js';

const ONE_DOLLAR_E4 = 10_000;

/** Kalshi's `/markets` status filter vocabulary differs from the response `status` values. */
const STATUS_FILTER: Record<string, readonly string[]> = {
  unopened: ['initialized'],
  open: ['active'],
  paused: ['inactive'],
  closed: ['closed'],
  settled: ['determined', 'disputed', 'finalized'],
};

const commaList = z
  .string()
  .transform((s) => s.split(',').filter((t) => t !== ''))
  .optional();

const marketsQuery = z.object({
  limit: limitSchema(100, 1000),
  cursor: z.string().optional(),
  event_ticker: z.string().optional(),
  series_ticker: z.string().optional(),
  tickers: commaList,
  status: z.enum(['unopened', 'open', 'paused', 'closed', 'settled']).optional(),
  min_close_ts: z.string().regex(/^\d+$/, 'min_close_ts: unix seconds').transform(Number).optional(),
  max_close_ts: z.string().regex(/^\d+$/, 'max_close_ts: unix seconds').transform(Number).optional(),
});

const depthQuery = z.object({
  depth: z
    .string()
    .regex(/^\d+$/, 'depth: must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(100, 'depth: must be at most 100'))
    .optional(),
});

const tradesQuery = z.object({
  limit: limitSchema(100, 1000),
  cursor: z.string().optional(),
  ticker: z.string().optional(),
  min_ts: z.string().regex(/^\d+$/, 'min_ts: unix seconds').transform(Number).optional(),
  max_ts: z.string().regex(/^\d+$/, 'max_ts: unix seconds').transform(Number).optional(),
});

/** Market data routes (public): markets, order books, trades, events, series. */
export function marketRoutes(ctx: SimContext, deps: MarketDeps): Hono {
  const app = new Hono();
  const wireOf = (meta: MarketMeta): MarketWire | undefined => {
    const view = viewOf(ctx.exchange, meta.ticker);
    return view ? toMarketWire(meta, view, ctx.clock.nowMs()) : undefined;
  };
  const badCursor = (c: Parameters<typeof kalshiError>[0]): Response =>
    kalshiError(c, 400, 'bad_request', 'bad request', 'cursor: not a cursor issued by this server');

  app.get('/markets', (c) => {
    const q = parseQuery(c, marketsQuery);
    if (!q.ok) return q.response;
    const offset = decodeCursor(q.value.cursor);
    if (offset === null) return badCursor(c);
    const { event_ticker, series_ticker, tickers, status } = q.value;
    const wanted = tickers ? new Set(tickers) : null;
    const statuses = status ? STATUS_FILTER[status] : undefined;
    const all: MarketWire[] = [];
    for (const meta of deps.catalog.markets.values()) {
      if (event_ticker !== undefined && meta.eventTicker !== event_ticker) continue;
      if (series_ticker !== undefined && meta.seriesTicker !== series_ticker) continue;
      if (wanted && !wanted.has(meta.ticker)) continue;
      const wire = wireOf(meta);
      if (!wire || (statuses && !statuses.includes(wire.status))) continue;
      const closeSeconds = Math.floor(Date.parse(wire.close_time) / 1000);
      if (q.value.min_close_ts !== undefined && closeSeconds < q.value.min_close_ts) continue;
      if (q.value.max_close_ts !== undefined && closeSeconds > q.value.max_close_ts) continue;
      all.push(wire);
    }
    const { page, cursor } = pageOf(all, offset, q.value.limit);
    return c.json({ markets: page, cursor });
  });

  app.get('/markets/trades', (c) => {
    const q = parseQuery(c, tradesQuery);
    if (!q.ok) return q.response;
    const offset = decodeCursor(q.value.cursor);
    if (offset === null) return badCursor(c);
    const trades = deps.tape.list({
      ticker: q.value.ticker,
      minMs: q.value.min_ts === undefined ? undefined : q.value.min_ts * 1000,
      maxMs: q.value.max_ts === undefined ? undefined : q.value.max_ts * 1000 + 999,
    });
    const { page, cursor } = pageOf(trades, offset, q.value.limit);
    return c.json({
      trades: page.map((t) => ({
        trade_id: t.tradeId,
        ticker: t.ticker,
        count_fp: fpE2(t.countE2),
        yes_price_dollars: dollarsE4(t.yesPriceE4),
        no_price_dollars: dollarsE4(ONE_DOLLAR_E4 - t.yesPriceE4),
        taker_side: t.takerSide === 'bid' ? 'yes' : 'no',
        taker_outcome_side: t.takerSide === 'bid' ? 'yes' : 'no',
        taker_book_side: t.takerSide,
        created_time: isoMs(t.createdTimeMs),
        is_block_trade: false,
      })),
      cursor,
    });
  });

  app.get('/markets/orderbooks', (c) => {
    // Both `tickers=A,B` and repeated `tickers=A&tickers=B` are accepted (UNCONFIRMED which one Kalshi uses).
    const tickers = (c.req.queries('tickers') ?? []).flatMap((t) => t.split(',')).filter((t) => t !== '');
    if (tickers.length === 0) return kalshiError(c, 400, 'bad_request', 'bad request', 'tickers: required');
    if (tickers.length > 100)
      return kalshiError(c, 400, 'bad_request', 'bad request', 'tickers: at most 100');
    const orderbooks = [];
    for (const ticker of tickers) {
      const book = deps.catalog.markets.has(ticker) ? bookOf(ctx.exchange, ticker) : undefined;
      if (!book)
        return kalshiError(c, 404, 'not_found', 'market not found', `tickers: unknown market ${ticker}`);
      orderbooks.push({ ticker, orderbook_fp: toOrderbookFp(book, 0) });
    }
    return c.json({ orderbooks });
  });

  app.get('/markets/:ticker', (c) => {
    const meta = deps.catalog.markets.get(c.req.param('ticker'));
    const wire = meta ? wireOf(meta) : undefined;
    if (!wire) return kalshiError(c, 404, 'not_found', 'market not found');
    return c.json({ market: wire });
  });

  app.get('/markets/:ticker/orderbook', (c) => {
    const q = parseQuery(c, depthQuery);
    if (!q.ok) return q.response;
    const ticker = c.req.param('ticker');
    const book = deps.catalog.markets.has(ticker) ? bookOf(ctx.exchange, ticker) : undefined;
    if (!book) return kalshiError(c, 404, 'not_found', 'market not found');
    return c.json({ orderbook_fp: toOrderbookFp(book, q.value.depth ?? 0) });
  });

  app.route('/', eventRoutes(deps, wireOf));
  return app;
}
