import type { HealthDetail, TradingState } from '@pt/protocol';
import { describe, expect, it } from 'vitest';
import { headlessReason } from './tray-detect.js';
import { TrayMenu } from './tray-menu.js';
import { trayState } from './tray-state.js';

const light = (value: 'green' | 'amber' | 'red') => ({ light: value, detail: 'x', sinceMs: 1 });

function health(venue: 'green' | 'amber' | 'red', data: 'green' | 'amber' | 'red' = 'green'): HealthDetail {
  return {
    status: 'ok',
    environment: 'demo',
    components: {
      venue: light(venue),
      apiContract: light('green'),
      dataLiveness: { ...light(data), staleTickers: [] },
      store: light('green'),
      sentiment: light('amber'),
    },
    checkedAtMs: 1,
  };
}
const active: TradingState = { mode: 'active', reason: 'Trading', changedBy: 'user', sinceMs: 1 };
const halted: TradingState = { mode: 'halted', reason: 'Daily loss limit', changedBy: 'system', sinceMs: 1 };

describe('trayState', () => {
  it('maps the venue and market-data lights to connected / degraded / disconnected', () => {
    expect(trayState(health('green'), active).iconName).toBe('demo-connected');
    expect(trayState(health('green', 'amber'), active).connection).toBe('degraded');
    expect(trayState(health('amber'), active).connection).toBe('degraded');
    expect(trayState(health('red'), active).iconName).toBe('demo-disconnected');
  });

  it('shows HALTED with its reason in the icon and the status line', () => {
    const state = trayState(health('green'), halted);
    expect(state.iconName).toBe('demo-connected-halted');
    expect(state.statusLine).toBe('DEMO · connected · HALTED: Daily loss limit');
  });
});

describe('TrayMenu', () => {
  it('offers Halt while trading and only a confirming Resume while halted', () => {
    const menu = new TrayMenu();
    menu.applyState(trayState(health('green'), active));
    expect([menu.halt.hidden, menu.resume.hidden]).toEqual([false, true]);
    const changed = menu.applyState(trayState(health('green'), halted));
    expect(changed).toEqual(expect.arrayContaining([menu.status, menu.halt, menu.resume]));
    expect([menu.halt.hidden, menu.resume.hidden]).toEqual([true, false]);
    expect(menu.resume.action).toBeUndefined();
    expect(menu.resume.items?.map((item) => item.title)).toEqual(['Confirm: resume trading']);
    expect(menu.applyState(trayState(health('green'), halted))).toEqual([]);
  });
});

describe('headlessReason', () => {
  it('runs headless with --no-tray or without a display on Linux, never on macOS / Windows', () => {
    expect(headlessReason({ noTray: true, env: { DISPLAY: ':0' }, platform: 'linux' })).toBe('--no-tray');
    expect(headlessReason({ noTray: false, env: {}, platform: 'linux' })).toMatch(/no display/);
    expect(
      headlessReason({ noTray: false, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' }),
    ).toBeNull();
    expect(headlessReason({ noTray: false, env: {}, platform: 'darwin' })).toBeNull();
  });
});
