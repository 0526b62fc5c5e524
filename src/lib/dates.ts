// Dates shown in Europe/Berlin with German formats; dates are stored as ISO 8601 (a calendar day "2014-03-05", an instant
// "2022-02-02T17:00:00+01:00"). Stored values are read strictly: "2026-13-01", "2026-02-31", "" or "garbage" are no
// dates, so a page shows "Datum unbekannt" and the value is reported once (./bad-value.ts); nothing here throws.
// Berlin time comes from Intl (formatToParts) and, for wall-clock input, @date-fns/tz: no offset or DST arithmetic here.
import { TZDate } from '@date-fns/tz';
import { reportBadValue, type ValueSource } from '@/lib/bad-value';

const TIME_ZONE = 'Europe/Berlin';

/** Shown instead of a date that cannot be read. */
export const UNKNOWN_DATE = 'Datum unbekannt';
/** Shown instead of a time of day that cannot be read. */
export const UNKNOWN_TIME = 'Uhrzeit unbekannt';

const EXPECTED_DAY = 'ein Datum (JJJJ-MM-TT)';
const EXPECTED_INSTANT = 'ein Datum (JJJJ-MM-TT) oder ein Zeitpunkt (ISO 8601)';
const EXPECTED_TIME = 'ein Zeitpunkt mit Uhrzeit (ISO 8601)';

const dateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const weekdayDateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
const longDateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const wallClockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= length;
}

/** True for a real calendar day written YYYY-MM-DD ("2024-02-29" yes; "2026-02-31", "2026-13-01", "" no). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The instant of a stored date-time (ISO 8601; without an offset it is Berlin wall-clock time); null if it is none. */
function parseDateTime(value: string): Date | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', fraction = '', zulu, sign, oh, om] = m;
  if (!isRealDay(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return null;
  if (!zulu && !sign) {
    const wall = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(fraction.padEnd(3, '0').slice(0, 3)), TIME_ZONE);
    return Number.isNaN(wall.getTime()) ? null : new Date(wall.getTime());
  }
  const offset = zulu ? 'Z' : `${sign}${oh}:${om}`;
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * The instant of a stored date or date-time; a plain day stands for noon UTC, which lies on that same calendar day
 * everywhere in Europe. Null for anything else (never a rolled-over date: "2026-02-31" is not 3 March).
 */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  if (isCalendarDay(value)) return new Date(`${value}T12:00:00Z`);
  return parseDateTime(value);
}

/** The instant of a stored date or date-time (as parseInstant), or null after reporting it. */
export function readInstant(value: unknown, source?: ValueSource): Date | null {
  const instant = parseInstant(value);
  if (!instant) reportBadValue(value, EXPECTED_INSTANT, source);
  return instant;
}

/** A stored calendar day as it is, or null: absent (null, undefined) silently, unreadable after reporting it. */
export function readDay(value: unknown, source?: ValueSource): string | null {
  if (isCalendarDay(value)) return value;
  if (value !== null && value !== undefined) reportBadValue(value, EXPECTED_DAY, source);
  return null;
}

/** "05.03.2014"; "Datum unbekannt" for a value that is no date. */
export function formatDate(value: string | null | undefined, source?: ValueSource): string {
  const instant = readInstant(value, source);
  return instant ? dateFormat.format(instant) : UNKNOWN_DATE;
}

/** "Mi., 02.02.2022"; "Datum unbekannt" for a value that is no date. */
export function formatWeekdayDate(value: string | null | undefined, source?: ValueSource): string {
  const instant = readInstant(value, source);
  return instant ? weekdayDateFormat.format(instant) : UNKNOWN_DATE;
}

/** "Mittwoch, 2. Februar 2022"; "Datum unbekannt" for a value that is no date. */
export function formatLongDate(value: string | null | undefined, source?: ValueSource): string {
  const instant = readInstant(value, source);
  return instant ? longDateFormat.format(instant) : UNKNOWN_DATE;
}

/** "17:00 Uhr" in Berlin time; "Uhrzeit unbekannt" for a value without a readable time (a plain day has none). */
export function formatTimeOfDay(value: string | null | undefined, source?: ValueSource): string {
  const instant = typeof value === 'string' && !isCalendarDay(value) ? parseDateTime(value) : null;
  if (!instant) {
    reportBadValue(value, EXPECTED_TIME, source);
    return UNKNOWN_TIME;
  }
  return `${timeFormat.format(instant)} Uhr`;
}

/** Year, month, day, hour and minute of an instant on Berlin's wall clock. */
function berlinParts(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts: Record<string, string> = {};
  for (const p of wallClockFormat.formatToParts(instant)) parts[p.type] = p.value;
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/** The Berlin calendar day (YYYY-MM-DD) of an instant. */
function dayInBerlin(instant: Date): string {
  const p = berlinParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today's calendar day in Berlin (YYYY-MM-DD): the day due dates are compared with and forms start from. */
export function berlinToday(now: Date = new Date()): string {
  return dayInBerlin(now);
}

/** The Berlin calendar day (YYYY-MM-DD) of a stored instant; a plain day is returned as it is; null if it is neither. */
export function berlinDay(value: string | null | undefined, source?: ValueSource): string | null {
  if (isCalendarDay(value)) return value;
  const instant = readInstant(value, source);
  return instant ? dayInBerlin(instant) : null;
}

/** The calendar year of a stored date in Berlin; null if it is no date. */
export function yearOf(value: string | null | undefined, source?: ValueSource): number | null {
  const day = berlinDay(value, source);
  return day ? Number(day.slice(0, 4)) : null;
}

/** Machine-readable value for <time datetime>; undefined (no attribute) for a value that is no date. */
export function isoDatetime(value: string | null | undefined): string | undefined {
  if (isCalendarDay(value)) return value;
  return parseInstant(value)?.toISOString();
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A Berlin wall-clock time from `<input type="datetime-local">` ("2026-11-20T17:00") as ISO 8601 with its offset
 * ("2026-11-20T17:00:00+01:00"); null if it names no real day and time. A time skipped by the change to summer
 * time (02:30 on the last Sunday in March) becomes the hour after it.
 */
export function berlinLocalToIso(local: string): string | null {
  const m = LOCAL.exec(local);
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  const wall = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), TIME_ZONE);
  // TZDate writes "2026-11-20T17:00:00.000+01:00"; stored values carry no milliseconds.
  return wall.toISOString().replace(/\.000(?=Z|[+-])/, '');
}

/** An instant as the value of `<input type="datetime-local">` in Berlin time ("2026-11-20T17:00"); "" if it is none. */
export function isoToBerlinLocal(value: string | null | undefined, source?: ValueSource): string {
  const instant = typeof value === 'string' && !isCalendarDay(value) ? parseDateTime(value) : null;
  if (!instant) {
    reportBadValue(value, EXPECTED_TIME, source);
    return '';
  }
  const p = berlinParts(instant);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
