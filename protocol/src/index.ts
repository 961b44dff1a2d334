/**
 * @module
 * The wire contract between the agent and its browsers: every schema both sides parse, the
 * fixed-point money types, the WS event unions and the error codes. Named exports only; this file
 * is the whole public surface of the package.
 */
export { PROTOCOL_VERSION, IncompatibilityReason, IncompatibilityReasonSchema } from './version.js';
export { ErrorCode, ErrorBody } from './errors.js';
export { TradingEnvironment } from './domain/environment.js';
export type { PriceE4, CountE2, MoneyE6 } from './money.js';
export {
  FixedPointError,
  MAX_PRICE_E4,
  priceE4,
  countE2,
  signedCountE2,
  moneyE6,
  parsePriceDollars,
  formatPriceDollars,
  parseCountFp,
  parseSignedCountFp,
  formatCountFp,
  parseMoneyDollars,
  formatMoneyDollars,
  centsToMoney,
  centsToPrice,
  priceToMoney,
  complementPrice,
  notional,
  addMoney,
  subMoney,
  negMoney,
  sumMoney,
  addCount,
  subCount,
  negCount,
  compareFixed,
  minFixed,
  maxFixed,
} from './money.js';
export type { KalshiDecimalOptions } from './money-schemas.js';
export {
  priceDollarsString,
  countFpString,
  signedCountFpString,
  moneyDollarsString,
  PriceE4Schema,
  CountE2Schema,
  SignedCountE2Schema,
  MoneyE6Schema,
} from './money-schemas.js';
export { HEALTH_PATH, AgentStatus, HealthResponse } from './rest/health.js';
