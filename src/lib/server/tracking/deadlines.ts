// When a demand is due and whether it is overdue; calendar days in Europe/Berlin, pure functions.
// Due dates are kept as stored: one that is no real day ("2026-13-01") is shown as "Datum unbekannt" by the formatters,
// and here it counts as no usable due date: never overdue, no arithmetic on it, nothing thrown.
import { demandStatuses, type DemandStatus, type FollowUpKind } from '@/lib/domain/vocabulary';
import { isCalendarDay } from '@/lib/dates';
import { isSettled } from '@/lib/domain/status-graph';

/** A follow-up as far as due dates are concerned, in chronological order. */
export interface DeadlineFollowUp {
  date: string;
  kind: FollowUpKind;
  nextDueDate: string | null;
}

/** Everything that can set a demand's due date. */
export interface DeadlineInput {
  /** Due date set by hand on the demand. */
  ownDueDate: string | null;
  /** Follow-ups in chronological order; the newest one that names a next due date wins. */
  followUps: readonly DeadlineFollowUp[];
  /** The body's reply rule, for demands of motions and inquiries: reply within `days` of the paper's date. */
  replyRule: { paperDate: string; days: number } | null;
}

/** Where a due date comes from, as the pages explain it. */
export type DeadlineSource = 'followUp' | 'promise' | 'demand' | 'rule';

/**
 * The effective due date of a demand and its source; null when nothing sets one. The date is the stored value that
 * wins (YYYY-MM-DD, or an unreadable value that stays unknown); a reply rule on an unreadable paper date sets none.
 */
export function effectiveDeadline(input: DeadlineInput): { dueDate: string; source: DeadlineSource } | null {
  for (let i = input.followUps.length - 1; i >= 0; i--) {
    const f = input.followUps[i]!;
    if (f.nextDueDate) return { dueDate: f.nextDueDate, source: f.kind === 'promise' ? 'promise' : 'followUp' };
  }
  if (input.ownDueDate) return { dueDate: input.ownDueDate, source: 'demand' };
  // The reply rule is met by the first reply; after it, only dates set by hand or by follow-ups count.
  if (input.replyRule && !input.followUps.some((f) => f.kind === 'reply')) {
    const dueDate = addDays(input.replyRule.paperDate, input.replyRule.days);
    return dueDate === null ? null : { dueDate, source: 'rule' };
  }
  return null;
}

const knownStatuses: ReadonlySet<string> = new Set(demandStatuses);

/** The due date if it is a real calendar day, else null: what sorting, calendars and the overdue rule may use. */
export function usableDueDate(dueDate: string | null): string | null {
  return isCalendarDay(dueDate) ? dueDate : null;
}

/**
 * Overdue: open, and its due day lies before today in Berlin (due today is not yet overdue). A due date that is no
 * real day, or a status outside the vocabulary, never makes a demand overdue.
 */
export function isOverdue(status: DemandStatus, dueDate: string | null, today: string): boolean {
  const due = usableDueDate(dueDate);
  return knownStatuses.has(status) && !isSettled(status) && due !== null && due < today;
}

/** Calendar days as counted in UTC, where every day has 24 hours; NaN for a value that is no real day. */
function dayNumber(day: string): number {
  return isCalendarDay(day) ? Date.parse(`${day}T00:00:00Z`) / 86_400_000 : Number.NaN;
}

/** Whole calendar days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier; null if either is no real day. */
export function daysBetween(from: string, to: string): number | null {
  const days = dayNumber(to) - dayNumber(from);
  return Number.isNaN(days) ? null : days;
}

/** The calendar day `days` after `day` (YYYY-MM-DD); null if `day` is no real day or `days` no whole number. */
export function addDays(day: string, days: number): string | null {
  const start = dayNumber(day);
  if (Number.isNaN(start) || !Number.isSafeInteger(days)) return null;
  const date = new Date((start + days) * 86_400_000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** German wording of a due date's source. */
export const deadlineSourceLabels: Record<DeadlineSource, string> = {
  promise: 'Zusage',
  followUp: 'nächste Frist laut Verlauf',
  demand: 'festgelegte Frist',
  rule: 'Antwortfrist der Körperschaft',
};
