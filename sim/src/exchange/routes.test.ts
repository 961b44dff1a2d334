import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { KeyRegistry } from '../auth/key-registry.js';
import { exchangeRoutes } from './routes.js';
import { ExchangeSchedule } from './schedule.js';

function setup(startIso: string) {
  let nowMs = Date.parse(startIso);
  const pauses: boolean[] = [];
  const ctx = {
    exchange: { setTradingPaused: (isPaused: boolean) => pauses.push(isPaused) },
    schedule: new ExchangeSchedule(),
    clock: { nowMs: () => nowMs },
    keys: new KeyRegistry(),
  };
  const app = new Hono();
  app.route('/trade-api/v2', exchangeRoutes(ctx));
  const getJson = async (path: string): Promise<unknown> =>
    (await app.request(`/trade-api/v2${path}`)).json();
  return { getJson, pauses, setNow: (iso: string) => (nowMs = Date.parse(iso)), app };
}

describe('exchangeRoutes', () => {
  it('reports trading inactive during the Thursday window and drives the engine pause', async () => {
    const { getJson, pauses, setNow } = setup('2026-11-26T07:59:59Z');
    expect(await getJson('/exchange/status')).toMatchObject({ exchange_active: true, trading_active: true });
    setNow('2026-11-26T08:00:00Z');
    expect(await getJson('/exchange/status')).toMatchObject({
      exchange_active: true,
      trading_active: false,
      exchange_estimated_resume_time: '2026-11-26T10:00:00.000Z',
    });
    setNow('2026-11-26T10:00:00Z');
    expect(await getJson('/exchange/status')).toMatchObject({ trading_active: true });
    expect(pauses).toEqual([false, true, false]);
  });

  it('lists upcoming maintenance windows and standard hours', async () => {
    const { getJson } = setup('2026-11-25T12:00:00Z');
    const body = await getJson('/exchange/schedule');
    expect(body).toMatchObject({
      schedule: {
        maintenance_windows: [
          { start_datetime: '2026-11-26T08:00:00.000Z', end_datetime: '2026-11-26T10:00:00.000Z' },
          { start_datetime: '2026-12-03T08:00:00.000Z', end_datetime: '2026-12-03T10:00:00.000Z' },
          {},
          {},
        ],
        standard_hours: [{ thursday: [{ open_time: '00:00', close_time: '03:00' }, { open_time: '05:00' }] }],
      },
    });
  });

  it('requires auth for user_data_timestamp', async () => {
    const { app } = setup('2026-11-25T12:00:00Z');
    expect((await app.request('/trade-api/v2/exchange/user_data_timestamp')).status).toBe(401);
  });
});
