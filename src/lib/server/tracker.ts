// Beschlusskontrolle: every public demand with its source, originators, due date and overdue state.
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import * as t from '../../../db/schema/index';
import type { DemandStatus, FollowUpKind } from '../../../db/schema/tracking';
import type { PaperType } from '../../../db/schema/papers';
import { berlinToday, daysBetween, effectiveDeadline, isOverdue, type DeadlineSource } from '../deadlines';
import { berlinDay } from '../dates';
import { getDb } from './db';
import { isPublic } from './visibility';

/** Paper types whose demands fall under a body's reply deadline rule. */
const REPLY_RULE_TYPES: readonly PaperType[] = ['antrag', 'anfrage'];

/** Where a demand comes from: a paper, or an agenda item of a meeting. */
export type DemandSource =
  | { kind: 'paper'; slug: string; name: string; reference: string | null; paperType: PaperType }
  | { kind: 'agendaItem'; meetingSlug: string; meetingName: string; meetingStart: string; number: string; name: string };

/** A link to an organization or person. */
export interface Named {
  slug: string;
  name: string;
}

/** One public demand as the tracker and the pages show it. */
export interface TrackedDemand {
  id: number;
  paperId: number | null;
  agendaItemId: number | null;
  ordinal: number;
  title: string;
  textHtml: string;
  sourceQuote: string | null;
  status: DemandStatus;
  responsible: Named | null;
  dueDate: string | null;
  dueSource: DeadlineSource | null;
  overdue: boolean;
  /** Days past the due date; 0 unless overdue. */
  daysOverdue: number;
  /** The day the demand was raised: the paper's date or the meeting's day. */
  raisedOn: string;
  body: Named;
  source: DemandSource;
  /** Who raised it: the paper's originators, or the organization(s) of the meeting. */
  originators: (Named & { kind: 'organization' | 'person' })[];
  /** Committees that treat it: the paper's consultations, or the meeting's organization(s). */
  organizations: Named[];
  followUpCount: number;
  lastFollowUp: { date: string; kind: FollowUpKind } | null;
  /** Kept for lists that show the date of the newest entry. */
  lastFollowUpDate: string | null;
}

