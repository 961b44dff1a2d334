import type { EngineState } from './engine-state.js';
import { newMarketState } from './engine-state.js';
import { engineError } from './errors.js';
import { emitLifecycle } from './lifecycle.js';
import { validatePriceRanges } from './price-grid.js';
import type { MarketSpec, MarketView, PriceRange, Result } from './types.js';
import { marketView } from './views.js';

/** Listing markets and changing their price grid. */

export function createMarket(state: EngineState, spec: MarketSpec): Result<{ market: MarketView }> {
  if (state.markets.has(spec.ticker)) return engineError('invalid_order', `ticker: ${spec.ticker} exists`);
  const rangeError = validatePriceRanges(spec.priceRanges);
  if (rangeError) return engineError('invalid_order', rangeError);
  const market = newMarketState(spec);
  state.markets.set(market.ticker, market);
  emitLifecycle(state, market, 'created');
  return { ok: true, market: marketView(market) };
}

/** New grid; resting orders are preserved even if now off-grid (Kalshi, Jul 2026). */
export function updatePriceRanges(
  state: EngineState,
  ticker: string,
  structure: string,
  ranges: readonly PriceRange[],
): Result<object> {
  const market = state.markets.get(ticker);
  if (!market) return engineError('market_not_found', `ticker: ${ticker} not found`);
  const rangeError = validatePriceRanges(ranges);
  if (rangeError) return engineError('invalid_order', rangeError);
  market.priceLevelStructure = structure;
  market.priceRanges = ranges.map((r) => ({ ...r }));
  emitLifecycle(state, market, 'price_level_structure_updated');
  return { ok: true };
}
