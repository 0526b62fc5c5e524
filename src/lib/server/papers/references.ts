// What a paper, its Beratungsfolge and its relations may refer to: live records of the paper's own body.
import { and, count, eq, gte, isNotNull, isNull, lt, min, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import type { Executor } from '@/lib/server/db';
import { bodyMove, bodyMoveRefusal, checkOrganizations, checkPersons, counted, firstProblem, invalid, liveAgendaItem, liveBody, liveMeeting, livePaper, type BodyMove, type InvalidReference } from '@/lib/server/references';
import type { PaperInput } from '@/lib/validation/forms';
import { bodyMoveMessages, dateMessages, referenceMessages } from '@/lib/validation/messages';

/** The body, Federführung and originators of a paper: all exist, and the offices and people belong to its body. */
export async function checkPaperReferences(tx: Executor, input: PaperInput): Promise<InvalidReference | null> {
  const body = await liveBody(tx, input.bodyId);
  if (!body) return invalid('bodyId', referenceMessages.missing);
  return firstProblem(
    () => checkOrganizations(tx, 'underDirectionOfId', [input.underDirectionOfId], body),
    () => checkOrganizations(tx, 'originatorOrganizationIds', input.originatorOrganizationIds, body),
    () => checkPersons(tx, 'originatorPersonIds', input.originatorPersonIds, body),
  );
}

/** A consultation's input as the form posts it. */
export interface ConsultationRefs {
  paperId: number;
  organizationId: number | null;
  meetingId: number | null;
  agendaItemId: number | null;
}

/**
 * The paper, organization, meeting and agenda item of a Beratungsfolge step: the paper exists (else `not-found`),
 * the others exist and belong to the paper's body, and the agenda item to the meeting. Returns the meeting the
 * step is in (the agenda item's, when only that was chosen).
 */
export async function checkConsultationReferences(tx: Executor, input: ConsultationRefs): Promise<{ ok: true; meetingId: number | null } | InvalidReference | { ok: false; reason: 'not-found' }> {
  const paper = await livePaper(tx, input.paperId);
  if (!paper) return { ok: false, reason: 'not-found' };
  const organization = await checkOrganizations(tx, 'organizationId', [input.organizationId], paper.body);
  if (organization) return organization;
  let meetingId = input.meetingId;
  if (meetingId) {
    const meeting = await liveMeeting(tx, meetingId);
    if (!meeting) return invalid('meetingId', referenceMessages.missing);
    if (meeting.body.id !== paper.body.id) return invalid('meetingId', referenceMessages.otherBody(meeting.name, paper.body.name));
  }
  if (input.agendaItemId) {
    const item = await liveAgendaItem(tx, input.agendaItemId);
    if (!item) return invalid('agendaItemId', referenceMessages.missing);
    if (meetingId && item.meetingId !== meetingId) return invalid('agendaItemId', referenceMessages.agendaItemOfOtherMeeting);
    if (item.body.id !== paper.body.id) return invalid('agendaItemId', referenceMessages.agendaItemOfOtherBody(paper.body.name));
    meetingId = item.meetingId;
  }
  return { ok: true, meetingId };
}

/** Both papers of a relation exist: the one edited (else `not-found`) and the chosen one (else a field message). */
export async function checkRelationReferences(tx: Executor, input: { fromPaperId: number; toPaperId: number }): Promise<InvalidReference | { ok: false; reason: 'not-found' } | null> {
  if (!(await livePaper(tx, input.fromPaperId))) return { ok: false, reason: 'not-found' };
  if (!(await livePaper(tx, input.toPaperId))) return invalid('toPaperId', referenceMessages.paperMissing);
  return null;
}

/**
 * What an update of a paper changes for records that point to it, checked before anything is written: a new body
 * while Beratungsfolge, demands, relations or follow-ups still point to the old one is refused; a later date that
 * existing due dates would fall before needs the clerk's confirmation (`confirmDueDates`).
 */
export async function checkPaperChange(tx: Executor, input: PaperInput): Promise<InvalidReference | null> {
  if (!input.id) return null;
  const move = await bodyMove(tx, t.paper, input.id, input.bodyId);
  if (move) {
    const refused = await checkPaperMove(tx, input.id, move);
    if (refused) return refused;
  }
  return input.confirmDueDates ? null : checkDueDatesAfterNewDate(tx, input.id, input.date);
}

const itemMeeting = alias(t.meeting, 'item_meeting');
const otherPaper = alias(t.paper, 'other_paper');
const demandPaper = alias(t.paper, 'demand_paper');

/** Live references of paper `paperId` to records of another body than `move.to`, counted per kind; the refusal or null. */
async function checkPaperMove(tx: Executor, paperId: number, move: BodyMove): Promise<InvalidReference | null> {
  const to = move.to;
  // Beratungsfolge: steps whose organization, meeting or agenda item's meeting belongs to another body.
  const consultations = await counted(
    tx
      .select({ n: count() })
      .from(t.consultation)
      .leftJoin(t.organization, eq(t.organization.id, t.consultation.organizationId))
      .leftJoin(t.meeting, eq(t.meeting.id, t.consultation.meetingId))
      .leftJoin(t.agendaItem, eq(t.agendaItem.id, t.consultation.agendaItemId))
      .leftJoin(itemMeeting, eq(itemMeeting.id, t.agendaItem.meetingId))
      .where(and(eq(t.consultation.paperId, paperId), isNull(t.consultation.deletedAt), or(ne(t.organization.bodyId, to), ne(t.meeting.bodyId, to), ne(itemMeeting.bodyId, to)))),
  );
  // Its demands whose responsible office belongs to another body.
  const demands = await counted(
    tx
      .select({ n: count() })
      .from(t.demand)
      .innerJoin(t.organization, eq(t.organization.id, t.demand.responsibleOrganizationId))
      .where(and(eq(t.demand.paperId, paperId), isNull(t.demand.deletedAt), ne(t.organization.bodyId, to))),
  );
  // Relations in either direction with live papers of another body.
  const relations = await counted(
    tx
      .select({ n: count() })
      .from(t.paperRelation)
      .innerJoin(otherPaper, or(and(eq(t.paperRelation.fromPaperId, paperId), eq(otherPaper.id, t.paperRelation.toPaperId)), and(eq(t.paperRelation.toPaperId, paperId), eq(otherPaper.id, t.paperRelation.fromPaperId))))
      .where(and(isNull(otherPaper.deletedAt), ne(otherPaper.bodyId, to))),
  );
  // Follow-ups on its demands citing a paper or agenda item of another body.
  const ownFollowUps = await counted(
    tx
      .select({ n: count() })
      .from(t.followUp)
      .innerJoin(t.demand, eq(t.demand.id, t.followUp.demandId))
      .leftJoin(otherPaper, eq(otherPaper.id, t.followUp.sourcePaperId))
      .leftJoin(t.agendaItem, eq(t.agendaItem.id, t.followUp.sourceAgendaItemId))
      .leftJoin(itemMeeting, eq(itemMeeting.id, t.agendaItem.meetingId))
      .where(and(eq(t.demand.paperId, paperId), isNull(t.demand.deletedAt), isNull(t.followUp.deletedAt), or(and(ne(otherPaper.id, paperId), ne(otherPaper.bodyId, to)), ne(itemMeeting.bodyId, to)))),
  );
  // Follow-ups on demands of another body (of a paper or a meeting) citing this paper.
  const citingFollowUps = await counted(
    tx
      .select({ n: count() })
      .from(t.followUp)
      .innerJoin(t.demand, eq(t.demand.id, t.followUp.demandId))
      .leftJoin(demandPaper, eq(demandPaper.id, t.demand.paperId))
      .leftJoin(t.agendaItem, eq(t.agendaItem.id, t.demand.agendaItemId))
      .leftJoin(itemMeeting, eq(itemMeeting.id, t.agendaItem.meetingId))
      .where(and(eq(t.followUp.sourcePaperId, paperId), isNull(t.followUp.deletedAt), isNull(t.demand.deletedAt), or(ne(demandPaper.bodyId, to), ne(itemMeeting.bodyId, to)))),
  );
  return bodyMoveRefusal('paper', move, [
    [consultations, bodyMoveMessages.paperConsultations],
    [demands, bodyMoveMessages.paperDemands],
    [relations, bodyMoveMessages.paperRelations],
    [ownFollowUps + citingFollowUps, bodyMoveMessages.paperFollowUps],
  ]);
}

/**
 * Live demands of the paper whose due date lies before its new `date` but not before its stored date (those were
 * confirmed, or left, before): refused with the checkbox `confirmDueDates` while there are any.
 */
async function checkDueDatesAfterNewDate(tx: Executor, paperId: number, date: string): Promise<InvalidReference | null> {
  const [stored] = await tx.select({ date: t.paper.date }).from(t.paper).where(eq(t.paper.id, paperId));
  if (!stored || date <= stored.date) return null;
  const [row] = await tx
    .select({ n: count(), earliest: min(t.demand.dueDate) })
    .from(t.demand)
    .where(and(eq(t.demand.paperId, paperId), isNull(t.demand.deletedAt), isNotNull(t.demand.dueDate), lt(t.demand.dueDate, date), gte(t.demand.dueDate, stored.date)));
  const n = Number(row?.n ?? 0);
  return n && row?.earliest ? invalid('confirmDueDates', dateMessages.dueDatesBeforeNewPaperDate(n, row.earliest, date)) : null;
}
