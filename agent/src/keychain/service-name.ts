import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * The keychain service name of one agent: `PredictionTrader agent <16 hex>`, the hex being the
 * start of SHA-256 of the absolute data dir. Two agents with different data dirs (side by side, or
 * parallel tests with temp dirs) never see each other's keys; the same data dir always finds its
 * keys again. The path itself is not written into the keychain. Accounts are `kalshi-demo` and
 * `kalshi-live`.
 */
export function keychainServiceName(dataDir: string): string {
  const digest = createHash('sha256').update(resolve(dataDir), 'utf8').digest('hex');
  return `PredictionTrader agent ${digest.slice(0, 16)}`;
}
