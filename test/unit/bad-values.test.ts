// A bad value already in the database (or arriving by import) never makes a formatter throw: it is shown as a German
// placeholder and reported once as a warning with its record and field.
import { afterEach, describe, expect, it, vi } from 'vitest';
import ICAL from 'ical.js';
import {
  berlinDay, berlinLocalToIso, formatDate, formatLongDate, formatTimeOfDay, formatWeekdayDate, isCalendarDay, isoDatetime, isoToBerlinLocal,
  parseInstant, readDay, yearOf,
} from '@/lib/dates';
import { formatBytes, readCount } from '@/lib/format';
import { demandStatusLabel, followUpKindLabel, meetingStateLabel, organizationKindLabel, paperTypeLabel, relationLabel } from '@/lib/domain/labels';
import { addDays, daysBetween, effectiveDeadline, isOverdue, usableDueDate } from '@/lib/server/tracking/deadlines';
import { countByStatus, demandsCsv, filterDemands, sortByUrgency } from '@/lib/server/tracking/filter';
import { barsByYear, UNKNOWN_YEAR } from '@/lib/server/tracking/stats';
import { dueDatesCalendar } from '@/lib/server/feeds/calendars';
import type { DemandStatus } from '@/lib/domain/vocabulary';
import type { TrackedDemand } from '@/lib/server/tracking/load';

const BAD_DAYS = ['2026-13-01', '2026-02-31', '2023-02-29', '2026-00-10', '', 'garbage', '2026-1-5', ' 2026-01-05'];
const BAD_INSTANTS = ['2026-02-31T17:00:00+01:00', '2022-02-02T25:00:00Z', '2022-02-02T17:61:00Z', '2022-02-02T17:00:00+25:00', 'gestern 17 Uhr', ''];
const ODD = [null, undefined, 42, {}, []];

afterEach(() => {
  vi.restoreAllMocks();
});

/** Records console.warn for one test, without printing. */
function warnings(): string[][] {
  const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return spy.mock.calls as string[][];
}

describe('dates that are none', () => {
  it('shows every unreadable date as "Datum unbekannt" and never throws', () => {
    warnings();
    for (const value of [...BAD_DAYS, ...BAD_INSTANTS, ...ODD] as string[]) {
      expect(formatDate(value), String(value)).toBe('Datum unbekannt');
      expect(formatWeekdayDate(value), String(value)).toBe('Datum unbekannt');
      expect(formatLongDate(value), String(value)).toBe('Datum unbekannt');
      expect(formatTimeOfDay(value), String(value)).toBe('Uhrzeit unbekannt');
      expect(isoDatetime(value), String(value)).toBeUndefined();
      expect(berlinDay(value), String(value)).toBeNull();
      expect(yearOf(value), String(value)).toBeNull();
      expect(parseInstant(value), String(value)).toBeNull();
      expect(isoToBerlinLocal(value), String(value)).toBe('');
      expect(isCalendarDay(value), String(value)).toBe(false);
    }
  });

  it('does not roll an impossible day over into the next month', () => {
    warnings();
    // new Date('2026-02-31') would be 3 March 2026.
    expect(formatDate('2026-02-31')).toBe('Datum unbekannt');
    expect(formatDate('2026-02-31T17:00:00+01:00')).toBe('Datum unbekannt');
    expect(formatDate('2024-02-29')).toBe('29.02.2024');
    expect(isCalendarDay('2000-02-29')).toBe(true);
    expect(isCalendarDay('1900-02-29')).toBe(false);
  });

  it('has no time of day for a plain calendar day', () => {
    warnings();
    expect(formatTimeOfDay('2022-02-02')).toBe('Uhrzeit unbekannt');
  });

  it('reads a date-time without offset as Berlin wall-clock time, with "T" or a space', () => {
    expect(formatTimeOfDay('2022-02-02T17:00:00')).toBe('17:00 Uhr');
    expect(formatTimeOfDay('2022-07-02 17:00:00')).toBe('17:00 Uhr');
    expect(formatTimeOfDay('2022-07-02T15:00:00.123456Z')).toBe('17:00 Uhr');
  });

  it('reports a bad value once, as a warning naming record, field and value', () => {
    const calls = warnings();
    const error = vi.spyOn(console, 'error');
    const source = { table: 'demand', id: 4711, field: 'dueDate' };
    expect(formatDate('2026-13-01', source)).toBe('Datum unbekannt');
    expect(formatDate('2026-13-01', source)).toBe('Datum unbekannt');
    expect(formatWeekdayDate('2026-13-01', source)).toBe('Datum unbekannt');
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toContain('demand 4711, Feld dueDate');
    expect(calls[0]![0]).toContain('"2026-13-01"');
    expect(error).not.toHaveBeenCalled();
    formatDate('2026-13-02', source);
    expect(calls).toHaveLength(2);
  });

  it('passes absent optional days through without a warning and reports present bad ones', () => {
    const calls = warnings();
    expect(readDay(null)).toBeNull();
    expect(readDay(undefined)).toBeNull();
    expect(calls).toHaveLength(0);
    expect(readDay('2026-13-01', { table: 'follow_up', id: 1, field: 'nextDueDate' })).toBeNull();
    expect(calls).toHaveLength(1);
    expect(readDay('2026-12-01')).toBe('2026-12-01');
  });

  it('refuses wall-clock input that names no real time, and moves a time skipped in spring to the hour after', () => {
    expect(berlinLocalToIso('2026-02-31T17:00')).toBeNull();
    expect(berlinLocalToIso('2026-11-20T24:00')).toBeNull();
    expect(berlinLocalToIso('morgen')).toBeNull();
    expect(berlinLocalToIso('2026-03-29T02:30')).toBe('2026-03-29T03:30:00+02:00');
    expect(berlinLocalToIso('2026-03-29T01:59')).toBe('2026-03-29T01:59:00+01:00');
  });
});

