import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from './csv.js';
import { countCell, isoCell, tickerCell } from './fields.js';
import { parseRows, type LoadResult } from './load-result.js';

/** One public trade print (kalshi-trades/*.csv, legacy integer-cent shape). */
export const tradePrintRowSchema = z
  .object({
    trade_id: z.uuid(),
    ticker: tickerCell,
    count: countCell.pipe(z.number().int().positive()),
    created_time: isoCell,
    yes_price: z
      .string()
      .regex(/^\d{1,2}$/, 'expected cents 1-99')
      .transform((s) => Number.parseInt(s, 10))
      .pipe(z.number().int().min(1).max(99)),
    taker_side: z.enum(['yes', 'no']),
  })
  .transform((r) => ({
    tradeId: r.trade_id,
    ticker: r.ticker,
    count: r.count,
    createdMs: r.created_time,
    yesPriceCents: r.yes_price,
    takerSide: r.taker_side,
  }));
export type TradePrintRow = z.output<typeof tradePrintRowSchema>;

export const TRADES_DIR = 'kalshi-trades';

/** All trade tapes, sorted oldest first (the files are newest-first within each ticker). */
export function loadTradePrints(dataDir: string): LoadResult<TradePrintRow> {
  const dir = join(dataDir, TRADES_DIR);
  const merged: LoadResult<TradePrintRow> = { rows: [], skipped: 0, firstErrors: [] };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    const result = parseRows(parseCsv(readFileSync(join(dir, file), 'utf8')), tradePrintRowSchema, file);
    merged.rows.push(...result.rows);
    merged.skipped += result.skipped;
    merged.firstErrors.push(...result.firstErrors);
  }
  merged.rows.sort((a, b) => a.createdMs - b.createdMs || a.tradeId.localeCompare(b.tradeId));
  return merged;
}
