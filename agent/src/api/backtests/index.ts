/** @module agent/src/api/backtests — the backtest reports on disk, served read-only to paired devices. */
export { BacktestFiles, MAX_REPORT_BYTES } from './backtest-files.js';
export type { ReadResult } from './backtest-files.js';
export { backtestsRoutes } from './backtests.routes.js';
