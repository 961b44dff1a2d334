import { Hono } from 'hono';
import { kalshiAuth, type AuthContext, type AuthEnv } from '../auth/middleware.js';
import { syncTradingPause, type PauseSyncContext } from './pause-sync.js';

export type ExchangeRoutesContext = PauseSyncContext & AuthContext;

/** How many upcoming maintenance windows `GET /exchange/schedule` lists. */
const LISTED_WINDOWS = 4;
const ALL_DAY = [{ open_time: '00:00', close_time: '24:00' }];
// Thursday is split around the 03:00–05:00 ET maintenance so standard_hours alone tells the truth.
const THURSDAY = [
  { open_time: '00:00', close_time: '03:00' },
  { open_time: '05:00', close_time: '24:00' },
];

const iso = (ms: number) => new Date(ms).toISOString();

/** `GET /exchange/status`, `/exchange/schedule`, `/exchange/user_data_timestamp` (kalshi-api.md §3.3). */
export function exchangeRoutes(ctx: ExchangeRoutesContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/exchange/status', (c) => {
    const nowMs = ctx.clock.nowMs();
    const isPaused = syncTradingPause(ctx);
    const resumeMs = ctx.schedule.estimatedResumeMs(nowMs);
    // A trading pause still takes cancels, so the exchange itself stays active (DOC:maintenance).
    return c.json({
      exchange_active: true,
      trading_active: !isPaused,
      intra_exchange_transfers_active: true,
      ...(isPaused && resumeMs !== undefined ? { exchange_estimated_resume_time: iso(resumeMs) } : {}),
      exchange_index_statuses: [
        {
          exchange_index: 0,
          description: 'event_contract',
          exchange_active: true,
          trading_active: !isPaused,
          intra_exchange_transfers_active: true,
        },
      ],
    });
  });

  app.get('/exchange/schedule', (c) => {
    const nowMs = ctx.clock.nowMs();
    const windows = ctx.schedule.windowsFrom(nowMs, LISTED_WINDOWS);
    return c.json({
      schedule: {
        standard_hours: [
          {
            start_time: '2026-01-01T00:00:00Z',
            end_time: '2100-01-01T00:00:00Z',
            monday: ALL_DAY,
            tuesday: ALL_DAY,
            wednesday: ALL_DAY,
            thursday: THURSDAY,
            friday: ALL_DAY,
            saturday: ALL_DAY,
            sunday: ALL_DAY,
          },
        ],
        maintenance_windows: windows.map((w) => ({
          start_datetime: iso(w.startMs),
          end_datetime: iso(w.endMs),
        })),
      },
    });
  });

  // Portfolio reads are never stale in the simulator: they reflect the engine at `now`.
  app.get('/exchange/user_data_timestamp', kalshiAuth(ctx), (c) =>
    c.json({ as_of_time: iso(ctx.clock.nowMs()) }),
  );
  return app;
}
