import type { EngineError, EngineErrorCode } from './types.js';

const MESSAGES: Record<EngineErrorCode, { message: string; httpStatus: EngineError['httpStatus'] }> = {
  invalid_order: { message: 'invalid order', httpStatus: 400 },
  invalid_order_size: { message: 'invalid order size', httpStatus: 400 },
  available_balance_too_low: { message: 'available balance too low', httpStatus: 400 },
  order_already_exists: { message: 'order with this client_order_id already exists', httpStatus: 409 },
  order_not_found: { message: 'order not found', httpStatus: 404 },
  market_not_found: { message: 'market not found', httpStatus: 404 },
  market_not_active: { message: 'market is not open for trading', httpStatus: 400 },
  trading_paused: { message: 'trading is paused', httpStatus: 400 },
  order_group_not_found: { message: 'order group not found', httpStatus: 404 },
  order_group_triggered: { message: 'order group limit reached; reset the group first', httpStatus: 400 },
  order_side_mismatch: { message: 'order side mismatch', httpStatus: 400 },
  order_ticker_mismatch: { message: 'order ticker mismatch', httpStatus: 400 },
  user_not_found: { message: 'user not found', httpStatus: 404 },
};

export function engineError(code: EngineErrorCode, details: string): { ok: false; error: EngineError } {
  const { message, httpStatus } = MESSAGES[code];
  return { ok: false, error: { code, message, details, httpStatus } };
}
