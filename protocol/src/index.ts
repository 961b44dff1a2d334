/**
 * @module
 * The wire contract between the agent and its browsers: every schema both sides parse, the
 * fixed-point money types, the WS event unions and the error codes. Named exports only; this file
 * is the whole public surface of the package.
 */
export { PROTOCOL_VERSION, IncompatibilityReason, IncompatibilityReasonSchema } from './version.js';
export { ErrorCode, ErrorBody } from './errors.js';
export { TradingEnvironment } from './domain/environment.js';