describe('numbers that are none', () => {
  it('shows a file size that is no whole number of bytes as "Größe unbekannt"', () => {
    warnings();
    for (const value of ['viel', -1, Number.NaN, 1.5, null, Infinity, '1024']) expect(formatBytes(value), String(value)).toBe('Größe unbekannt');
    expect(formatBytes(0)).toBe('0 Byte');
    expect(formatBytes(117_000)).toBe('114 KB');
    expect(formatBytes(1_300_000)).toBe('1,2 MB');
  });

  it('reads counts strictly', () => {
    warnings();
    expect(readCount(42)).toBe(42);
    expect(readCount('42')).toBeNull();
    expect(readCount(-3)).toBeNull();
  });
});

describe('code names outside the vocabulary', () => {
  it('gets a German placeholder instead of an empty label or an exception', () => {
    const calls = warnings();
    expect(paperTypeLabel('antrag')).toBe('Antrag');
    expect(demandStatusLabel('in_beratung')).toBe('In Beratung');
    expect(calls).toHaveLength(0);
    for (const bad of ['sonderdruck', '', '__proto__', 'constructor', 'toString', null, 7]) {
      expect(paperTypeLabel(bad), String(bad)).toBe('Vorlage (Art unbekannt)');
      expect(demandStatusLabel(bad), String(bad)).toBe('Status unbekannt');
      expect(followUpKindLabel(bad), String(bad)).toBe('Eintrag (Art unbekannt)');
      expect(organizationKindLabel(bad), String(bad)).toEqual({ one: 'Art unbekannt', many: 'Weitere (Art unbekannt)' });
      expect(relationLabel(bad, 'incoming'), String(bad)).toBe('Verknüpft mit');
      expect(meetingStateLabel(bad), String(bad)).toBe('Stand unbekannt');
    }
  });

  it('names the vocabulary in the warning', () => {
    const calls = warnings();
    demandStatusLabel('verschollen', { table: 'demand', id: 99, field: 'status' });
    expect(calls[0]![0]).toContain('demand 99, Feld status');
    expect(calls[0]![0]).toContain('in_beratung');
  });
});

