/**
 * The trader's calendar day: `YYYY-MM-DD` of an instant in an IANA time zone (Intl, so daylight
 * saving and odd offsets are the platform's tz database, not our arithmetic).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `2026-11-25` for `atMs` in `timeZone`. Throws RangeError for a zone the platform does not know. */
export function calendarDay(atMs: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(atMs));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** True when the platform knows `timeZone` (e.g. `America/New_York`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    calendarDay(0, timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The system's zone (the default when the config names none). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
