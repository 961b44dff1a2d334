import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../cli.js';
import { loadFedMentionMarkets } from './fed-markets.js';
import { loadLegacyEvents } from './legacy-events.js';
import { loadSportsTicks } from './sports.js';
import { loadTradePrints } from './trades.js';
import { loadWeatherCandles, loadWeatherTopOfBook } from './weather.js';
import { loadCapturedFrames } from './ws-frames.js';

// Row counts are the ones PROVENANCE.md states for each real file.
describe('loaders on the real recorded data', () => {
  it('weather top-of-book logs: 17,253 + 21,389 rows, sorted, no skips', () => {
    const result = loadWeatherTopOfBook(DEFAULT_DATA_DIR);
    expect(result.rows.length).toBe(17_253 + 21_389);
    expect(result.skipped).toBe(0);
    const times = result.rows.map((r) => r.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(result.rows[0]).toMatchObject({
      ticker: 'KXHIGHNY-25DEC27-B33.5',
      bestYesBidCents: 1,
      bestNoBidCents: 35,
    });
  });
  it('weather candles: 5,107 bars', () => {
    const result = loadWeatherCandles(DEFAULT_DATA_DIR);
    expect(result.rows.length).toBe(5_107);
    expect(result.skipped).toBe(0);
  });
  it('NBA ticker stream: 5,634 + 5,808 lines, probabilities back to integer cents', () => {
    const result = loadSportsTicks(DEFAULT_DATA_DIR);
    expect(result.rows.length).toBe(5_634 + 5_808);
    expect(result.skipped).toBe(0);
    expect(result.rows.every((r) => Number.isInteger(r.yesBidCents) && Number.isInteger(r.lastCents))).toBe(
      true,
    );
  });
  it('economics tapes: 70,709 prints, oldest first', () => {
    const result = loadTradePrints(DEFAULT_DATA_DIR);
    expect(result.rows.length).toBe(70_709);
    expect(result.skipped).toBe(0);
    expect(result.rows[0]?.createdMs).toBeLessThanOrEqual(result.rows.at(-1)?.createdMs ?? 0);
  });
  it('2026 KXFEDMENTION markets: 46 objects pass the market response schema', () => {
    const result = loadFedMentionMarkets(DEFAULT_DATA_DIR);
    expect(result.firstErrors).toEqual([]);
    expect(result.rows.length).toBe(46);
    expect(result.rows[0]?.ticker).toBe('KXFEDMENTION-26MAR-JUDY');
  });
  it('legacy 2024 events: 100', () => {
    expect(loadLegacyEvents(DEFAULT_DATA_DIR).rows.length).toBe(100);
  });
  it('captured WS frames: 10 ticker + 10 trade', () => {
    expect(loadCapturedFrames(DEFAULT_DATA_DIR, 'kalshi_ticker.jsonl')).toHaveLength(10);
    expect(loadCapturedFrames(DEFAULT_DATA_DIR, 'kalshi_trade.jsonl')).toHaveLength(10);
  });
});

describe('malformed rows are skipped and counted, never crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-data-'));
  it('weather: bad cents, bad time and short rows', () => {
    mkdirSync(join(dir, 'kalshi-weather'), { recursive: true });
    writeFileSync(
      join(dir, 'kalshi-weather', 'market_data_KXHIGHNY-99JAN01.csv'),
      [
        'timestamp,market_ticker,best_yes_bid,best_no_bid,implied_no_ask,implied_yes_ask',
        '2025-12-26T07:03:14.993906,KXHIGHNY-99JAN01-B33.5,1,35,99,65',
        '2025-12-26T07:03:15,KXHIGHNY-99JAN01-B33.5,abc,35,99,65',
        'not-a-time,KXHIGHNY-99JAN01-B33.5,1,35,99,65',
        '2025-12-26T07:03:16,KXHIGHNY-99JAN01-B33.5',
        '2025-12-26T07:03:17,KXHIGHNY-99JAN01-B33.5,101,35,99,65',
      ].join('\n'),
    );
    const result = loadWeatherTopOfBook(dir);
    expect(result.rows).toHaveLength(1);
    expect(result.skipped).toBe(4);
    expect(result.firstErrors[0]).toMatch(/best_yes_bid/);
  });
  it('sports: unparseable JSON lines and out-of-range probabilities', () => {
    mkdirSync(join(dir, 'kalshi-sports'), { recursive: true });
    const good = {
      kalshi_ts: 1763795244,
      event_ticker: 'E',
      market_ticker: 'E-X',
      price_prob: 0.46,
      yes_bid_prob: 0.45,
      yes_ask_prob: 0.46,
      volume: 1,
      open_interest: 1,
      status: null,
    };
    writeFileSync(
      join(dir, 'kalshi-sports', 'game.jsonl'),
      [
        JSON.stringify(good),
        '{not json',
        JSON.stringify({ ...good, yes_bid_prob: 1.5 }),
        JSON.stringify({ ...good, price_prob: 0.455 }),
      ].join('\n'),
    );
    const result = loadSportsTicks(dir);
    expect(result.rows).toHaveLength(1);
    expect(result.skipped).toBe(3);
  });
  it('trades: bad uuid, zero count, price 100, unknown taker side', () => {
    mkdirSync(join(dir, 'kalshi-trades'), { recursive: true });
    writeFileSync(
      join(dir, 'kalshi-trades', 'tape.csv'),
      [
        ',trade_id,ticker,count,created_time,yes_price,no_price,taker_side',
        '0,7205b115-e9ca-4a5e-9a83-dbf702546e57,RECSSNBER-22,50,2022-07-28T13:31:07.61886Z,99,1,no',
        '1,nope,RECSSNBER-22,50,2022-07-28T13:31:07Z,99,1,no',
        '2,7205b115-e9ca-4a5e-9a83-dbf702546e58,RECSSNBER-22,0,2022-07-28T13:31:07Z,99,1,no',
        '3,7205b115-e9ca-4a5e-9a83-dbf702546e59,RECSSNBER-22,5,2022-07-28T13:31:07Z,100,0,no',
        '4,7205b115-e9ca-4a5e-9a83-dbf702546e5a,RECSSNBER-22,5,2022-07-28T13:31:07Z,50,50,maybe',
      ].join('\n'),
    );
    const result = loadTradePrints(dir);
    expect(result.rows).toHaveLength(1);
    expect(result.skipped).toBe(4);
  });
});
