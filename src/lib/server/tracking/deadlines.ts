// When a demand is due and whether it is overdue; calendar days in Europe/Berlin, pure functions.
import type { DemandStatus, FollowUpKind } from '@/lib/domain/vocabulary';
import { berlinDay } from '@/lib/dates';
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

/** The effective due date of a demand (YYYY-MM-DD) and its source; null when nothing sets one. */
export function effectiveDeadline(input: DeadlineInput): { dueDate: string; source: DeadlineSource } | null {
  for (let i = input.followUps.length - 1; i >= 0; i--) {
    const f = input.followUps[i]!;
    if (f.nextDueDate) return { dueDate: f.nextDueDate, source: f.kind === 'promise' ? 'promise' : 'followUp' };
  }
  if (input.ownDueDate) return { dueDate: input.ownDueDate, source: 'demand' };
  // The reply rule is met by the first reply; after it, only dates set by hand or by follow-ups count.
  if (input.replyRule && !input.followUps.some((f) => f.kind === 'reply')) {
    return { dueDate: addDays(input.replyRule.paperDate, input.replyRule.days), source: 'rule' };
  }
  return null;
}

/** Today's calendar day in Berlin, the day against which due dates are compared. */
export function berlinToday(now: Date = new Date()): string {
  return berlinDay(now);
}

/** Overdue: open, and its due day lies before today in Berlin (due today is not yet overdue). */
export function isOverdue(status: DemandStatus, dueDate: string | null, today: string): boolean {
  return !isSettled(status) && dueDate !== null && dueDate < today;
}

/** Whole calendar days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** German wording of a due date's source. */
export const deadlineSourceLabels: Record<DeadlineSource, string> = {
  promise: 'Zusage',
  followUp: 'Wiedervorlage',
  demand: 'festgelegte Frist',
  rule: 'Antwortfrist der Körperschaft',
};
