// A paper's relations to other papers and its Beratungsfolge (consultations), edited from the paper editor.
import { and, asc, eq, isNull, max } from 'drizzle-orm';
import * as t from '@db/schema';
import type { PaperRelationKind } from '@/lib/domain/vocabulary';
import { getDb } from '@/lib/server/db';
import { insertVersioned, writeTransaction } from '@/lib/server/history/versioned-writes';
import { recordRevision } from '@/lib/server/history/revisions';
import { referenceMessages } from '@/lib/validation/messages';
import { checkConsultationReferences, checkRelationReferences } from './references';

/** Outcome of a change to a paper's links: done, a field message, or the edited paper is gone. */
export type LinkResult<T = object> = ({ ok: true } & T) | { ok: false; reason?: 'invalid'; field: string; error: string } | { ok: false; reason: 'not-found' };

/** Relations of a paper in both directions, with the other paper's title, for the editor. */
export async function relationsForEditing(paperId: number) {
  const db = getDb();
  const outgoing = await db
    .select({ relation: t.paperRelation, name: t.paper.name, reference: t.paper.reference })
    .from(t.paperRelation)
    .innerJoin(t.paper, eq(t.paper.id, t.paperRelation.toPaperId))
    .where(eq(t.paperRelation.fromPaperId, paperId));
  const incoming = await db
    .select({ relation: t.paperRelation, name: t.paper.name, reference: t.paper.reference })
    .from(t.paperRelation)
    .innerJoin(t.paper, eq(t.paper.id, t.paperRelation.fromPaperId))
    .where(eq(t.paperRelation.toPaperId, paperId));
  return { outgoing, incoming };
}

/**
 * Adds or removes a relation. Relations are plain link rows without versions; each change is written to the
 * revision log under `paper_relation` so the audit log shows it.
 */
export async function setRelation(input: { fromPaperId: number; toPaperId: number; kind: PaperRelationKind; remove: boolean }, userId: number): Promise<LinkResult> {
  if (input.fromPaperId === input.toPaperId) return { ok: false, field: 'toPaperId', error: referenceMessages.relationToItself };
  return writeTransaction(async (tx) => {
    const where = and(eq(t.paperRelation.fromPaperId, input.fromPaperId), eq(t.paperRelation.toPaperId, input.toPaperId), eq(t.paperRelation.kind, input.kind));
    const [existing] = await tx.select().from(t.paperRelation).where(where);
    if (input.remove) {
      if (!existing) return { ok: true as const };
      await tx.delete(t.paperRelation).where(eq(t.paperRelation.id, existing.id));
      await recordRevision(tx, 'paper_relation', { ...existing, version: 2 }, userId, 'delete');
      return { ok: true as const };
    }
    if (existing) return { ok: false as const, field: 'toPaperId', error: referenceMessages.relationExists };
    const problem = await checkRelationReferences(tx, input);
    if (problem) return problem;
    const [row] = await tx.insert(t.paperRelation).values({ fromPaperId: input.fromPaperId, toPaperId: input.toPaperId, kind: input.kind }).returning();
    await recordRevision(tx, 'paper_relation', { ...row!, version: 1 }, userId, 'create');
    return { ok: true as const };
  });
}

/** The Beratungsfolge of a paper for the editor, in order, with names. */
export function consultationsForEditing(paperId: number) {
  return getDb()
    .select({ consultation: t.consultation, organizationName: t.organization.name, meetingName: t.meeting.name, meetingStart: t.meeting.start, agendaNumber: t.agendaItem.number })
    .from(t.consultation)
    .leftJoin(t.organization, eq(t.organization.id, t.consultation.organizationId))
    .leftJoin(t.meeting, eq(t.meeting.id, t.consultation.meetingId))
    .leftJoin(t.agendaItem, eq(t.agendaItem.id, t.consultation.agendaItemId))
    .where(and(eq(t.consultation.paperId, paperId), isNull(t.consultation.deletedAt)))
    .orderBy(asc(t.consultation.order));
}

/** Adds a step to the Beratungsfolge; an agenda item must belong to the chosen meeting. */
export async function addConsultation(input: { paperId: number; organizationId: number | null; meetingId: number | null; agendaItemId: number | null; role: string | null; authoritative: boolean }, userId: number): Promise<LinkResult<{ id: number }>> {
  if (!input.organizationId && !input.meetingId && !input.agendaItemId) return { ok: false, field: 'organizationId', error: referenceMessages.consultationTarget };
  return writeTransaction(async (tx) => {
    // Paper, organization, meeting and agenda item exist and belong to the paper's body.
    const refs = await checkConsultationReferences(tx, input);
    if (!refs.ok) return refs;
    const meetingId = refs.meetingId;
    const [last] = await tx.select({ n: max(t.consultation.order) }).from(t.consultation).where(eq(t.consultation.paperId, input.paperId));
    const row = await insertVersioned<typeof t.consultation.$inferSelect>(tx, t.consultation, { ...input, meetingId, order: (last?.n ?? 0) + 1 }, userId);
    return { ok: true as const, id: row.id };
  });
}

/** Choices for relation targets and consultation meetings/agenda items. */
export async function linkChoices() {
  const db = getDb();
  const [papers, meetings, items] = await Promise.all([
    db.select({ id: t.paper.id, name: t.paper.name, reference: t.paper.reference, date: t.paper.date }).from(t.paper).where(isNull(t.paper.deletedAt)).orderBy(asc(t.paper.date)),
    db.select({ id: t.meeting.id, name: t.meeting.name, start: t.meeting.start }).from(t.meeting).where(isNull(t.meeting.deletedAt)).orderBy(asc(t.meeting.start)),
    db.select({ id: t.agendaItem.id, number: t.agendaItem.number, name: t.agendaItem.name, meetingName: t.meeting.name }).from(t.agendaItem).innerJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId)).where(isNull(t.agendaItem.deletedAt)).orderBy(asc(t.meeting.start), asc(t.agendaItem.order)),
  ]);
  return { papers, meetings, items };
}
