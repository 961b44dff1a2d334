import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { marketSchema, type MarketWire } from '../rest/markets/schemas.js';
import { parseRows, type LoadResult } from './load-result.js';

export const MARKETS_DIR = 'kalshi-markets';
export const FED_MENTION_FILE = 'KXFEDMENTION-26MAR_markets_data.json';

/**
 * The 46 real 2026 KXFEDMENTION market objects (pandas `to_json`: an object keyed "0".."45").
 * They are parsed with the same schema the sim's `/markets` output must pass.
 */
export function loadFedMentionMarkets(dataDir: string): LoadResult<MarketWire> {
  const raw: unknown = JSON.parse(readFileSync(join(dataDir, MARKETS_DIR, FED_MENTION_FILE), 'utf8'));
  const keyed = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!keyed.success) return { rows: [], skipped: 1, firstErrors: [`${FED_MENTION_FILE}: not an object`] };
  const ordered = Object.entries(keyed.data)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, value]) => value);
  return parseRows(ordered, marketSchema, FED_MENTION_FILE);
}