/** Which demands to load: all public ones, or those of given papers, agenda items or ids. */
export interface DemandScope {
  paperIds?: number[];
  agendaItemIds?: number[];
  demandIds?: number[];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/** Loads public demands in `scope` and derives due dates and overdue state for `today` (Berlin day). */
export async function loadTrackedDemands(scope: DemandScope = {}, today = berlinToday()): Promise<TrackedDemand[]> {
  const db = getDb();
  const conditions: SQL[] = [
    isPublic(t.demand),
    // A demand is public only where its source is: a public paper, or a public item of a public meeting.
    or(and(isPublic(t.paper), isPublic(t.body))!, and(isPublic(t.agendaItem), eq(t.agendaItem.public, true), isPublic(t.meeting), isPublic(t.body))!)!,
  ];
  const scoped: SQL[] = [];
  if (scope.paperIds) scoped.push(scope.paperIds.length ? inArray(t.demand.paperId, scope.paperIds) : eq(t.demand.id, -1));
  if (scope.agendaItemIds) scoped.push(scope.agendaItemIds.length ? inArray(t.demand.agendaItemId, scope.agendaItemIds) : eq(t.demand.id, -1));
  if (scope.demandIds) scoped.push(scope.demandIds.length ? inArray(t.demand.id, scope.demandIds) : eq(t.demand.id, -1));
  if (scoped.length) conditions.push(or(...scoped)!);
  const rows = await db
    .select({
      demand: {
        id: t.demand.id, paperId: t.demand.paperId, agendaItemId: t.demand.agendaItemId, ordinal: t.demand.ordinal, title: t.demand.title,
        textHtml: t.demand.textHtml, sourceQuote: t.demand.sourceQuote, status: t.demand.status, dueDate: t.demand.dueDate,
      },
      paper: { id: t.paper.id, slug: t.paper.slug, name: t.paper.name, reference: t.paper.reference, paperType: t.paper.paperType, date: t.paper.date },
      item: { id: t.agendaItem.id, number: t.agendaItem.number, name: t.agendaItem.name },
      meeting: { id: t.meeting.id, slug: t.meeting.slug, name: t.meeting.name, start: t.meeting.start },
      body: { slug: t.body.slug, name: t.body.name, replyDeadlineDays: t.body.replyDeadlineDays },
      responsible: { slug: t.organization.slug, name: t.organization.name, published: t.organization.publishedAt, deleted: t.organization.deletedAt },
    })
    .from(t.demand)
    .leftJoin(t.paper, eq(t.paper.id, t.demand.paperId))
    .leftJoin(t.agendaItem, eq(t.agendaItem.id, t.demand.agendaItemId))
    .leftJoin(t.meeting, eq(t.meeting.id, t.agendaItem.meetingId))
    .innerJoin(t.body, or(eq(t.body.id, t.paper.bodyId), eq(t.body.id, t.meeting.bodyId)))
    .leftJoin(t.organization, eq(t.organization.id, t.demand.responsibleOrganizationId))
    .where(and(...conditions))
    .orderBy(asc(t.demand.id));
  if (!rows.length) return [];

  // The related rows are selected by the same scope as subqueries, never as literal id lists:
  // a city's tracker holds more demands than SQLite allows bound parameters.
  const scopedDemands = db.select({ id: t.demand.id }).from(t.demand).where(and(isNull(t.demand.deletedAt), ...(scoped.length ? [or(...scoped)!] : [])));
  const scopedPapers = db.select({ id: t.demand.paperId }).from(t.demand).where(inArray(t.demand.id, scopedDemands));
  const scopedMeetings = db.select({ id: t.agendaItem.meetingId }).from(t.agendaItem).innerJoin(t.demand, eq(t.demand.agendaItemId, t.agendaItem.id)).where(inArray(t.demand.id, scopedDemands));
  const [followUps, originators, consultations, meetingOrgs] = await Promise.all([
    db.select({ demandId: t.followUp.demandId, date: t.followUp.date, kind: t.followUp.kind, nextDueDate: t.followUp.nextDueDate })
      .from(t.followUp).where(and(inArray(t.followUp.demandId, scopedDemands), isPublic(t.followUp))).orderBy(asc(t.followUp.date), asc(t.followUp.ordinal)),
    db.select({ paperId: t.paperOriginator.paperId, orgSlug: t.organization.slug, orgName: t.organization.name, personSlug: t.person.slug, personName: t.person.name })
      .from(t.paperOriginator)
      .leftJoin(t.organization, and(eq(t.organization.id, t.paperOriginator.organizationId), isPublic(t.organization)))
      .leftJoin(t.person, and(eq(t.person.id, t.paperOriginator.personId), isPublic(t.person)))
      .where(inArray(t.paperOriginator.paperId, scopedPapers)),
    db.selectDistinct({ paperId: t.consultation.paperId, slug: t.organization.slug, name: t.organization.name })
      .from(t.consultation).innerJoin(t.organization, eq(t.organization.id, t.consultation.organizationId))
      .where(and(inArray(t.consultation.paperId, scopedPapers), isNull(t.consultation.deletedAt), isPublic(t.organization))),
    db.select({ meetingId: t.meetingOrganization.meetingId, slug: t.organization.slug, name: t.organization.name })
      .from(t.meetingOrganization).innerJoin(t.organization, eq(t.organization.id, t.meetingOrganization.organizationId))
      .where(and(inArray(t.meetingOrganization.meetingId, scopedMeetings), isPublic(t.organization))),
  ]);
  const followUpsOf = new Map<number, typeof followUps>();
  for (const f of followUps) pushTo(followUpsOf, f.demandId, f);
  const originatorsOf = new Map<number, TrackedDemand['originators']>();
  for (const o of originators) {
    if (o.orgSlug) pushTo(originatorsOf, o.paperId, { slug: o.orgSlug, name: o.orgName!, kind: 'organization' as const });
    if (o.personSlug) pushTo(originatorsOf, o.paperId, { slug: o.personSlug, name: o.personName!, kind: 'person' as const });
  }
  const consultingOf = new Map<number, Named[]>();
  for (const c of consultations) pushTo(consultingOf, c.paperId, { slug: c.slug, name: c.name });
  const meetingOrgsOf = new Map<number, Named[]>();
  for (const m of meetingOrgs) pushTo(meetingOrgsOf, m.meetingId, { slug: m.slug, name: m.name });

  return rows.map(({ demand, paper, item, meeting, body, responsible }): TrackedDemand => {
    const own = followUpsOf.get(demand.id) ?? [];
    const fromPaper = paper?.id != null;
    const raisedOn = fromPaper ? paper.date : berlinDay(meeting!.start);
    const ruleApplies = fromPaper && body.replyDeadlineDays != null && REPLY_RULE_TYPES.includes(paper.paperType);
    const deadline = effectiveDeadline({
      ownDueDate: demand.dueDate,
      followUps: own,
      replyRule: ruleApplies ? { paperDate: paper.date, days: body.replyDeadlineDays! } : null,
    });
    const overdue = isOverdue(demand.status, deadline?.dueDate ?? null, today);
    const meetingOrganizations = meeting?.id != null ? meetingOrgsOf.get(meeting.id) ?? [] : [];
    const last = own.at(-1);
    return {
      id: demand.id,
      paperId: demand.paperId,
      agendaItemId: demand.agendaItemId,
      ordinal: demand.ordinal,
      title: demand.title,
      textHtml: demand.textHtml,
      sourceQuote: demand.sourceQuote,
      status: demand.status,
      responsible: responsible?.slug && responsible.published && !responsible.deleted ? { slug: responsible.slug, name: responsible.name } : null,
      dueDate: deadline?.dueDate ?? null,
      dueSource: deadline?.source ?? null,
      overdue,
      daysOverdue: overdue ? daysBetween(deadline!.dueDate, today) : 0,
      raisedOn,
      body: { slug: body.slug, name: body.name },
      source: fromPaper
        ? { kind: 'paper', slug: paper.slug, name: paper.name, reference: paper.reference, paperType: paper.paperType }
        : { kind: 'agendaItem', meetingSlug: meeting!.slug, meetingName: meeting!.name, meetingStart: meeting!.start, number: item!.number, name: item!.name },
      originators: fromPaper ? originatorsOf.get(paper.id) ?? [] : meetingOrganizations.map((o) => ({ ...o, kind: 'organization' as const })),
      organizations: fromPaper ? consultingOf.get(paper.id) ?? [] : meetingOrganizations,
      followUpCount: own.length,
      lastFollowUp: last ? { date: last.date, kind: last.kind } : null,
      lastFollowUpDate: last?.date ?? null,
    };
  });
}
