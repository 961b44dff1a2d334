/**
 * Loaders of the real recorded Kalshi series (../shared/data, see each PROVENANCE.md) into
 * per-market quote series for the signal model:
 * - kalshi-weather top-of-book logs: mid = (best yes bid + implied yes ask) / 2, spread = ask − bid;
 *   the files carry no timezone (the logger ran on a cloud VM): read as UTC;
 * - kalshi-sports NBA `ticker` stream: mid and spread from yes_bid_prob / yes_ask_prob (cents / 100);
 * - kalshi-trades economics tapes: each print's yes price is the "mid", spread unknown (null).
 * Books without a bid or an ask (bid 0 or ask 100) are unquotable and skipped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseCsv } from '../lib/csv.js';
import { appendQuote, quoteFromBook, quoteFromTrade, type Quote } from './features.js';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

export type SignalSource = 'weather' | 'sports' | 'trades';

export interface MarketSeries {
  readonly source: SignalSource;
  readonly ticker: string;
  readonly points: readonly Quote[];
}

export interface LoadedFile {
  readonly path: string;
  readonly rows: number;
}

export interface LoadedData {
  readonly series: readonly MarketSeries[];
  readonly files: readonly LoadedFile[];
}

const Cents = z.coerce.number().int().min(0).max(100);

/** Cents → the same PriceE4 quote the strategies build at run time. */
const bookQuote = (tMs: number, bidCents: number, askCents: number): Quote | null =>
  quoteFromBook(tMs, bidCents * 100, askCents * 100);

function toSeries(source: SignalSource, raw: Map<string, { q: Quote; order: number }[]>): MarketSeries[] {
  return [...raw.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ticker, rows]) => {
      rows.sort((a, b) => a.q.tMs - b.q.tMs || a.order - b.order);
      const points: Quote[] = [];
      for (const r of rows) appendQuote(points, r.q);
      return { source, ticker, points };
    });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const WeatherRow = z.tuple([z.string(), z.string().min(1), Cents, Cents, Cents, Cents]);

export function loadWeatherLog(path: string): { series: MarketSeries[]; rows: number } {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows.shift()?.join(',');
  if (header !== 'timestamp,market_ticker,best_yes_bid,best_no_bid,implied_no_ask,implied_yes_ask')
    throw new Error(`${path}: unexpected header ${header}`);
  const raw = new Map<string, { q: Quote; order: number }[]>();
  rows.forEach((row, i) => {
    const parsed = WeatherRow.safeParse(row);
    if (!parsed.success) throw new Error(`${path} row ${i + 2}: ${z.prettifyError(parsed.error)}`);
    const [ts, ticker, bid, , , ask] = parsed.data;
    const tMs = Date.parse(`${ts}Z`);
    if (!Number.isFinite(tMs)) throw new Error(`${path} row ${i + 2}: timestamp ${ts}`);
    const q = bookQuote(tMs, bid, ask);
    if (q) push(raw, ticker, { q, order: i });
  });
  return { series: toSeries('weather', raw), rows: rows.length };
}

const Prob = z.number().min(0).max(1);
const TickerLine = z.object({
  kalshi_ts: z.number().int().positive(),
  market_ticker: z.string().min(1),
  yes_bid_prob: Prob,
  yes_ask_prob: Prob,
});

export function loadTickerStream(path: string): { series: MarketSeries[]; rows: number } {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const raw = new Map<string, { q: Quote; order: number }[]>();
  lines.forEach((line, i) => {
    const parsed = TickerLine.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path} line ${i + 1}: ${z.prettifyError(parsed.error)}`);
    const m = parsed.data;
    const bid = Math.round(m.yes_bid_prob * 100);
    const ask = Math.round(m.yes_ask_prob * 100);
    const q = bookQuote(m.kalshi_ts * 1000, bid, ask);
    if (q) push(raw, m.market_ticker, { q, order: i });
  });
  return { series: toSeries('sports', raw), rows: lines.length };
}

const TradeRow = z.tuple([
  z.string(),
  z.string(),
  z.string().min(1),
  z.coerce.number().int().positive(),
  z.iso.datetime({ offset: true }),
  z.coerce.number().int().min(1).max(99),
  z.string(),
  z.enum(['yes', 'no']),
]);

export function loadTradeTape(path: string): { series: MarketSeries[]; rows: number } {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows.shift()?.join(',');
  if (header !== ',trade_id,ticker,count,created_time,yes_price,no_price,taker_side')
    throw new Error(`${path}: unexpected header ${header}`);
  const raw = new Map<string, { q: Quote; order: number }[]>();
  rows.forEach((row, i) => {
    const parsed = TradeRow.safeParse(row);
    if (!parsed.success) throw new Error(`${path} row ${i + 2}: ${z.prettifyError(parsed.error)}`);
    const [, , ticker, , created, yesPrice] = parsed.data;
    // Rows are newest first within a ticker: a negative order keeps same-time prints in trade order.
    push(raw, ticker, { q: quoteFromTrade(Date.parse(created), yesPrice * 100), order: -i });
  });
  return { series: toSeries('trades', raw), rows: rows.length };
}

/** Every recorded file the signal model trains on, in a fixed order. */
export function loadSignalData(dataDir = DEFAULT_DATA_DIR): LoadedData {
  const series: MarketSeries[] = [];
  const files: LoadedFile[] = [];
  const add = (path: string, load: (p: string) => { series: MarketSeries[]; rows: number }): void => {
    const loaded = load(path);
    series.push(...loaded.series);
    files.push({ path, rows: loaded.rows });
  };
  const list = (dir: string, re: RegExp): string[] =>
    readdirSync(join(dataDir, dir))
      .filter((f) => re.test(f))
      .sort()
      .map((f) => join(dataDir, dir, f));
  for (const p of list('kalshi-weather', /^market_data_KXHIGHNY-.*\.csv$/)) add(p, loadWeatherLog);
  for (const p of list('kalshi-sports', /\.jsonl$/)) add(p, loadTickerStream);
  for (const p of list('kalshi-trades', /^trade_level_data_.*\.csv$/)) add(p, loadTradeTape);
  return { series, files };
}
