/**
 * @module
 * Pure strategies (issue 10): events in (book top, trades, clock, sentiment, own fills), decisions
 * out (an intent, or "not traded" with its reason). No I/O: the strategy host (../strategy-host)
 * feeds them and sends their intents down the execution road. See README.md.
 */
export type {
  BookTopEvent,
  ClockEvent,
  Decision,
  InputsSummary,
  IntentDecision,
  NotTradedDecision,
  OwnFillEvent,
  SentimentEvent,
  SentimentReading,
  StepResult,
  Strategy,
  StrategyContext,
  StrategyEvent,
  TradeEvent,
} from './core/types.js';
export { replay } from './core/replay.js';
export type { ReplayResult } from './core/replay.js';
export { STRATEGIES, strategyById } from './registry.js';
export type { StrategyDefinition } from './registry.js';
export { VolatilityRiderConfig, DEFAULT_VOLATILITY_RIDER_CONFIG } from './volatility-rider/config.js';
export { volatilityRider, VOLATILITY_RIDER_ID } from './volatility-rider/strategy.js';
export type { VolatilityRiderState } from './volatility-rider/strategy.js';
export { HypeFadeConfig, DEFAULT_HYPE_FADE_CONFIG } from './hype-fade/config.js';
export { hypeFade, HYPE_FADE_ID } from './hype-fade/strategy.js';
export type { HypeFadeState } from './hype-fade/strategy.js';
