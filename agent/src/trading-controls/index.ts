/**
 * @module
 * The trader's trading controls, per environment and persisted in its ledger: the trading switch
 * (effective state = most restrictive of the switch, a persistent system halt, the venue gate) and
 * the risk settings. See README.md.
 */
export { TradingControls } from './trading-controls.js';
export type {
  ControlsListener,
  ControlsRuntime,
  SettingsListener,
  TradingControlsOptions,
} from './trading-controls.js';
export { TradingSwitch } from './trading-switch.js';
export type { TradingStateListener, TradingSwitchOptions } from './trading-switch.js';
export { RiskSettingsStore } from './risk-settings-store.js';
export type {
  RiskSettingsInput,
  RiskSettingsListener,
  RiskSettingsStoreOptions,
} from './risk-settings-store.js';
export { mostRestrictive, restrictiveness } from './compose.js';
export type { TradingStateParts } from './compose.js';
export {
  SystemHaltCause,
  SystemModeRecord,
  TRADING_CONTROLS_SOURCE,
  TRADING_MODE_KIND,
  TradingModeRecord,
  UserModeRecord,
} from './mode-record.js';
export type { SystemHalt } from './mode-record.js';
export { RISK_SETTINGS_KIND, RiskSettingsRecord, SettingsChange, diffSettings } from './settings-record.js';
export type { ControlsLedger } from './ledger-pages.js';
export { haltOnDailyLoss, formatDollarsToCents } from './daily-loss-halt.js';
export type { TodayPnl } from './daily-loss-halt.js';
