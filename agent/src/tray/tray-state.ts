/**
 * @module
 * What the tray shows, computed from the agent's own services: the environment (SIM / DEMO /
 * LIVE), the venue connection (connected / degraded / disconnected) and whether trading is HALTED.
 * Pure: the adapter polls it and redraws only when the result changes.
 */
import type { HealthDetail, TradingEnvironment, TradingState } from '@pt/protocol';

export type TrayConnection = 'connected' | 'degraded' | 'disconnected';

export interface TrayState {
  environment: TradingEnvironment;
  connection: TrayConnection;
  isHalted: boolean;
  /** One line for the menu's first (disabled) item and the tooltip. */
  statusLine: string;
  /** `<env>-<connection>[-halted]`: a file under `icons/` (`.png`, `.ico` on Windows). */
  iconName: string;
}

/** Red venue = disconnected; any other light short of green (venue or market data), or a degraded agent = degraded. */
export function trayConnection(health: HealthDetail): TrayConnection {
  const { venue, dataLiveness } = health.components;
  if (venue.light === 'red') return 'disconnected';
  if (venue.light !== 'green' || dataLiveness.light !== 'green' || health.status !== 'ok') return 'degraded';
  return 'connected';
}

export function trayState(health: HealthDetail, trading: TradingState): TrayState {
  const connection = trayConnection(health);
  const isHalted = trading.mode === 'halted';
  const env = health.environment.toUpperCase();
  const mode = isHalted ? 'HALTED' : trading.mode === 'reducing' ? 'reducing only' : 'trading';
  return {
    environment: health.environment,
    connection,
    isHalted,
    statusLine: `${env} · ${connection} · ${mode}${isHalted ? `: ${trading.reason}` : ''}`.slice(0, 120),
    iconName: `${health.environment}-${connection}${isHalted ? '-halted' : ''}`,
  };
}
