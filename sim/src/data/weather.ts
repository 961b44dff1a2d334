import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from './csv.js';
import { centsCell, countCell, isoCell, tickerCell } from './fields.js';
import { parseRows, type LoadResult } from './load-result.js';

/** One top-of-book change of one KXHIGHNY bracket (kalshi-weather/market_data_*.csv). */
export const topOfBookRowSchema = z
  .object({
    timestamp: isoCell,
    market_ticker: tickerCell,
    best_yes_bid: centsCell,
    best_no_bid: centsCell,
  })
  .transform((r) => ({
    atMs: r.timestamp,
    ticker: r.market_ticker,
    bestYesBidCents: r.best_yes_bid,
    bestNoBidCents: r.best_no_bid,
  }));
export type TopOfBookRow = z.output<typeof topOfBookRowSchema>;

/** A 5-minute OHLC bar (kalshi-weather/KXHIGHNY_candles_5m.csv); prices in cents. */
export const candleRowSchema = z
  .object({
    ticker: tickerCell,
    start: isoCell,
    open: centsCell,
    high: centsCell,
    low: centsCell,
    close: centsCell,
    count: countCell,
  })
  .transform((r) => ({
    ticker: r.ticker,
    startMs: r.start,
    highCents: r.high,
    lowCents: r.low,
    closeCents: r.close,
    tradeCount: r.count,
  }));
export type CandleRow = z.output<typeof candleRowSchema>;

export const WEATHER_DIR = 'kalshi-weather';

/** All `market_data_KXHIGHNY-*.csv` top-of-book logs, sorted by time. */
export function loadWeatherTopOfBook(dataDir: string): LoadResult<TopOfBookRow> {
  const dir = join(dataDir, WEATHER_DIR);
  const files = readdirSync(dir).filter((f) => /^market_data_KXHIGHNY-.*\.csv$/.test(f));
  const merged: LoadResult<TopOfBookRow> = { rows: [], skipped: 0, firstErrors: [] };
  for (const file of files.sort()) {
    const result = parseRows(parseCsv(readFileSync(join(dir, file), 'utf8')), topOfBookRowSchema, file);
    merged.rows.push(...result.rows);
    merged.skipped += result.skipped;
    merged.firstErrors.push(...result.firstErrors);
  }
  merged.rows.sort((a, b) => a.atMs - b.atMs);
  return merged;
}

export function loadWeatherCandles(dataDir: string): LoadResult<CandleRow> {
  const file = 'KXHIGHNY_candles_5m.csv';
  return parseRows(parseCsv(readFileSync(join(dataDir, WEATHER_DIR, file), 'utf8')), candleRowSchema, file);
}
