/**
 * `GET /v1/markets/:ticker/trades` on the real agent process against the real simulator: a trade we
 * cause (an IOC bid at the best YES ask) comes back as the market's newest public print, in the
 * venue's order and with the venue's figures; bad tickers and queries are refused naming the field.
 */
import { describe, expect, it } from 'vitest';
import { ErrorBody, MarketTradesPage, OrderResponse, marketTradesPath } from '@pt/protocol';
import { usePairedSimAgent } from './paired-sim-agent.js';

const { call, simRest, waitForActive, openMarket } = usePairedSimAgent();

interface SimTrade {
  trade_id: string;
  ticker: string;
}

async function simTrades(ticker: string): Promise<SimTrade[]> {
  const res = await fetch(`${simRest()}/markets/trades?ticker=${ticker}&limit=200`);
  return ((await res.json()) as { trades: SimTrade[] }).trades;
}

/** The best YES ask in E4: 10,000 − the best NO bid (the sim lists bids ascending, best last). */
async function bestYesAskE4(ticker: string): Promise<number> {
  const res = await fetch(`${simRest()}/markets/${ticker}/orderbook`);
  const { orderbook_fp: book } = (await res.json()) as { orderbook_fp: { no_dollars: [string, string][] } };
  const best = book.no_dollars.at(-1);
  if (best === undefined) throw new Error(`${ticker} has no NO bids to lift`);
  return 10_000 - Math.round(Number(best[0]) * 10_000);
}

describe('recent public trades of a market', () => {
  it('serves the venue’s newest prints, including one we caused, newest first', async () => {
    await waitForActive();
    const ticker = await openMarket();
    const askE4 = await bestYesAskE4(ticker);
    const placed = await call('POST', '/v1/orders', {
      ticker,
      side: 'bid',
      priceE4: askE4,
      countE2: 100,
      timeInForce: 'immediate_or_cancel',
      maxSlippageE4: 9_999,
    });
    const placedText = await placed.text();
    expect(placed.status, placedText).toBe(201);
    expect(OrderResponse.parse(JSON.parse(placedText)).order.filledCountE2).toBeGreaterThan(0);

    const res = await call('GET', `${marketTradesPath(ticker)}?limit=50`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = MarketTradesPage.parse(JSON.parse(text));
    expect(page.ticker).toBe(ticker);
    expect(page.trades.length).toBeGreaterThan(0);
    expect(page.trades.length).toBeLessThanOrEqual(50);
    const venue = await simTrades(ticker);
    // The cache may serve a read up to 2 s old: the agent's page is a prefix-aligned slice of the tape.
    const venueIds = venue.map((t) => t.trade_id);
    const start = venueIds.indexOf(page.trades[0]?.tradeId ?? '');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(page.trades.map((t) => t.tradeId)).toEqual(venueIds.slice(start, start + page.trades.length));
    const times = page.trades.map((t) => t.executedAtMs);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Our own lift: the taker bought YES at (or better than) the ask.
    const ours = page.trades.find((t) => t.takerSide === 'yes' && t.yesPriceE4 <= askE4);
    expect(ours, JSON.stringify(page.trades.slice(0, 5))).toBeDefined();
  }, 60_000);

  it('pages with the cursor it hands out', async () => {
    const ticker = await openMarket();
    const first = MarketTradesPage.parse(
      await (await call('GET', `${marketTradesPath(ticker)}?limit=1`)).json(),
    );
    expect(first.trades).toHaveLength(1);
    if (first.nextCursor === null) return; // a single print on the tape: nothing more to page
    const next = await call(
      'GET',
      `${marketTradesPath(ticker)}?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    const second = MarketTradesPage.parse(await next.json());
    expect(second.trades[0]?.tradeId).not.toBe(first.trades[0]?.tradeId);
  }, 30_000);

  it.each([
    ['/v1/markets/bad%20ticker/trades', 'ticker'],
    ['/v1/markets/lowercase-ticker/trades', 'ticker'],
    ['/v1/markets/KXHIGHNY-X/trades?limit=0', 'limit'],
    ['/v1/markets/KXHIGHNY-X/trades?limit=abc', 'limit'],
    ['/v1/markets/KXHIGHNY-X/trades?limit=201', 'limit'],
    ['/v1/markets/KXHIGHNY-X/trades?cursor=%00', 'cursor'],
    ['/v1/markets/KXHIGHNY-X/trades?limit=1&limit=2', 'limit'],
    ['/v1/markets/KXHIGHNY-X/trades?since=1', 'since'],
  ])('refuses %s naming %s', async (path, field) => {
    const res = await call('GET', path);
    const text = await res.text();
    expect(res.status, text).toBe(422);
    const body = ErrorBody.parse(JSON.parse(text));
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details?.['field']).toBe(field);
    expect(body.message).toContain(field);
  });
});
