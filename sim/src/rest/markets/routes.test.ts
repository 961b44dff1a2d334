import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../cli.js';
import { loadFedMentionMarkets } from '../../data/fed-markets.js';
import { makeTestSim } from '../../server/test-context.js';
import {
  eventResponseSchema,
  eventsResponseSchema,
  marketResponseSchema,
  marketSchema,
  marketsResponseSchema,
  orderbookResponseSchema,
  orderbooksResponseSchema,
  seriesListResponseSchema,
  seriesResponseSchema,
  tradesResponseSchema,
} from './schemas.js';

const sim = makeTestSim();
const get = async (path: string): Promise<{ status: number; body: unknown }> => {
  const res = await sim.app.request(`/trade-api/v2${path}`);
  return { status: res.status, body: await res.json() };
};

describe('market schema conformance', () => {
  it('the real 2026 KXFEDMENTION objects and the sim output pass the same schema', async () => {
    const raw = Object.values(
      JSON.parse(
        (await import('node:fs')).readFileSync(
          `${DEFAULT_DATA_DIR}/kalshi-markets/KXFEDMENTION-26MAR_markets_data.json`,
          'utf8',
        ),
      ) as Record<string, unknown>,
    );
    expect(raw).toHaveLength(46);
    for (const real of raw) expect(marketSchema.safeParse(real).success).toBe(true);
    const { body } = await get('/markets?limit=1000');
    const parsed = marketsResponseSchema.parse(body);
    expect(parsed.markets.length).toBe(58);
    // Same keys as the real object, minus the legacy fields removed in 2026.
    const realKeys = Object.keys(raw[0] as object);
    const ours = Object.keys(parsed.markets.find((m) => m.ticker === 'KXFEDMENTION-26MAR-JUDY') ?? {});
    const legacy = [
      'yes_bid',
      'yes_ask',
      'no_bid',
      'no_ask',
      'last_price',
      'previous_price',
      'previous_yes_bid',
      'previous_yes_ask',
      'volume',
      'volume_24h',
      'open_interest',
      'liquidity',
      'notional_value',
      'tick_size',
      'response_price_units',
      'fractional_trading_enabled',
    ];
    expect(realKeys.filter((k) => !legacy.includes(k) && !ours.includes(k))).toEqual([]);
  });
  it('serves the real FED rules and strikes unchanged', async () => {
    const real = loadFedMentionMarkets(DEFAULT_DATA_DIR).rows[0];
    const { body } = await get('/markets/KXFEDMENTION-26MAR-JUDY');
    const { market } = marketResponseSchema.parse(body);
    expect(market.rules_primary).toBe(real?.rules_primary);
    expect(market.custom_strike).toEqual({ Word: 'Judy Shelton' });
    expect(market.status).toBe('active');
    expect(market.yes_bid_dollars).toBe('0.0100');
    expect(market.yes_ask_dollars).toBe('0.0200');
  });
});

