import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseRows, type LoadResult } from './load-result.js';
import { MARKETS_DIR } from './fed-markets.js';

/**
 * 2024 event metadata saved from the old v1 SDK (leading underscores). Used only for real event
 * titles and categories of the series the sim lists.
 */
export const legacyEventSchema = z
  .object({
    _event_ticker: z.string().min(1),
    _series_ticker: z.string().min(1),
    _title: z.string(),
    _sub_title: z.string(),
    _category: z.string(),
    _mutually_exclusive: z.boolean(),
  })
  .transform((e) => ({
    eventTicker: e._event_ticker,
    seriesTicker: e._series_ticker,
    title: e._title,
    subTitle: e._sub_title,
    category: e._category,
    isMutuallyExclusive: e._mutually_exclusive,
  }));
export type LegacyEvent = z.output<typeof legacyEventSchema>;

export function loadLegacyEvents(dataDir: string): LoadResult<LegacyEvent> {
  const file = 'event_data.json';
  const raw: unknown = JSON.parse(readFileSync(join(dataDir, MARKETS_DIR, file), 'utf8'));
  return parseRows(Array.isArray(raw) ? raw : [], legacyEventSchema, file);
}
