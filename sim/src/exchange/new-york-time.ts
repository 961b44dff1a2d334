/**
 * America/New_York wall-clock arithmetic with Intl only (no tz library): the exchange schedule is
 * defined in ET, and the UTC instant of "Thursday 03:00 ET" moves by an hour across DST.
 */
const NEW_YORK = 'America/New_York';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: NEW_YORK, timeZoneName: 'longOffset' });
const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: NEW_YORK,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
});

const OFFSET_PATTERN = /GMT([+-])(\d{2}):(\d{2})/;
const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** New York's UTC offset in minutes at an instant (−300 in winter, −240 in summer). */
export function newYorkOffsetMinutes(utcMs: number): number {
  const name = offsetFormat.formatToParts(utcMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = OFFSET_PATTERN.exec(name);
  if (!match) return 0; // "GMT" alone means +00:00 (never for New York, but it is the format's rule)
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

export interface NewYorkParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, in New York. */
  weekday: number;
}

export function newYorkParts(utcMs: number): NewYorkParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(utcMs).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/**
 * UTC instant of a New York wall time. Two passes settle the offset; for times that do not exist
 * or repeat (02:00–03:00 on DST Sundays) the result is one valid reading, which is enough here
 * because the maintenance window is on Thursdays.
 */
export function newYorkWallTimeToUtcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute = 0,
): number {
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  let guess = asIfUtc - newYorkOffsetMinutes(asIfUtc) * MS_PER_MINUTE;
  guess = asIfUtc - newYorkOffsetMinutes(guess) * MS_PER_MINUTE;
  return guess;
}

/** ISO-8601 with New York's offset, e.g. "2026-11-26T03:00:00-05:00". */
export function newYorkIso(utcMs: number): string {
  const offset = newYorkOffsetMinutes(utcMs);
  const local = new Date(utcMs + offset * MS_PER_MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}
