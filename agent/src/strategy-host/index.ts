/**
 * @module
 * The strategy host (issue 10): runs the pure strategies (../strategies) on the current venue's
 * events and the sentiment monitor, sends their intents down the execution road, records every
 * decision, and keeps each strategy's enablement and config per environment. See README.md.
 */
export { StrategyHost } from './strategy-host.js';
export type { StrategyExecution, StrategyHostOptions, StrategyVenue } from './strategy-host.js';
export { StrategySettingsStore, STRATEGY_SETTINGS_KIND, STRATEGY_SOURCE } from './settings-store.js';
export type { StrategySettings, StrategySettingsChange } from './settings-store.js';
export { STRATEGY_DECISION_KIND, reasonForDenial, recordDecision } from './decision-log.js';
export type { DecisionOutcome } from './decision-log.js';
export type { SentimentSource } from './market-feed.js';
