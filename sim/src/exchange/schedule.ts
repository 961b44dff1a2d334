import { MS_PER_DAY, newYorkParts, newYorkWallTimeToUtcMs } from './new-york-time.js';

const THURSDAY = 4;

export interface MaintenanceWindowMs {
  startMs: number;
  endMs: number;
}

export interface ScheduleOptions {
  /** ET weekday of the weekly maintenance (0 = Sunday); Kalshi: Thursday. */
  weekday?: number;
  startHourEt?: number;
  endHourEt?: number;
  /**
   * false: no weekly window (tests and benchmarks that must not depend on the day of the week they
   * run; the manual pause still works). Default true, as on Kalshi.
   */
  hasWeeklyWindow?: boolean;
}

/**
 * Kalshi's weekly maintenance (Thursday 03:00–05:00 ET, DOC:maintenance_and_pauses), simulated as
 * a trading pause, plus a manual pause switch for fault injection. Pure: callers pass the time.
 */
export class ExchangeSchedule {
  private readonly weekday: number;
  private readonly startHourEt: number;
  private readonly endHourEt: number;
  private readonly hasWeeklyWindow: boolean;
  private isManuallyPaused = false;
  /** First window ending after `cachedFromMs` (Intl calls are slow; this runs per request). */
  private cachedNext: MaintenanceWindowMs | undefined;
  private cachedFromMs = Number.POSITIVE_INFINITY;

  constructor(options: ScheduleOptions = {}) {
    this.weekday = options.weekday ?? THURSDAY;
    this.startHourEt = options.startHourEt ?? 3;
    this.endHourEt = options.endHourEt ?? 5;
    this.hasWeeklyWindow = options.hasWeeklyWindow ?? true;
  }

  /** The window that contains `nowMs`, if any. */
  windowAt(nowMs: number): MaintenanceWindowMs | undefined {
    if (!this.hasWeeklyWindow) return undefined;
    const next = this.nextWindowEndingAfter(nowMs);
    return next.startMs <= nowMs ? next : undefined;
  }

  /**
   * The first window with endMs > nowMs. Cached: while cachedFromMs ≤ nowMs < cached.endMs the
   * cached window is still the first one ending after now (later windows start after it ends).
   */
  private nextWindowEndingAfter(nowMs: number): MaintenanceWindowMs {
    const cached = this.cachedNext;
    if (cached && this.cachedFromMs <= nowMs && nowMs < cached.endMs) return cached;
    const [next] = this.windowsFrom(nowMs, 1);
    if (!next) throw new Error('maintenance schedule produced no window');
    this.cachedNext = next;
    this.cachedFromMs = nowMs;
    return next;
  }

  /** The next `count` windows that have not ended by `fromMs` (the current one first). */
  windowsFrom(fromMs: number, count: number): MaintenanceWindowMs[] {
    const windows: MaintenanceWindowMs[] = [];
    if (!this.hasWeeklyWindow) return windows;
    // Walk New York calendar days from the day before `fromMs`; noon avoids DST-edge day slips.
    const start = newYorkParts(fromMs - MS_PER_DAY);
    let noonMs = newYorkWallTimeToUtcMs(start.year, start.month, start.day, 12);
    while (windows.length < count) {
      const day = newYorkParts(noonMs);
      if (day.weekday === this.weekday) {
        const window = {
          startMs: newYorkWallTimeToUtcMs(day.year, day.month, day.day, this.startHourEt),
          endMs: newYorkWallTimeToUtcMs(day.year, day.month, day.day, this.endHourEt),
        };
        if (window.endMs > fromMs) windows.push(window);
      }
      noonMs += MS_PER_DAY;
      // Re-anchor to noon: adding 24 h across a DST change lands at 11:00 or 13:00.
      const next = newYorkParts(noonMs);
      noonMs = newYorkWallTimeToUtcMs(next.year, next.month, next.day, 12);
    }
    return windows;
  }

  setManualPause(isPaused: boolean): void {
    this.isManuallyPaused = isPaused;
  }

  isInMaintenance(nowMs: number): boolean {
    return this.windowAt(nowMs) !== undefined;
  }

  /** No place/amend while true; cancels stay allowed. */
  isTradingPaused(nowMs: number): boolean {
    return this.isManuallyPaused || this.isInMaintenance(nowMs);
  }

  /** When trading is expected back: end of the current window (undefined for a manual pause). */
  estimatedResumeMs(nowMs: number): number | undefined {
    return this.windowAt(nowMs)?.endMs;
  }
}
