// Papers and their consultations (Beratungsfolge) as OParl objects.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { listedAgendaItem, publicConsultation, publicMeeting, publicOrganization, publicPaper, publicPerson } from '@/lib/server/visibility';
import { compact, dayOrUndefined, groupBy, head, stamps, type ObjectLoader, type OparlObject } from './common';
import { DEMANDS_PROPERTY, demandsOf } from './demands';
import { filesOf } from './files';
import { publicOrganizationIds } from './master';
import { objectUrl, webUrl } from './urls';
import { oparlConsultationRole, oparlPaperType } from './vocabulary';

type ConsultationRow = typeof t.consultation.$inferSelect;

/** Consultations as OParl objects; their agenda item, meeting and organization only where those are public. */
async function consultationObjects(rows: ConsultationRow[]): Promise<Map<number, OparlObject>> {
  const db = getDb();
  const itemIds = [...new Set(rows.map((r) => r.agendaItemId).filter((id): id is number => id !== null))];
  const items = itemIds.length ? await db.select({ id: t.agendaItem.id, meetingId: t.agendaItem.meetingId }).from(t.agendaItem).where(and(inArray(t.agendaItem.id, itemIds), listedAgendaItem(t.agendaItem))) : [];
  const meetingOfItem = new Map(items.map((item) => [item.id, item.meetingId]));
  const meetingIds = [...new Set([...rows.map((r) => r.meetingId), ...items.map((item) => item.meetingId)].filter((id): id is number => id !== null))];
  const [meetings, organizations] = await Promise.all([
    meetingIds.length ? db.select({ id: t.meeting.id }).from(t.meeting).where(and(inArray(t.meeting.id, meetingIds), publicMeeting(t.meeting))) : [],
    publicOrganizationIds(rows.map((r) => r.organizationId)),
  ]);
  const publicMeetings = new Set(meetings.map((m) => m.id));
  return new Map(rows.map((row) => {
    const agendaItem = row.agendaItemId !== null && meetingOfItem.has(row.agendaItemId) ? row.agendaItemId : null;
    const meetingId = row.meetingId ?? (agendaItem !== null ? meetingOfItem.get(agendaItem)! : null);
    return [row.id, compact({
      ...head('consultation', row.id),
      paper: objectUrl('paper', row.paperId),
      agendaItem: agendaItem !== null ? objectUrl('agendaItem', agendaItem) : undefined,
      meeting: meetingId !== null && publicMeetings.has(meetingId) ? objectUrl('meeting', meetingId) : undefined,
      organization: row.organizationId !== null && organizations.has(row.organizationId) ? [objectUrl('organization', row.organizationId)] : undefined,
      authoritative: row.authoritative,
      role: oparlConsultationRole(row.role, row.authoritative),
      ...stamps(row),
    })];
  }));
}

/** Public consultations by id. */
export const loadConsultations: ObjectLoader = async (ids) => {
  if (!ids.length) return new Map();
  return consultationObjects(await getDb().select().from(t.consultation).where(and(inArray(t.consultation.id, ids), publicConsultation(t.consultation))));
};

const other = alias(t.paper, 'other_paper');

/** Public papers by id, with originators, related papers, consultations, files and demands. */
export const loadPapers: ObjectLoader = async (ids, options) => {
  if (!ids.length) return new Map();
  const db = getDb();
  const [rows, orgOriginators, personOriginators, outgoing, incoming, consultations, files, demands] = await Promise.all([
    db.select().from(t.paper).where(and(inArray(t.paper.id, ids), publicPaper(t.paper))),
    db.select({ paperId: t.paperOriginator.paperId, id: t.organization.id }).from(t.paperOriginator).innerJoin(t.organization, eq(t.organization.id, t.paperOriginator.organizationId))
      .where(and(inArray(t.paperOriginator.paperId, ids), publicOrganization(t.organization))).orderBy(asc(t.paperOriginator.id)),
    db.select({ paperId: t.paperOriginator.paperId, id: t.person.id }).from(t.paperOriginator).innerJoin(t.person, eq(t.person.id, t.paperOriginator.personId))
      .where(and(inArray(t.paperOriginator.paperId, ids), publicPerson(t.person))).orderBy(asc(t.paperOriginator.id)),
    db.select({ fromPaperId: t.paperRelation.fromPaperId, toPaperId: t.paperRelation.toPaperId }).from(t.paperRelation)
      .innerJoin(other, eq(other.id, t.paperRelation.toPaperId)).where(and(inArray(t.paperRelation.fromPaperId, ids), publicPaper(other))).orderBy(asc(t.paperRelation.id)),
    db.select({ fromPaperId: t.paperRelation.fromPaperId, toPaperId: t.paperRelation.toPaperId }).from(t.paperRelation)
      .innerJoin(other, eq(other.id, t.paperRelation.fromPaperId)).where(and(inArray(t.paperRelation.toPaperId, ids), publicPaper(other))).orderBy(asc(t.paperRelation.id)),
    db.select().from(t.consultation).where(and(inArray(t.consultation.paperId, ids), publicConsultation(t.consultation))).orderBy(asc(t.consultation.order), asc(t.consultation.id)),
    options.omitInternal ? new Map<number, OparlObject[]>() : filesOf('paper', ids),
    demandsOf('paper', ids),
  ]);
  const [directors, consultationMap] = await Promise.all([publicOrganizationIds(rows.map((r) => r.underDirectionOfId)), consultationObjects(consultations)]);
  const orgsOf = groupBy(orgOriginators, (o) => o.paperId);
  const peopleOf = groupBy(personOriginators, (p) => p.paperId);
  const consultationsOf = groupBy(consultations, (c) => c.paperId);
  const related = new Map<number, Set<number>>();
  const wanted = new Set(ids);
  for (const r of [...outgoing, ...incoming]) {
    if (wanted.has(r.fromPaperId)) related.set(r.fromPaperId, (related.get(r.fromPaperId) ?? new Set()).add(r.toPaperId));
    if (wanted.has(r.toPaperId)) related.set(r.toPaperId, (related.get(r.toPaperId) ?? new Set()).add(r.fromPaperId));
  }
  return new Map(rows.map((row) => [row.id, compact({
    ...head('paper', row.id),
    body: objectUrl('body', row.bodyId),
    name: row.name,
    reference: row.reference,
    date: dayOrUndefined(row.date),
    paperType: oparlPaperType(row.paperType),
    relatedPaper: [...(related.get(row.id) ?? [])].filter((id) => id !== row.id).map((id) => objectUrl('paper', id)),
    auxiliaryFile: files.get(row.id),
    originatorPerson: [...new Set((peopleOf.get(row.id) ?? []).map((p) => p.id))].map((id) => objectUrl('person', id)),
    underDirectionOf: row.underDirectionOfId !== null && directors.has(row.underDirectionOfId) ? [objectUrl('organization', row.underDirectionOfId)] : undefined,
    originatorOrganization: [...new Set((orgsOf.get(row.id) ?? []).map((o) => o.id))].map((id) => objectUrl('organization', id)),
    consultation: (consultationsOf.get(row.id) ?? []).map((c) => consultationMap.get(c.id)),
    ...stamps(row),
    web: webUrl(`/vorlagen/${encodeURIComponent(row.slug)}`),
    [DEMANDS_PROPERTY]: demands.get(row.id),
  })]));
};
