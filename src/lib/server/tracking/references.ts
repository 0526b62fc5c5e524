// What a demand and a follow-up may refer to, and the plausibility of their due dates: the responsible office
// belongs to the body of the demand's paper (or meeting); a due date before the paper's date (a follow-up's next
// due date before its own date) is refused unless the clerk confirms it with the checkbox the message brings.
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { berlinDay } from '@/lib/dates';
import type { Executor } from '@/lib/server/db';
import { checkOrganizations, firstProblem, invalid, livePaper, type BodyRef, type InvalidReference } from '@/lib/server/references';
import type { DemandInput } from '@/lib/validation/forms';
import { dateMessages, referenceMessages } from '@/lib/validation/messages';

/** Where a demand belongs: its body, and the day its due date is compared with (the paper's date or the meeting's day). */
export interface DemandParent {
  kind: 'paper' | 'meeting';
  body: BodyRef;
  day: string | null;
}

/** The parent of a demand by its paper or agenda item (trashed ones too: an existing demand keeps its parent), or null. */
export async function demandParent(tx: Executor, owner: { paperId: number | null; agendaItemId: number | null }): Promise<DemandParent | null> {
  if (owner.paperId) {
    const [row] = await tx.select({ date: t.paper.date, body: { id: t.body.id, name: t.body.name } }).from(t.paper).innerJoin(t.body, eq(t.body.id, t.paper.bodyId)).where(eq(t.paper.id, owner.paperId));
    return row ? { kind: 'paper', body: row.body, day: row.date } : null;
  }
  if (owner.agendaItemId) {
    const [row] = await tx
      .select({ start: t.meeting.start, body: { id: t.body.id, name: t.body.name } })
      .from(t.agendaItem)
      .innerJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId))
      .innerJoin(t.body, eq(t.body.id, t.meeting.bodyId))
      .where(eq(t.agendaItem.id, owner.agendaItemId));
    return row ? { kind: 'meeting', body: row.body, day: safeDay(row.start) } : null;
  }
  return null;
}

function safeDay(value: string): string | null {
  try {
    return berlinDay(value);
  } catch {
    return null;
  }
}

/**
 * The responsible office (live, same body) and the due date of a demand. `storedDueDate` is the due date saved
 * before: keeping it needs no new confirmation.
 */
export function checkDemandReferences(tx: Executor, input: DemandInput, parent: DemandParent, storedDueDate: string | null = null): Promise<InvalidReference | null> {
  return firstProblem(
    () => checkOrganizations(tx, 'responsibleOrganizationId', [input.responsibleOrganizationId], parent.body),
    () => {
      const due = input.dueDate;
      if (!due || !parent.day || input.confirmDueDate || due === storedDueDate || due >= parent.day) return null;
      return parent.kind === 'paper'
        ? invalid('confirmDueDate', dateMessages.dueBeforePaper(due, parent.day))
        : invalid('confirmDueDate', dateMessages.dueBeforeMeeting(due, parent.day));
    },
  );
}

/** A follow-up's next due date lies on or after its date, unless confirmed (or unchanged since it was saved). */
export function checkNextDueDate(input: { date: string; nextDueDate: string | null; confirmNextDueDate: boolean }, stored: { date: string; nextDueDate: string | null } | null = null): InvalidReference | null {
  const next = input.nextDueDate;
  if (!next || input.confirmNextDueDate || next >= input.date) return null;
  if (stored && stored.date === input.date && stored.nextDueDate === next) return null;
  return invalid('confirmNextDueDate', dateMessages.nextDueBeforeFollowUp(next, input.date));
}

