// What a meeting may refer to: a live body, and organizations of that body; and what must not be left in its old
// body when it moves to another.
import { and, count, eq, isNull, ne, or } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Executor } from '@/lib/server/db';
import { bodyMove, bodyMoveRefusal, checkOrganizations, counted, invalid, liveBody, type InvalidReference } from '@/lib/server/references';
import type { MeetingInput } from '@/lib/validation/forms';
import { bodyMoveMessages, referenceMessages } from '@/lib/validation/messages';

/** The body and organizations of a meeting: all exist, and the organizations belong to the meeting's body. */
export async function checkMeetingReferences(tx: Executor, input: MeetingInput): Promise<InvalidReference | null> {
  const body = await liveBody(tx, input.bodyId);
  if (!body) return invalid('bodyId', referenceMessages.missing);
  return checkOrganizations(tx, 'organizationIds', input.organizationIds, body);
}

/**
 * A meeting moved to another body while records of the old one still point to it or its agenda items: Beratungsfolge
 * steps of papers, and demands raised in its agenda items whose responsible office belongs to another body. Counted
 * per kind before anything is written. (Its organizations are the form's choice, checked by checkMeetingReferences.)
 */
export async function checkMeetingMove(tx: Executor, input: MeetingInput): Promise<InvalidReference | null> {
  const move = await bodyMove(tx, t.meeting, input.id, input.bodyId);
  if (!move || input.id === null) return null;
  const meetingId = input.id;
  const to = move.to;
  // Steps in this meeting or in one of its agenda items, of papers of another body.
  const consultations = await counted(
    tx
      .select({ n: count() })
      .from(t.consultation)
      .innerJoin(t.paper, eq(t.paper.id, t.consultation.paperId))
      .leftJoin(t.agendaItem, eq(t.agendaItem.id, t.consultation.agendaItemId))
      .where(and(or(eq(t.consultation.meetingId, meetingId), eq(t.agendaItem.meetingId, meetingId)), isNull(t.consultation.deletedAt), isNull(t.paper.deletedAt), ne(t.paper.bodyId, to))),
  );
  const demands = await counted(
    tx
      .select({ n: count() })
      .from(t.demand)
      .innerJoin(t.agendaItem, eq(t.agendaItem.id, t.demand.agendaItemId))
      .innerJoin(t.organization, eq(t.organization.id, t.demand.responsibleOrganizationId))
      .where(and(eq(t.agendaItem.meetingId, meetingId), isNull(t.demand.deletedAt), ne(t.organization.bodyId, to))),
  );
  return bodyMoveRefusal('meeting', move, [
    [consultations, bodyMoveMessages.meetingConsultations],
    [demands, bodyMoveMessages.meetingDemands],
  ]);
}
