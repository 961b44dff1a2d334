/**
 * Loads the real frames recorded from Kalshi production (../shared/data/kalshi-ws, see its
 * PROVENANCE.md) for tests and the bench. Test/bench support only; never used at run time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `<repo>/../shared/data` (this file is agent/src/connectors/kalshi/ws/frames/). */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../../../../../shared/data/', import.meta.url));

export function readRecordedWsFrames(name: 'kalshi_ticker' | 'kalshi_trade'): unknown[] {
  const text = readFileSync(`${SHARED_DATA_DIR}kalshi-ws/${name}.jsonl`, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): unknown => JSON.parse(line));
}
