import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonLines } from './load-result.js';

export const WS_CAPTURE_DIR = 'kalshi-ws';

/** Raw captured production frames (kalshi-ws/*.jsonl), unparsed, for conformance tests. */
export function loadCapturedFrames(
  dataDir: string,
  file: 'kalshi_ticker.jsonl' | 'kalshi_trade.jsonl',
): unknown[] {
  return parseJsonLines(readFileSync(join(dataDir, WS_CAPTURE_DIR, file), 'utf8')).values;
}
