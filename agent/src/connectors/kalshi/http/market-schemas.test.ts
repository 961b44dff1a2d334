import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContractMonitor } from '../contract/contract-monitor.js';
import { MarketsResponse, OrderbookResponse, TradesResponse } from './market-schemas.js';
import { isKalshiRequestError } from './request-error.js';
import { parseVenue } from './venue-parse.js';

// `<repo>/../shared/data/kalshi-markets` (this file is agent/src/connectors/kalshi/http/).
const DATA = fileURLToPath(new URL('../../../../../../shared/data/kalshi-markets', import.meta.url));
const Recorded = z.record(z.string(), z.looseObject({}));

/** The 46 raw market objects of `GET /markets?series_ticker=KXFEDMENTION` (March 2026). */
function fedMentionMarkets(): Record<string, unknown>[] {
  const file = Recorded.parse(
    JSON.parse(readFileSync(`${DATA}/KXFEDMENTION-26MAR_markets_data.json`, 'utf8')),
  );
  return Object.values(file);
}

function context() {
  const contract = new ContractMonitor(() => 0);
  return { contract, ctx: { endpoint: 'GET /markets', contract, logger: pino({ level: 'silent' }) } };
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('markets schema on the recorded 2026 payload', () => {
  it('parses all 46 markets into fixed-point integers', () => {
    const { ctx, contract } = context();
    const markets = fedMentionMarkets();
    const page = parseVenue(MarketsResponse, { markets, cursor: '' }, ctx);
    expect(page.markets).toHaveLength(46);
    expect(page.cursor).toBeUndefined();
    const judy = page.markets.find((m) => m.ticker === 'KXFEDMENTION-26MAR-JUDY');
    expect(judy).toMatchObject({
      eventTicker: 'KXFEDMENTION-26MAR',
      status: 'active',
      yesBidE4: 0,
      yesAskE4: 100,
      yesAskSizeE2: 490_700,
      noBidE4: 9_900,
      noAskE4: 10_000,
      lastPriceE4: 100,
      volumeE2: 706_500,
      openInterestE2: 693_400,
      priceLevelStructure: 'linear_cent',
      priceRanges: [{ startE4: 0, endE4: 10_000, stepE4: 100 }],
      closeTimeMs: Date.parse('2026-03-19T14:00:00Z'),
    });
    expect(contract.state().status).toBe('green');
  });

  it('reports the legacy integer fields once each as unknown, without failing', () => {
    const { ctx, contract } = context();
    parseVenue(MarketsResponse, { markets: fedMentionMarkets(), cursor: 'x' }, ctx);
    parseVenue(MarketsResponse, { markets: fedMentionMarkets(), cursor: 'x' }, ctx);
    const unknown = contract.state().unknownFields.map((u) => u.field);
    expect(unknown).toContain('markets[].last_price');
    expect(unknown).toContain('markets[].tick_size');
    expect(unknown).toContain('markets[].response_price_units');
    expect(unknown).not.toContain('markets[].yes_bid_dollars');
    expect(new Set(unknown).size).toBe(unknown.length);
    expect(contract.state().status).toBe('green');
  });

  it('fails closed on a missing required field, naming the path', () => {
    const { ctx, contract } = context();
    const markets = fedMentionMarkets();
    const broken = { ...markets[3] };
    delete broken['yes_ask_dollars'];
    markets[3] = broken;
    const error = thrown(() => parseVenue(MarketsResponse, { markets, cursor: '' }, ctx));
    expect(isKalshiRequestError(error) && error.kind).toBe('contract');
    expect(isKalshiRequestError(error) && error.field).toBe('markets[3].yes_ask_dollars');
    expect(contract.state().status).toBe('red');
    expect(contract.state().violations[0]).toMatchObject({
      where: 'GET /markets',
      field: 'markets[3].yes_ask_dollars',
    });
  });

  it('fails closed on a mistyped price (legacy integer cents where a dollar string is required)', () => {
    const { ctx } = context();
    const markets = fedMentionMarkets();
    markets[0] = { ...markets[0], yes_bid_dollars: 56 };
    const error = thrown(() => parseVenue(MarketsResponse, { markets }, ctx));
    expect(isKalshiRequestError(error) && error.field).toBe('markets[0].yes_bid_dollars');
  });

  it('rejects a sub-tick price string rather than rounding it', () => {
    const { ctx } = context();
    const markets = fedMentionMarkets();
    markets[0] = { ...markets[0], yes_bid_dollars: '0.56001' };
    expect(() => parseVenue(MarketsResponse, { markets }, ctx)).toThrow(/yes_bid_dollars/);
  });

  it('rejects the 2024 v1 SDK shape (underscore fields, integer cents) as a contract break', () => {
    const { ctx, contract } = context();
    const file = z
      .array(z.record(z.string(), z.array(z.unknown())))
      .parse(JSON.parse(readFileSync(`${DATA}/market_data.json`, 'utf8')));
    const legacy = Object.values(file[0] ?? {})[0] ?? [];
    expect(() => parseVenue(MarketsResponse, { markets: legacy, cursor: '' }, ctx)).toThrow(
      /markets\[0\]\.ticker/,
    );
    expect(contract.state().status).toBe('red');
  });
});

describe('orderbook schema', () => {
  it('parses the documented orderbook_fp example, best bid first', () => {
    const { ctx } = context();
    const body = {
      orderbook_fp: {
        yes_dollars: [
          ['0.4100', '5.00'],
          ['0.4200', '13.00'],
        ],
        no_dollars: [['0.5400', '20.50']],
      },
    };
    const r = parseVenue(OrderbookResponse, body, ctx);
    expect(r.orderbook_fp.yes_dollars).toEqual([
      { priceE4: 4200, countE2: 1300 },
      { priceE4: 4100, countE2: 500 },
    ]);
    expect(r.orderbook_fp.no_dollars).toEqual([{ priceE4: 5400, countE2: 2050 }]);
  });

  it('accepts an empty side as [] and refuses the removed legacy `orderbook` key', () => {
    const { ctx } = context();
    expect(
      parseVenue(OrderbookResponse, { orderbook_fp: { yes_dollars: [], no_dollars: [] } }, ctx).orderbook_fp
        .yes_dollars,
    ).toEqual([]);
    expect(() => parseVenue(OrderbookResponse, { orderbook: { yes: [[42, 13]], no: [] } }, ctx)).toThrow(
      /orderbook_fp/,
    );
  });

  it('converts the recorded 2024 cent levels only if they are dollar strings (they are not: contract error)', () => {
    const { ctx } = context();
    const file = z
      .array(z.record(z.string(), z.looseObject({ _yes: z.unknown(), _no: z.unknown() })))
      .parse(JSON.parse(readFileSync(`${DATA}/orderbook_data.json`, 'utf8')));
    const book = Object.values(file[0] ?? {})[0];
    const body = { orderbook_fp: { yes_dollars: book?._yes, no_dollars: book?._no } };
    expect(() => parseVenue(OrderbookResponse, body, ctx)).toThrow(/orderbook_fp\.yes_dollars\[0\]\[0\]/);
  });
});

describe('trades schema', () => {
  it('parses a documented trade with fractional count', () => {
    const { ctx } = context();
    const body = {
      trades: [
        {
          trade_id: 'f851595a-6d92-424e-09f8-0d2669de70ae',
          ticker: 'KXHIGHNY-26JAN01-B34.5',
          count_fp: '2.50',
          yes_price_dollars: '0.3600',
          no_price_dollars: '0.6400',
          taker_side: 'yes',
          taker_outcome_side: 'yes',
          taker_book_side: 'bid',
          created_time: '2026-01-01T12:00:00.123Z',
          is_block_trade: false,
        },
      ],
      cursor: 'next',
    };
    const r = parseVenue(TradesResponse, body, ctx);
    expect(r.trades[0]).toMatchObject({
      countE2: 250,
      yesPriceE4: 3600,
      noPriceE4: 6400,
      createdAtMs: Date.parse('2026-01-01T12:00:00.123Z'),
    });
    expect(r.cursor).toBe('next');
  });
});
