// Dates shown in Europe/Berlin with German formats; dates are stored as ISO 8601.
const TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const weekdayDateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
const longDateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** A plain calendar day (YYYY-MM-DD) is read as that day in Berlin, not as UTC midnight. */
function toInstant(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** "05.03.2014" */
export function formatDate(value: string): string {
  return dateFormat.format(toInstant(value));
}

/** "Mi., 02.02.2022" */
export function formatWeekdayDate(value: string): string {
  return weekdayDateFormat.format(toInstant(value));
}

/** "Mittwoch, 2. Februar 2022" */
export function formatLongDate(value: string): string {
  return longDateFormat.format(toInstant(value));
}

/** "17:00" in Berlin time. */
export function formatTime(value: string): string {
  return timeFormat.format(new Date(value));
}

/** The Berlin calendar day (YYYY-MM-DD) of an instant; a plain day is returned as it is. */
export function berlinDay(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return dayKeyFormat.format(typeof value === 'string' ? new Date(value) : value);
}

/** The calendar year of a stored date, in Berlin. */
export function yearOf(value: string): number {
  return Number(berlinDay(value).slice(0, 4));
}

/** Machine-readable value for <time datetime>. */
export function isoDatetime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : new Date(value).toISOString();
}

/** The UTC offset of Berlin at an instant, as "+01:00" or "+02:00". */
function berlinOffset(instant: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const offset = part.replace('GMT', '');
  return offset === '' ? '+00:00' : offset;
}

/** A Berlin wall-clock time from `<input type="datetime-local">` ("2026-11-20T17:00") as ISO 8601 with offset. */
export function berlinLocalToIso(local: string): string {
  const guess = new Date(`${local}:00Z`);
  const offset = berlinOffset(new Date(guess.getTime() - 60 * 60 * 1000));
  const candidate = `${local}:00${offset}`;
  // Around the DST switch the first guess can be off by an hour; the offset at the candidate instant decides.
  const exact = berlinOffset(new Date(candidate));
  return `${local}:00${exact}`;
}

/** An instant as the value of `<input type="datetime-local">` in Berlin time ("2026-11-20T17:00"). */
export function isoToBerlinLocal(value: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
