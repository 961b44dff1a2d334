/** The trader's calendar day across zones and a daylight-saving change. */
import { describe, expect, it } from 'vitest';
import { calendarDay, isKnownTimeZone } from './calendar-day.js';

describe('calendarDay', () => {
  it('is the date in the given zone, not UTC', () => {
    const t = Date.UTC(2026, 10, 25, 3, 30); // 03:30 UTC = 22:30 the day before in New York
    expect(calendarDay(t, 'UTC')).toBe('2026-11-25');
    expect(calendarDay(t, 'America/New_York')).toBe('2026-11-24');
    expect(calendarDay(t, 'Asia/Tokyo')).toBe('2026-11-25');
    expect(calendarDay(Date.UTC(2026, 10, 25, 15, 30), 'Asia/Tokyo')).toBe('2026-11-26');
  });

  it('follows daylight saving: midnight in New York is 04:00 UTC in summer, 05:00 in winter', () => {
    expect(calendarDay(Date.UTC(2026, 6, 1, 3, 59), 'America/New_York')).toBe('2026-06-30');
    expect(calendarDay(Date.UTC(2026, 6, 1, 4, 0), 'America/New_York')).toBe('2026-07-01');
    expect(calendarDay(Date.UTC(2026, 11, 1, 4, 59), 'America/New_York')).toBe('2026-11-30');
    expect(calendarDay(Date.UTC(2026, 11, 1, 5, 0), 'America/New_York')).toBe('2026-12-01');
  });

  it('knows real zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
