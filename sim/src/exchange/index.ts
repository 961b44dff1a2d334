export { ExchangeSchedule } from './schedule.js';
export type { MaintenanceWindowMs, ScheduleOptions } from './schedule.js';
export { exchangeRoutes } from './routes.js';
export type { ExchangeRoutesContext } from './routes.js';
export { syncTradingPause, startPauseSync } from './pause-sync.js';
export type { PausableExchange, PauseSyncContext } from './pause-sync.js';
export { newYorkOffsetMinutes, newYorkParts, newYorkWallTimeToUtcMs, newYorkIso } from './new-york-time.js';
