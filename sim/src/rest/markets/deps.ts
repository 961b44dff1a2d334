import { MarketCatalog } from '../../replay/catalog.js';
import { TradeTape } from './trade-tape.js';

/** Market-data state that lives beside the engine (metadata and the public tape). */
export interface MarketDeps {
  catalog: MarketCatalog;
  tape: TradeTape;
}

export function emptyMarketDeps(): MarketDeps {
  return { catalog: new MarketCatalog(), tape: new TradeTape() };
}
