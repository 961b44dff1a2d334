/**
 * Recorded data sets by name (`--data`), read from `../shared/data` (or `--data-dir`) with the
 * simulator's loaders (zod at the edge, bad rows counted) and turned into replay streams the way
 * the simulator turns them into books and trades (`sim/src/replay/sources/*`).
 */
import { loadSportsTicks, type SportsTickRow } from '@pt/sim/data/sports';
import { loadTradePrints, type TradePrintRow } from '@pt/sim/data/trades';
import { loadWeatherCandles, loadWeatherTopOfBook, type TopOfBookRow } from '@pt/sim/data/weather';
import { depthScaleFromCandles } from '@pt/sim/replay/sources/weather-source';
import { clampQuote } from '@pt/sim/replay/timeline';
import type { BookTopEvent, TradeEvent } from '../strategies/core/types.js';
import {
  bookTop,
  mergeStreams,
  streamsByTicker,
  trade,
  type MarketStream,
  type ReplayData,
} from './replay-data.js';

export const DATA_SETS = ['kalshi-trades', 'kalshi-weather', 'kalshi-sports', 'all'] as const;
export type DataSetName = (typeof DATA_SETS)[number];

export function isDataSetName(value: string): value is DataSetName {
  return (DATA_SETS as readonly string[]).includes(value);
}

/** Depth calibration of the sim's sources (trade tapes 100 contracts, the NBA stream 200). */
const TRADES_DEPTH = 100;
const SPORTS_DEPTH = 200;

/**
 * Trade tapes carry no quotes: each print is a trade event, then the book the sim re-quotes after
 * it (1¢ either side of the print, clamped into 1..99).
 */
export function tradeStreams(rows: readonly TradePrintRow[]): MarketStream[] {
  const events: (BookTopEvent | TradeEvent)[] = [];
  for (const row of rows) {
    events.push(trade(row.ticker, row.createdMs, row.yesPriceCents, row.count, row.takerSide));
    const quote = clampQuote(row.yesPriceCents - 1, row.yesPriceCents + 1);
    events.push(bookTop(row.ticker, row.createdMs, quote.yesBidCents, quote.yesAskCents));
  }
  return streamsByTicker(events, TRADES_DEPTH);
}

/** The weather logs are top-of-book changes: YES bid, and the YES ask implied by the best NO bid. */
export function weatherStreams(rows: readonly TopOfBookRow[], depthScaleContracts: number): MarketStream[] {
  return streamsByTicker(
    rows.map((row) => bookTop(row.ticker, row.atMs, row.bestYesBidCents, 100 - row.bestNoBidCents)),
    depthScaleContracts,
  );
}

/**
 * The NBA `ticker` stream: every row is a book top; a rise in cumulative volume is a trade at the
 * recorded last price (taker side not recorded: at/above the mid counts as a YES buyer, as in the sim).
 */
export function sportsStreams(rows: readonly SportsTickRow[]): MarketStream[] {
  const events: (BookTopEvent | TradeEvent)[] = [];
  const lastVolume = new Map<string, number>();
  for (const row of rows) {
    events.push(bookTop(row.ticker, row.atMs, row.yesBidCents, row.yesAskCents));
    const previous = lastVolume.get(row.ticker);
    lastVolume.set(row.ticker, row.volume);
    const traded = previous === undefined ? 0 : row.volume - previous;
    if (traded > 0 && row.lastCents >= 1 && row.lastCents <= 99) {
      const isYesTaker = row.lastCents * 2 >= row.yesBidCents + row.yesAskCents;
      events.push(trade(row.ticker, row.atMs, row.lastCents, traded, isYesTaker ? 'yes' : 'no'));
    }
  }
  return streamsByTicker(events, SPORTS_DEPTH);
}

export interface LoadedDataSet {
  readonly data: ReplayData;
  /** Rows the loaders skipped as malformed, and their first reasons (naming the field). */
  readonly skippedRows: number;
  readonly firstErrors: readonly string[];
}

/** Loads a recorded data set by name from `dataDir` (the folder holding kalshi-trades/ …). */
export function loadDataSet(name: DataSetName, dataDir: string): LoadedDataSet {
  const streams: MarketStream[] = [];
  let skippedRows = 0;
  const firstErrors: string[] = [];
  const take = <T>(result: { rows: T[]; skipped: number; firstErrors: string[] }): T[] => {
    skippedRows += result.skipped;
    firstErrors.push(...result.firstErrors);
    return result.rows;
  };
  if (name === 'kalshi-trades' || name === 'all') {
    streams.push(...tradeStreams(take(loadTradePrints(dataDir))));
  }
  if (name === 'kalshi-weather' || name === 'all') {
    const depth = depthScaleFromCandles(take(loadWeatherCandles(dataDir)));
    streams.push(...weatherStreams(take(loadWeatherTopOfBook(dataDir)), depth));
  }
  if (name === 'kalshi-sports' || name === 'all') {
    streams.push(...sportsStreams(take(loadSportsTicks(dataDir))));
  }
  return { data: mergeStreams(name, streams), skippedRows, firstErrors: firstErrors.slice(0, 5) };
}