describe('deadline arithmetic on bad values', () => {
  it('keeps an unreadable due date as stored, so pages show it as unknown, and never counts it as overdue', () => {
    const deadline = effectiveDeadline({ ownDueDate: '2026-13-01', followUps: [], replyRule: null });
    expect(deadline).toEqual({ dueDate: '2026-13-01', source: 'demand' });
    expect(usableDueDate('2026-13-01')).toBeNull();
    for (const due of BAD_DAYS) expect(isOverdue('in_beratung', due, '2099-01-01'), due).toBe(false);
    expect(isOverdue('in_beratung', '2026-01-01', '2099-01-01')).toBe(true);
  });

  it('does not call a demand with a status outside the vocabulary overdue', () => {
    expect(isOverdue('verschollen' as DemandStatus, '2020-01-01', '2026-01-01')).toBe(false);
  });

  it('computes no reply deadline from a paper date or a number of days that is none', () => {
    expect(effectiveDeadline({ ownDueDate: null, followUps: [], replyRule: { paperDate: 'garbage', days: 42 } })).toBeNull();
    expect(effectiveDeadline({ ownDueDate: null, followUps: [], replyRule: { paperDate: '2014-03-05', days: Number.NaN } })).toBeNull();
    expect(addDays('2026-02-31', 1)).toBeNull();
    expect(addDays('2026-01-01', 1.5)).toBeNull();
    expect(addDays('2026-01-01', 'sechs' as unknown as number)).toBeNull();
    expect(addDays('9999-12-31', 1_000_000_000)).toBeNull();
    expect(daysBetween('2026-13-01', '2026-12-01')).toBeNull();
    expect(daysBetween('2026-11-30', '2026-12-01')).toBe(1);
  });
});

function tracked(overrides: Partial<TrackedDemand> & { id: number }): TrackedDemand {
  return {
    paperId: 1, agendaItemId: null, ordinal: 1, title: `Forderung ${overrides.id}`, textHtml: '', sourceQuote: null, status: 'in_beratung',
    responsible: null, dueDate: null, dueSource: null, overdue: false, daysOverdue: 0, raisedOn: '2022-01-10',
    body: { slug: 'k', name: 'Körperschaft' }, source: { kind: 'paper', slug: 'p', name: 'Vorlage', reference: null, paperType: 'antrag' },
    originators: [], organizations: [], followUpCount: 0, lastFollowUp: null, lastFollowUpDate: null, ...overrides,
  } as TrackedDemand;
}

describe('the tracker on bad values', () => {
  const rows = [
    tracked({ id: 1, dueDate: '2026-13-01', dueSource: 'demand', raisedOn: 'garbage' }),
    tracked({ id: 2, dueDate: '2030-06-30', dueSource: 'demand', status: 'verschollen' as DemandStatus }),
    tracked({ id: 3, raisedOn: '2014-03-05', lastFollowUpDate: '2026-02-31' }),
    tracked({ id: 4, dueDate: '2029-01-31', dueSource: 'demand', source: { kind: 'paper', slug: 'q', name: 'Sonderdruck', reference: null, paperType: 'sonderdruck' as 'antrag' } }),
  ];

  it('sorts a demand with an unreadable due date among those without one', () => {
    expect(sortByUrgency(rows).map((d) => d.id)).toEqual([4, 2, 1, 3]);
  });

  it('counts a status outside the vocabulary in the total only', () => {
    const { counts, total } = countByStatus(rows);
    expect(total).toBe(4);
    expect(counts.in_beratung).toBe(3);
    expect(Object.values(counts).every(Number.isInteger)).toBe(true);
  });

  it('puts demands whose day of raising is unreadable into their own bar and out of every year filter', () => {
    warnings();
    const bars = barsByYear(rows);
    expect(bars[0]!.label).toBe('2014');
    expect(bars.at(-2)!.label).toBe('2022');
    expect(bars.at(-1)).toMatchObject({ label: UNKNOWN_YEAR, total: 1 });
    expect(filterDemands(rows, { year: 2022 }).map((d) => d.id)).toEqual([2, 4]);
  });

  it('writes the placeholders into the CSV', () => {
    warnings();
    const csv = demandsCsv(rows, 'https://rat.example');
    expect(csv).toContain('Datum unbekannt');
    expect(csv).toContain('Status unbekannt');
    expect(csv).toContain('Vorlage (Art unbekannt): Sonderdruck');
  });

  it('leaves an unreadable due date out of the calendar and names an unknown status', () => {
    warnings();
    const ics = dueDatesCalendar('https://rat.example', rows, 'Fristen');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('url'))).toEqual(['https://rat.example/forderungen/2', 'https://rat.example/forderungen/4']);
    expect(String(events[0]!.getFirstPropertyValue('description'))).toContain('Stand: Status unbekannt');
  });
});
