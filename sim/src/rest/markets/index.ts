export { marketRoutes } from './routes.js';
export { TradeTape } from './trade-tape.js';
export { emptyMarketDeps } from './deps.js';
export type { MarketDeps } from './deps.js';
