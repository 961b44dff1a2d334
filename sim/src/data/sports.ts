import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { probAsCents, tickerCell } from './fields.js';
import { parseJsonLines, parseRows, type LoadResult } from './load-result.js';

/** One recorded `ticker` update of the NBA game (kalshi-sports/*.jsonl; prices were cents/100). */
export const sportsTickRowSchema = z
  .object({
    kalshi_ts: z.number().int().positive(),
    event_ticker: tickerCell,
    market_ticker: tickerCell,
    price_prob: probAsCents,
    yes_bid_prob: probAsCents,
    yes_ask_prob: probAsCents,
    volume: z.number().int().nonnegative(),
    open_interest: z.number().int().nonnegative(),
  })
  .transform((r) => ({
    atMs: r.kalshi_ts * 1000,
    eventTicker: r.event_ticker,
    ticker: r.market_ticker,
    lastCents: r.price_prob,
    yesBidCents: r.yes_bid_prob,
    yesAskCents: r.yes_ask_prob,
    volume: r.volume,
    openInterest: r.open_interest,
  }));
export type SportsTickRow = z.output<typeof sportsTickRowSchema>;

export const SPORTS_DIR = 'kalshi-sports';

export function loadSportsTicks(dataDir: string): LoadResult<SportsTickRow> {
  const dir = join(dataDir, SPORTS_DIR);
  const merged: LoadResult<SportsTickRow> = { rows: [], skipped: 0, firstErrors: [] };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const { values, badLines } = parseJsonLines(readFileSync(join(dir, file), 'utf8'));
    const result = parseRows(values, sportsTickRowSchema, file);
    merged.rows.push(...result.rows);
    merged.skipped += result.skipped + badLines;
    merged.firstErrors.push(...result.firstErrors);
  }
  merged.rows.sort((a, b) => a.atMs - b.atMs);
  return merged;
}
