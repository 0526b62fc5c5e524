// Calendar checks for posted and imported dates: a day is real only if it survives a round trip through a date
// (2026-02-31 does not: JavaScript would silently make it 3 March). Pure functions, safe on both sides.
import { dateMessages } from './messages';

/** Earliest and latest year a date field accepts (catches typos such as 0226 or 20266). */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** True when `value` is `YYYY-MM-DD` and that day exists in the calendar (leap years included). */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.toISOString().slice(0, 10) === value;
}

/** German reason why `value` is not a real calendar day (`YYYY-MM-DD`, years MIN_YEAR–MAX_YEAR), or null; `formatMessage` when it is no date at all. */
export function dayProblem(value: string, formatMessage: string): string | null {
  const m = DAY.exec(value);
  if (!m) return formatMessage;
  if (!isCalendarDay(value)) return dateMessages.notACalendarDay(value);
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return dateMessages.yearRange(MIN_YEAR, MAX_YEAR);
  return null;
}

function timeProblem(hours: string, minutes: string, seconds = '00'): string | null {
  return Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59 ? dateMessages.notATime(`${hours}:${minutes}`) : null;
}

/** German reason why `value` is not a Berlin wall-clock time `YYYY-MM-DDThh:mm` (as `<input type="datetime-local">` sends it), or null. */
export function localDateTimeProblem(value: string, label: string): string | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return dateMessages.dateTimeFormat(label);
  return dayProblem(m[1]!, dateMessages.dateTimeFormat(label)) ?? timeProblem(m[2]!, m[3]!, m[4]);
}

/** German reason why `value` is not an ISO 8601 instant with offset (`2022-02-02T17:00:00+01:00`), or null. */
export function instantProblem(value: string): string | null {
  const m = INSTANT.exec(value);
  if (!m) return dateMessages.instantFormat;
  if (m[5] !== undefined && (Number(m[5]) > 14 || Number(m[6]) > 59)) return dateMessages.instantFormat;
  return dayProblem(m[1]!, dateMessages.instantFormat) ?? timeProblem(m[2]!, m[3]!, m[4]);
}