describe('GET /markets', () => {
  it('paginates with an opaque cursor and an empty cursor on the last page', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page += 1) {
      const { body } = await get(`/markets?limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      const parsed = marketsResponseSchema.parse(body);
      seen.push(...parsed.markets.map((m) => m.ticker));
      cursor = parsed.cursor;
      if (cursor === '') break;
    }
    expect(cursor).toBe('');
    expect(seen).toHaveLength(58);
    expect(new Set(seen).size).toBe(58);
  });
  it('filters by event, series, tickers and status', async () => {
    const byEvent = marketsResponseSchema.parse((await get('/markets?event_ticker=KXHIGHNY-26JAN01')).body);
    expect(byEvent.markets.map((m) => m.ticker).every((t) => t.startsWith('KXHIGHNY-26JAN01-'))).toBe(true);
    expect(byEvent.markets).toHaveLength(6);
    const bySeries = marketsResponseSchema.parse((await get('/markets?series_ticker=KXFEDMENTION')).body);
    expect(bySeries.markets).toHaveLength(46);
    const byTickers = marketsResponseSchema.parse(
      (await get('/markets?tickers=KXFEDMENTION-26MAR-JUDY,KXHIGHNY-26JAN01-T30')).body,
    );
    expect(byTickers.markets.map((m) => m.ticker).sort()).toEqual([
      'KXFEDMENTION-26MAR-JUDY',
      'KXHIGHNY-26JAN01-T30',
    ]);
    expect(marketsResponseSchema.parse((await get('/markets?status=open')).body).markets).toHaveLength(58);
    expect(marketsResponseSchema.parse((await get('/markets?status=settled')).body).markets).toHaveLength(0);
    const closeS = Math.floor(Date.parse(byEvent.markets[0]?.close_time ?? '') / 1000);
    expect(
      marketsResponseSchema.parse(
        (await get(`/markets?min_close_ts=${closeS + 1}&series_ticker=KXHIGHNY`)).body,
      ).markets,
    ).toHaveLength(0);
    expect(
      marketsResponseSchema.parse((await get(`/markets?max_close_ts=${closeS}&series_ticker=KXHIGHNY`)).body)
        .markets,
    ).toHaveLength(12);
  });
  it('rejects limits out of range and foreign cursors with 400 naming the field', async () => {
    for (const q of ['limit=1001', 'limit=0', 'limit=abc', 'cursor=zzz', 'status=active']) {
      const { status, body } = await get(`/markets?${q}`);
      expect(status, q).toBe(400);
      expect(JSON.stringify(body), q).toMatch(/"code":"bad_request"/);
    }
  });
});

describe('order books', () => {
  it('bids only, ascending with the best bid last, depth keeps the best levels', async () => {
    const { body } = await get('/markets/KXHIGHNY-26JAN01-B34.5/orderbook');
    const { orderbook_fp: book } = orderbookResponseSchema.parse(body);
    expect(book.yes_dollars.length).toBeGreaterThan(0);
    expect(book.no_dollars.length).toBeGreaterThan(0);
    const yesPrices = book.yes_dollars.map(([p]) => p);
    expect(yesPrices).toEqual([...yesPrices].sort());
    const shallow = orderbookResponseSchema.parse(
      (await get('/markets/KXHIGHNY-26JAN01-B34.5/orderbook?depth=2')).body,
    ).orderbook_fp;
    expect(shallow.yes_dollars).toEqual(book.yes_dollars.slice(-2));
    expect(shallow.no_dollars).toEqual(book.no_dollars.slice(-2));
    // The book agrees with the market's top of book: best YES ask = 1 - best NO bid.
    const market = marketResponseSchema.parse((await get('/markets/KXHIGHNY-26JAN01-B34.5')).body).market;
    expect(market.yes_bid_dollars).toBe(book.yes_dollars.at(-1)?.[0]);
    expect(market.no_bid_dollars).toBe(book.no_dollars.at(-1)?.[0]);
  });
  it('an empty side is []', async () => {
    sim.world.maker.withdraw('KXFEDMENTION-26MAR-JUDY');
    const { orderbook_fp: book } = orderbookResponseSchema.parse(
      (await get('/markets/KXFEDMENTION-26MAR-JUDY/orderbook')).body,
    );
    expect(book).toEqual({ yes_dollars: [], no_dollars: [] });
  });
  it('batch books and 404 for unknown markets', async () => {
    const batch = orderbooksResponseSchema.parse(
      (await get('/markets/orderbooks?tickers=KXHIGHNY-26JAN01-T30,KXHIGHNY-26JAN01-T37')).body,
    );
    expect(batch.orderbooks.map((b) => b.ticker)).toEqual(['KXHIGHNY-26JAN01-T30', 'KXHIGHNY-26JAN01-T37']);
    expect((await get('/markets/NOPE/orderbook')).status).toBe(404);
    expect((await get('/markets/NOPE')).body).toEqual({
      error: { code: 'not_found', message: 'market not found' },
    });
  });
});

describe('trades, events, series', () => {
  it('public trades are newest first in the Kalshi shape', async () => {
    const placed = sim.world.exchange.placeOrder('tape', {
      ticker: 'KXHIGHNY-26JAN01-B34.5',
      side: 'bid',
      priceE4: 9900,
      countE2: 300,
      timeInForce: 'immediate_or_cancel',
      selfTradePrevention: 'maker',
    });
    expect(placed.ok).toBe(true);
    const parsed = tradesResponseSchema.parse(
      (await get('/markets/trades?ticker=KXHIGHNY-26JAN01-B34.5')).body,
    );
    expect(parsed.trades.length).toBeGreaterThan(0);
    expect(parsed.trades[0]).toMatchObject({
      ticker: 'KXHIGHNY-26JAN01-B34.5',
      taker_outcome_side: 'yes',
      taker_book_side: 'bid',
    });
    expect(parsed.cursor).toBe('');
  });
  it('events with and without nested markets; event by ticker', async () => {
    const flat = eventsResponseSchema.parse((await get('/events')).body);
    expect(flat.events.map((e) => e.event_ticker)).toContain('KXFEDMENTION-26MAR');
    expect(flat.events.every((e) => e.markets === undefined)).toBe(true);
    const nested = eventsResponseSchema.parse(
      (await get('/events?with_nested_markets=true&series_ticker=KXHIGHNY')).body,
    );
    expect(nested.events).toHaveLength(2);
    expect(nested.events.every((e) => e.markets?.length === 6)).toBe(true);
    const one = eventResponseSchema.parse(
      (await get('/events/KXFEDMENTION-26MAR?with_nested_markets=true')).body,
    );
    expect(one.event.markets).toHaveLength(46);
    expect((await get('/events/NOPE')).status).toBe(404);
    expect((await get('/events?limit=201')).status).toBe(400);
  });
  it('series carry fee type and multiplier', async () => {
    const one = seriesResponseSchema.parse((await get('/series/KXHIGHNY')).body);
    expect(one.series).toMatchObject({ fee_type: 'quadratic', fee_multiplier: 1 });
    expect(seriesListResponseSchema.parse((await get('/series')).body).series.length).toBe(2);
  });
});
