import { Hono } from 'hono';
import { RISK_SETTINGS_PATH, SetTradingModeRequest, TRADING_STATE_PATH } from '@pt/protocol';
import { RiskSettings } from '../../risk/index.js';
import type { TradingControls } from '../../trading-controls/index.js';
import type { ApiEnv } from '../api-env.js';
import { parseJsonBody } from '../guard/json-body.js';

type Controls = Pick<TradingControls, 'tradingState' | 'setMode' | 'riskSettings' | 'updateRiskSettings'>;

/**
 * `GET /v1/trading-state`: the effective TradingState (the most restrictive of the trader's switch,
 * a system halt and the venue gate). `POST /v1/trading-state` (SetTradingModeRequest): the trader's
 * decision, recorded with the device; `active` / `reducing` is also the human decision that clears
 * a system halt. `GET` / `PUT /v1/risk/settings`: the full RiskSettings; PUT answers 422 naming the
 * field. Protected: every change records the paired device that made it.
 */
export function tradingControlsRoutes(controls: Controls): Hono<ApiEnv> {
  return new Hono<ApiEnv>()
    .get(TRADING_STATE_PATH, (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(controls.tradingState());
    })
    .post(TRADING_STATE_PATH, async (c) => {
      const request = await parseJsonBody(c, SetTradingModeRequest);
      const state = await controls.setMode(request, c.get('device'));
      c.header('Cache-Control', 'no-store');
      return c.json(state);
    })
    .get(RISK_SETTINGS_PATH, (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(controls.riskSettings());
    })
    .put(RISK_SETTINGS_PATH, async (c) => {
      const settings = await parseJsonBody(c, RiskSettings);
      const updated = await controls.updateRiskSettings(settings, c.get('device'));
      c.header('Cache-Control', 'no-store');
      return c.json(updated);
    });
}
