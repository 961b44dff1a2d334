import { z } from 'zod';
import { TradingMode } from '../domain/trading-state.js';

/**
 * `GET /v1/trading-state` and `POST /v1/trading-state { mode, reason }`: the trader's switch. A halt
 * set by a safety rule (daily loss, drawdown, Flatten All) persists across restarts and only a human
 * clears it here.
 */
export const TRADING_STATE_PATH = '/v1/trading-state';
/** `GET` / `PUT` the risk limits; every change is recorded in the ledger. */
export const RISK_SETTINGS_PATH = '/v1/risk/settings';

export const SetTradingModeRequest = z.strictObject({
  mode: TradingMode,
  reason: z.string().trim().min(1, 'say why (it goes in the activity feed)').max(200),
});
export type SetTradingModeRequest = z.infer<typeof SetTradingModeRequest>;
