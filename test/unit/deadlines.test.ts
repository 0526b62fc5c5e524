// Due dates and overdue: promises, dates set by hand, the body's reply rule, and Berlin calendar days.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, effectiveDeadline, isOverdue } from '@/lib/server/tracking/deadlines';
import { berlinToday } from '@/lib/dates';
import { initialStatus } from '@/lib/domain/status-graph';

const promise = (date: string, nextDueDate: string | null) => ({ date, kind: 'promise' as const, nextDueDate });

describe('effective due date', () => {
  it('has none when nothing sets one', () => {
    expect(effectiveDeadline({ ownDueDate: null, followUps: [], replyRule: null })).toBeNull();
  });

  it('takes the newest follow-up that names a date, over older ones and the demand’s own date', () => {
    const result = effectiveDeadline({
      ownDueDate: '2022-03-01',
      followUps: [promise('2022-02-02', '2022-06-30'), { date: '2022-07-15', kind: 'progress', nextDueDate: null }, { date: '2022-08-01', kind: 'reminder', nextDueDate: '2022-12-31' }],
      replyRule: null,
    });
    expect(result).toEqual({ dueDate: '2022-12-31', source: 'followUp' });
  });

  it('names a promise as such', () => {
    expect(effectiveDeadline({ ownDueDate: null, followUps: [promise('2022-02-02', '2022-06-30')], replyRule: null })).toEqual({ dueDate: '2022-06-30', source: 'promise' });
  });

  it('falls back to the date set on the demand', () => {
    expect(effectiveDeadline({ ownDueDate: '2024-05-31', followUps: [], replyRule: { paperDate: '2024-01-01', days: 42 } })).toEqual({ dueDate: '2024-05-31', source: 'demand' });
  });

  it('applies the body’s reply rule until the first reply, counting calendar days', () => {
    const rule = { paperDate: '2014-03-05', days: 42 };
    expect(effectiveDeadline({ ownDueDate: null, followUps: [], replyRule: rule })).toEqual({ dueDate: '2014-04-16', source: 'rule' });
    expect(effectiveDeadline({ ownDueDate: null, followUps: [{ date: '2014-03-12', kind: 'reply', nextDueDate: null }], replyRule: rule })).toBeNull();
  });

  it('counts across month ends, leap days and the change to summer time', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(addDays('2023-12-31', 42)).toBe('2024-02-11');
    expect(daysBetween('2022-06-30', '2026-11-21')).toBe(1605);
  });
});

describe('overdue', () => {
  it('is overdue from the day after the due date, not on the day itself', () => {
    expect(isOverdue('in_beratung', '2022-06-30', '2022-06-30')).toBe(false);
    expect(isOverdue('in_beratung', '2022-06-30', '2022-07-01')).toBe(true);
  });

  it('is never overdue when settled or without a due date', () => {
    for (const status of ['umgesetzt', 'erfuellt', 'abgelehnt', 'von_verwaltung_abgelehnt', 'erledigt_ohne_umsetzung', 'zurueckgezogen'] as const) expect(isOverdue(status, '2000-01-01', '2026-01-01')).toBe(false);
    expect(isOverdue('eingereicht', null, '2026-01-01')).toBe(false);
  });

  it('decides by the calendar day in Berlin, not in UTC', () => {
    // 30 June 2022, 23:30 UTC is already 1 July in Berlin (summer time, UTC+2).
    expect(berlinToday(new Date('2022-06-30T21:59:00Z'))).toBe('2022-06-30');
    expect(berlinToday(new Date('2022-06-30T22:00:00Z'))).toBe('2022-07-01');
    expect(isOverdue('in_beratung', '2022-06-30', berlinToday(new Date('2022-06-30T22:30:00Z')))).toBe(true);
    // In winter Berlin is UTC+1: 31 December 23:30 UTC is New Year's Day.
    expect(berlinToday(new Date('2022-12-31T22:59:59Z'))).toBe('2022-12-31');
    expect(berlinToday(new Date('2022-12-31T23:00:00Z'))).toBe('2023-01-01');
  });
});

describe('initial status', () => {
  it('starts a motion’s demand as submitted and a demand raised in a meeting as under discussion', () => {
    expect(initialStatus('paper')).toBe('eingereicht');
    expect(initialStatus('agendaItem')).toBe('in_beratung');
  });
});
