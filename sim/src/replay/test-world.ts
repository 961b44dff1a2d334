import { Exchange } from '../engine/index.js';
import { createSimLogger } from '../lib/log.js';
import { MarketCatalog } from './catalog.js';
import { registerSources } from './build.js';
import { MarketMaker } from './market-maker.js';
import type { ReplaySource } from './sources/source.js';

/** A real engine with replay sources registered and opened (shared by unit tests). */
export function makeTestWorld(
  sources: readonly ReplaySource[],
  seed = 1,
  nowMs = Date.UTC(2026, 10, 25, 12),
) {
  let clockMs = nowMs;
  const exchange = new Exchange({ clock: () => clockMs, seed });
  const log = createSimLogger('error', { write: () => true });
  const catalog = new MarketCatalog();
  registerSources(sources, catalog, exchange, log);
  exchange.deposit('mm', 1e14);
  exchange.deposit('tape', 1e14);
  const maker = new MarketMaker(exchange, 'mm', seed, log);
  return {
    exchange,
    catalog,
    maker,
    log,
    advance: (ms: number) => {
      clockMs += ms;
    },
  };
}
