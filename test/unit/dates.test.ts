// Dates appear as Germans write them, on the Berlin calendar, wherever the server runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinDay, berlinToday, formatDate, formatLongDate, formatTimeOfDay, formatWeekdayDate, isoDatetime, yearOf } from '@/lib/dates';

// Run as if the server stood in Honolulu (UTC−10): anything that leaks the process time zone shows up.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Pacific/Honolulu';
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('German date formats', () => {
  it('shows a paper date as DD.MM.YYYY', () => {
    expect(formatDate('2014-03-05')).toBe('05.03.2014');
  });

  it('shows a meeting day with short weekday and in long form', () => {
    expect(formatWeekdayDate('2022-02-02T17:00:00+01:00')).toBe('Mi., 02.02.2022');
    expect(formatLongDate('2022-02-02')).toBe('Mittwoch, 2. Februar 2022');
  });

  it('shows the meeting start at the hour it was announced in Berlin', () => {
    expect(formatTimeOfDay('2022-02-02T17:00:00+01:00')).toBe('17:00 Uhr');
    expect(formatTimeOfDay('2022-06-15T15:00:00Z')).toBe('17:00 Uhr');
  });

  it('gives <time datetime> a machine-readable value', () => {
    expect(isoDatetime('2014-03-05')).toBe('2014-03-05');
    expect(isoDatetime('2022-02-02T17:00:00+01:00')).toBe('2022-02-02T16:00:00.000Z');
  });
});

describe('Berlin calendar', () => {
  it('keeps a date-only value on its own day, even on a server far west of Berlin', () => {
    expect(new Date(2022, 0, 1).getTimezoneOffset()).toBe(600); // the stubbed time zone is active
    expect(formatDate('2022-01-01')).toBe('01.01.2022');
    expect(formatLongDate('2022-01-01')).toBe('Samstag, 1. Januar 2022');
    expect(berlinDay('2022-01-01')).toBe('2022-01-01');
    expect(yearOf('2014-12-31')).toBe(2014);
  });

  it('puts an instant shortly before midnight UTC on the next Berlin day and year', () => {
    expect(formatDate('2021-12-31T23:30:00Z')).toBe('01.01.2022');
    expect(berlinDay('2021-12-31T23:30:00Z')).toBe('2022-01-01');
    expect(yearOf('2021-12-31T23:30:00Z')).toBe(2022);
  });

  it('starts Berlin’s 1 July at 22:00 UTC in summer time, so a due date of 30 June has passed by then', () => {
    expect(berlinToday(new Date('2022-06-30T21:59:00Z'))).toBe('2022-06-30');
    expect(berlinToday(new Date('2022-06-30T22:00:00Z'))).toBe('2022-07-01');
  });

  it('follows the spring change to summer time (clocks jump from 02:00 to 03:00)', () => {
    expect(formatTimeOfDay('2022-03-27T00:59:00Z')).toBe('01:59 Uhr');
    expect(formatTimeOfDay('2022-03-27T01:00:00Z')).toBe('03:00 Uhr');
    expect(formatDate('2022-03-27T01:00:00Z')).toBe('27.03.2022');
  });

  it('follows the autumn change back to winter time (02:30 happens twice)', () => {
    expect(formatTimeOfDay('2022-10-30T00:30:00Z')).toBe('02:30 Uhr');
    expect(formatTimeOfDay('2022-10-30T01:30:00Z')).toBe('02:30 Uhr');
    expect(formatTimeOfDay('2022-10-30T02:30:00Z')).toBe('03:30 Uhr');
  });
});
