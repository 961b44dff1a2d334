import type { ExchangeSchedule } from './schedule.js';

/** The engine's pause switch (structural, so this module does not depend on the engine's class). */
export interface PausableExchange {
  setTradingPaused(isPaused: boolean): void;
}

export interface PauseSyncContext {
  exchange: PausableExchange;
  schedule: ExchangeSchedule;
  clock: { nowMs(): number };
}

// Last state pushed to each engine: we only act on transitions of the schedule, so a pause set
// on the engine by someone else is not silently undone by the next request.
const lastApplied = new WeakMap<object, boolean>();

/** Pushes the schedule's pause state into the engine when it changes; returns the current state. */
export function syncTradingPause(ctx: PauseSyncContext): boolean {
  const isPaused = ctx.schedule.isTradingPaused(ctx.clock.nowMs());
  if (lastApplied.get(ctx.exchange) !== isPaused) {
    lastApplied.set(ctx.exchange, isPaused);
    ctx.exchange.setTradingPaused(isPaused);
  }
  return isPaused;
}

/**
 * Keeps the engine in step with the schedule even with no traffic (so `cancel_order_on_pause`
 * orders are cancelled when the window opens, not at the next request). Returns a stop function.
 */
export function startPauseSync(ctx: PauseSyncContext, intervalMs = 1_000): () => void {
  syncTradingPause(ctx);
  const timer = setInterval(() => syncTradingPause(ctx), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
