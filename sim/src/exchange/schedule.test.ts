import { describe, expect, it } from 'vitest';
import { newYorkIso, newYorkOffsetMinutes, newYorkWallTimeToUtcMs } from './new-york-time.js';
import { ExchangeSchedule } from './schedule.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('New York time', () => {
  it('knows EST and EDT offsets, including the DST switch days', () => {
    expect(newYorkOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(newYorkOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'))).toBe(-240);
    // 2026-03-08 02:00 EST → 03:00 EDT (07:00 UTC); 2026-11-01 02:00 EDT → 01:00 EST (06:00 UTC).
    expect(newYorkOffsetMinutes(Date.parse('2026-03-08T06:59:00Z'))).toBe(-300);
    expect(newYorkOffsetMinutes(Date.parse('2026-03-08T07:00:00Z'))).toBe(-240);
    expect(newYorkOffsetMinutes(Date.parse('2026-11-01T05:59:00Z'))).toBe(-240);
    expect(newYorkOffsetMinutes(Date.parse('2026-11-01T06:00:00Z'))).toBe(-300);
  });

  it('converts ET wall times to UTC and back', () => {
    expect(iso(newYorkWallTimeToUtcMs(2026, 11, 26, 3))).toBe('2026-11-26T08:00:00.000Z');
    expect(iso(newYorkWallTimeToUtcMs(2026, 7, 2, 3))).toBe('2026-07-02T07:00:00.000Z');
    expect(newYorkIso(Date.parse('2026-11-26T08:00:00Z'))).toBe('2026-11-26T03:00:00-05:00');
    expect(newYorkIso(Date.parse('2026-07-02T07:00:00Z'))).toBe('2026-07-02T03:00:00-04:00');
  });
});

describe('ExchangeSchedule', () => {
  const schedule = new ExchangeSchedule();

  it('lists Thursday 03:00–05:00 ET windows at the right UTC instants across the DST change', () => {
    // Thursdays: 2026-10-22 and 10-29 (EDT, 07:00Z), 11-05 and 11-12 (EST, 08:00Z).
    const windows = schedule.windowsFrom(Date.parse('2026-10-20T00:00:00Z'), 4);
    expect(windows.map((w) => [iso(w.startMs), iso(w.endMs)])).toEqual([
      ['2026-10-22T07:00:00.000Z', '2026-10-22T09:00:00.000Z'],
      ['2026-10-29T07:00:00.000Z', '2026-10-29T09:00:00.000Z'],
      ['2026-11-05T08:00:00.000Z', '2026-11-05T10:00:00.000Z'],
      ['2026-11-12T08:00:00.000Z', '2026-11-12T10:00:00.000Z'],
    ]);
    // Spring forward: 2026-03-05 is EST, 2026-03-12 is EDT.
    const spring = schedule.windowsFrom(Date.parse('2026-03-03T00:00:00Z'), 2);
    expect(spring.map((w) => iso(w.startMs))).toEqual([
      '2026-03-05T08:00:00.000Z',
      '2026-03-12T07:00:00.000Z',
    ]);
  });

  it('is paused exactly inside the window (start inclusive, end exclusive)', () => {
    const start = Date.parse('2026-11-26T08:00:00Z');
    const end = Date.parse('2026-11-26T10:00:00Z');
    expect(schedule.isTradingPaused(start - 1)).toBe(false);
    expect(schedule.isTradingPaused(start)).toBe(true);
    expect(schedule.estimatedResumeMs(start + 1)).toBe(end);
    expect(schedule.isTradingPaused(end - 1)).toBe(true);
    expect(schedule.isTradingPaused(end)).toBe(false);
    // Same wall time on a Wednesday or Friday is not maintenance.
    expect(schedule.isTradingPaused(Date.parse('2026-11-25T08:30:00Z'))).toBe(false);
    expect(schedule.isTradingPaused(Date.parse('2026-11-27T08:30:00Z'))).toBe(false);
  });

  it('includes the current window first when asked from inside it', () => {
    const inside = Date.parse('2026-11-26T09:00:00Z');
    expect(iso(schedule.windowsFrom(inside, 1)[0]?.startMs ?? 0)).toBe('2026-11-26T08:00:00.000Z');
  });

  it('has a manual pause that overrides the schedule', () => {
    const manual = new ExchangeSchedule();
    const wednesday = Date.parse('2026-11-25T15:00:00Z');
    manual.setManualPause(true);
    expect(manual.isTradingPaused(wednesday)).toBe(true);
    expect(manual.estimatedResumeMs(wednesday)).toBeUndefined();
    manual.setManualPause(false);
    expect(manual.isTradingPaused(wednesday)).toBe(false);
  });

  it('without the weekly window (--maintenance off) is never in maintenance, but still pauses by hand', () => {
    const noWindow = new ExchangeSchedule({ hasWeeklyWindow: false });
    const thursdayInside = Date.parse('2026-11-26T09:00:00Z');
    expect(noWindow.isInMaintenance(thursdayInside)).toBe(false);
    expect(noWindow.isTradingPaused(thursdayInside)).toBe(false);
    expect(noWindow.windowsFrom(thursdayInside, 4)).toEqual([]);
    noWindow.setManualPause(true);
    expect(noWindow.isTradingPaused(thursdayInside)).toBe(true);
  });
});
