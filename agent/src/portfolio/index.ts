/**
 * @module
 * The portfolio (issue 7): positions from our fills under YES/NO netting (average cost), realized
 * and marked P&L with fees, venue settlements (disputed markets never settle automatically),
 * balance history, the equity peak, and the daily loss / drawdown halts. See README.md.
 */
export { PortfolioHost } from './portfolio-host.js';
export type { PortfolioHostOptions } from './portfolio-host.js';
export { PortfolioService } from './portfolio-service.js';
export type { PortfolioServiceOptions, PortfolioVenue } from './portfolio-service.js';
export { PortfolioQueries } from './portfolio-queries.js';
export { calendarDay, isKnownTimeZone, systemTimeZone } from './calendar-day.js';
export { checkLossGuards, drawdownE6, isDrawdownBreached } from './loss-guards.js';
export type { LossControls } from './loss-guards.js';
export {
  ADJUSTMENT_KIND,
  BALANCE_KIND,
  PEAK_KIND,
  PORTFOLIO_SOURCE,
  SETTLEMENT_KIND,
} from './portfolio-events.js';
