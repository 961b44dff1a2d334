/**
 * @module
 * The pre-trade risk engine: a pure function of an order intent, a snapshot and the settings.
 * See README.md for the rules, their order and the exposure definitions.
 */
export type {
  BookQuote,
  ContractSide,
  EventGroup,
  LosingExit,
  MarketPosition,
  MarketState,
  OrderAction,
  OrderIntent,
  RestingOrder,
  RiskDecision,
  RiskDenial,
  RiskMarketStatus,
  RiskRule,
  RiskSnapshot,
} from './types.js';
export { RISK_RULES } from './types.js';
export { RiskSettings, DEFAULT_RISK_SETTINGS } from './settings.js';
export { evaluateOrder, RULE_CHECKS } from './evaluate.js';
export { isExposureReducing } from './reducing.js';
export { isDailyLossBreached, todayLossE6 } from './rules/loss.js';
export { totalExposureE6 } from './rules/exposure-limits.js';
export { groupWorstCaseLoss, legOf, baseOf } from './exposure.js';
export type { Group, Leg, MarketBase } from './exposure.js';
export { restingOrderFromProtocol, marketPositionFromProtocol } from './from-protocol.js';
