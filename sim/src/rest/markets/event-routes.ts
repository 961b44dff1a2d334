import { Hono } from 'hono';
import { z } from 'zod';
import type { EventMeta, MarketMeta, SeriesMeta } from '../../replay/catalog.js';
import { kalshiError } from '../../lib/errors.js';
import { isoMs } from '../../lib/format.js';
import type { MarketDeps } from './deps.js';
import { decodeCursor, limitSchema, pageOf } from './pagination.js';
import { parseQuery } from './query.js';
import type { MarketWire } from './schemas.js';

const eventsQuery = z.object({
  limit: limitSchema(200, 200),
  cursor: z.string().optional(),
  with_nested_markets: z.enum(['true', 'false']).optional(),
  series_ticker: z.string().optional(),
  status: z.enum(['unopened', 'open', 'closed', 'settled']).optional(),
});

const EVENT_STATUS: Record<string, readonly string[]> = {
  unopened: ['initialized'],
  open: ['active', 'inactive'],
  closed: ['closed'],
  settled: ['determined', 'disputed', 'finalized'],
};

function seriesWire(s: SeriesMeta) {
  return {
    ticker: s.ticker,
    frequency: s.frequency,
    title: s.title,
    category: s.category,
    tags: s.tags,
    settlement_sources: s.settlementSources,
    contract_url: `https://kalshi.com/markets/${s.ticker.toLowerCase()}`,
    contract_terms_url: `https://kalshi.com/regulatory/rulebooks/${s.ticker}`,
    fee_type: s.feeType,
    // Kalshi sends the multiplier as a JSON number (1 = standard schedule).
    fee_multiplier: s.feeMultiplierE4 / 10_000,
    additional_prohibitions: [],
  };
}

/** `/events`, `/events/{event_ticker}`, `/series`, `/series/{series_ticker}`. */
export function eventRoutes(deps: MarketDeps, wireOf: (meta: MarketMeta) => MarketWire | undefined): Hono {
  const app = new Hono();
  const marketsOf = (e: EventMeta): MarketWire[] =>
    deps.catalog.marketsOfEvent(e.eventTicker).flatMap((m) => wireOf(m) ?? []);
  const eventWire = (e: EventMeta, markets: MarketWire[] | null) => ({
    event_ticker: e.eventTicker,
    series_ticker: e.seriesTicker,
    sub_title: e.subTitle,
    title: e.title,
    collateral_return_type: e.isMutuallyExclusive ? 'MECNET' : '',
    mutually_exclusive: e.isMutuallyExclusive,
    ...(e.strikeDateMs === null ? {} : { strike_date: isoMs(e.strikeDateMs) }),
    ...(markets === null ? {} : { markets }),
  });

  app.get('/events', (c) => {
    const q = parseQuery(c, eventsQuery);
    if (!q.ok) return q.response;
    const offset = decodeCursor(q.value.cursor);
    if (offset === null)
      return kalshiError(c, 400, 'bad_request', 'bad request', 'cursor: not a cursor issued by this server');
    const isNested = q.value.with_nested_markets === 'true';
    const statuses = q.value.status ? EVENT_STATUS[q.value.status] : undefined;
    const events = [...deps.catalog.events.values()].filter((e) => {
      if (q.value.series_ticker !== undefined && e.seriesTicker !== q.value.series_ticker) return false;
      if (!statuses) return true;
      return marketsOf(e).some((m) => statuses.includes(m.status));
    });
    const { page, cursor } = pageOf(events, offset, q.value.limit);
    return c.json({ events: page.map((e) => eventWire(e, isNested ? marketsOf(e) : null)), cursor });
  });

  app.get('/events/:event_ticker', (c) => {
    const event = deps.catalog.events.get(c.req.param('event_ticker'));
    if (!event) return kalshiError(c, 404, 'not_found', 'event not found');
    const isNested = c.req.query('with_nested_markets') === 'true';
    const markets = marketsOf(event);
    // Top-level `markets` is deprecated in favour of nesting but still sent (TS GetEventResponse).
    return c.json({ event: eventWire(event, isNested ? markets : null), markets });
  });

  app.get('/series', (c) => {
    const category = c.req.query('category');
    const series = [...deps.catalog.series.values()].filter(
      (s) => category === undefined || s.category === category,
    );
    return c.json({ series: series.map(seriesWire) });
  });

  app.get('/series/:series_ticker', (c) => {
    const series = deps.catalog.series.get(c.req.param('series_ticker'));
    if (!series) return kalshiError(c, 404, 'not_found', 'series not found');
    return c.json({ series: seriesWire(series) });
  });
  return app;
}
