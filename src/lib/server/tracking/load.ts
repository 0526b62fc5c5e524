// Beschlusskontrolle: every public demand with its source, originators, due date and overdue state.
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import * as t from '@db/schema';
import type { DemandStatus, FollowUpKind } from '@/lib/domain/vocabulary';
import type { PaperType } from '@/lib/domain/vocabulary';
import { daysBetween, effectiveDeadline, isOverdue, type DeadlineSource } from '@/lib/server/tracking/deadlines';
import { berlinDay, berlinToday } from '@/lib/dates';
import { readCount } from '@/lib/format';
import { getDb } from '@/lib/server/db';
import { isPublic, publicAgendaItem, publicBody, publicConsultation, publicDemand, publicMeeting, publicOrganization, publicPaper, publicPerson } from '@/lib/server/visibility';

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
  /** The day the demand was raised: the paper's date or the meeting's day (as stored if that is no date). */
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
  const scoped: SQL[] = [];
  if (scope.paperIds) scoped.push(scope.paperIds.length ? inArray(t.demand.paperId, scope.paperIds) : eq(t.demand.id, -1));
  if (scope.agendaItemIds) scoped.push(scope.agendaItemIds.length ? inArray(t.demand.agendaItemId, scope.agendaItemIds) : eq(t.demand.id, -1));
  if (scope.demandIds) scoped.push(scope.demandIds.length ? inArray(t.demand.id, scope.demandIds) : eq(t.demand.id, -1));
  const inScope = scoped.length ? or(...scoped)! : undefined;
  // Which demands are public is decided once, by publicDemand in the demands query. Related rows are read once each
  // for the demands in scope by their own state, and joined here to the admitted demands only; never per demand and
  // never as literal id lists: a city's tracker holds more demands than SQLite allows bound parameters, and every
  // column read costs time (the whole rule in each subquery below cost 40 % more at 100,000 papers).
  const candidates = and(isPublic(t.demand), inScope);
  const scopedDemands = db.select({ id: t.demand.id }).from(t.demand).where(candidates);
  const scopedPapers = db.select({ id: t.demand.paperId }).from(t.demand).where(candidates);
  const scopedItems = db.select({ id: t.demand.agendaItemId }).from(t.demand).where(candidates);
  const scopedMeetings = db.select({ id: t.agendaItem.meetingId }).from(t.agendaItem).where(inArray(t.agendaItem.id, scopedItems));
  const [demands, papers, items, meetings, bodies, organizations, followUps, originators, consultations, meetingOrgs] = await Promise.all([
    db.select({
      id: t.demand.id, paperId: t.demand.paperId, agendaItemId: t.demand.agendaItemId, ordinal: t.demand.ordinal, title: t.demand.title,
      textHtml: t.demand.textHtml, sourceQuote: t.demand.sourceQuote, status: t.demand.status, dueDate: t.demand.dueDate,
      responsibleId: t.demand.responsibleOrganizationId,
    }).from(t.demand).where(and(publicDemand(t.demand), inScope)).orderBy(asc(t.demand.id)),
    db.select({ id: t.paper.id, bodyId: t.paper.bodyId, slug: t.paper.slug, name: t.paper.name, reference: t.paper.reference, paperType: t.paper.paperType, date: t.paper.date })
      .from(t.paper).where(and(inArray(t.paper.id, scopedPapers), publicPaper(t.paper))),
    db.select({ id: t.agendaItem.id, meetingId: t.agendaItem.meetingId, number: t.agendaItem.number, name: t.agendaItem.name })
      .from(t.agendaItem).where(and(inArray(t.agendaItem.id, scopedItems), publicAgendaItem(t.agendaItem))),
    db.select({ id: t.meeting.id, bodyId: t.meeting.bodyId, slug: t.meeting.slug, name: t.meeting.name, start: t.meeting.start })
      .from(t.meeting).where(and(inArray(t.meeting.id, scopedMeetings), publicMeeting(t.meeting))),
    db.select({ id: t.body.id, slug: t.body.slug, name: t.body.name, replyDeadlineDays: t.body.replyDeadlineDays }).from(t.body).where(publicBody(t.body)),
    db.select({ id: t.organization.id, slug: t.organization.slug, name: t.organization.name }).from(t.organization).where(publicOrganization(t.organization)),
    db.select({ demandId: t.followUp.demandId, date: t.followUp.date, kind: t.followUp.kind, nextDueDate: t.followUp.nextDueDate })
      .from(t.followUp).where(and(inArray(t.followUp.demandId, scopedDemands), isPublic(t.followUp))).orderBy(asc(t.followUp.date), asc(t.followUp.ordinal)),
    db.select({ paperId: t.paperOriginator.paperId, organizationId: t.paperOriginator.organizationId, personSlug: t.person.slug, personName: t.person.name })
      .from(t.paperOriginator)
      .leftJoin(t.person, and(eq(t.person.id, t.paperOriginator.personId), publicPerson(t.person)))
      .where(inArray(t.paperOriginator.paperId, scopedPapers)),
    db.selectDistinct({ paperId: t.consultation.paperId, organizationId: t.consultation.organizationId })
      .from(t.consultation).where(and(inArray(t.consultation.paperId, scopedPapers), publicConsultation(t.consultation))),
    db.select({ meetingId: t.meetingOrganization.meetingId, organizationId: t.meetingOrganization.organizationId })
      .from(t.meetingOrganization).where(inArray(t.meetingOrganization.meetingId, scopedMeetings)),
  ]);
  if (!demands.length) return [];

  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const paperById = byId(papers);
  const itemById = byId(items);
  const meetingById = byId(meetings);
  const bodyById = byId(bodies);
  const orgById = byId(organizations);
  const named = (id: number | null): Named | null => {
    const org = id === null ? undefined : orgById.get(id);
    return org ? { slug: org.slug, name: org.name } : null;
  };
  // A follow-up is public with its own state and its demand's (publicFollowUp): attached to admitted demands only.
  const followUpsOf = new Map<number, typeof followUps>();
  for (const f of followUps) pushTo(followUpsOf, f.demandId, f);
  const originatorsOf = new Map<number, TrackedDemand['originators']>();
  for (const o of originators) {
    const org = named(o.organizationId);
    if (org) pushTo(originatorsOf, o.paperId, { ...org, kind: 'organization' as const });
    if (o.personSlug) pushTo(originatorsOf, o.paperId, { slug: o.personSlug, name: o.personName!, kind: 'person' as const });
  }
  const consultingOf = new Map<number, Named[]>();
  for (const c of consultations) {
    const org = named(c.organizationId);
    if (org) pushTo(consultingOf, c.paperId, org);
  }
  const meetingOrgsOf = new Map<number, Named[]>();
  for (const m of meetingOrgs) {
    const org = named(m.organizationId);
    if (org) pushTo(meetingOrgsOf, m.meetingId, org);
  }

  const tracked: TrackedDemand[] = [];
  for (const demand of demands) {
    const paper = demand.paperId !== null ? paperById.get(demand.paperId) : undefined;
    const item = demand.agendaItemId !== null ? itemById.get(demand.agendaItemId) : undefined;
    const meeting = item ? meetingById.get(item.meetingId) : undefined;
    const body = bodyById.get(paper?.bodyId ?? meeting?.bodyId ?? -1);
    // publicDemand (src/lib/server/visibility.ts) admitted only demands whose source is public; a source that
    // changed between the queries above leaves its demand out rather than half shown.
    if (!body || (!paper && !(item && meeting))) continue;
    const own = followUpsOf.get(demand.id) ?? [];
    const raisedOn = paper ? paper.date : berlinDay(meeting!.start, { table: 'meeting', id: meeting!.id, field: 'start' }) ?? meeting!.start;
    const replyDays = body.replyDeadlineDays == null ? null : readCount(body.replyDeadlineDays, { table: 'body', id: body.id, field: 'replyDeadlineDays' });
    const ruleApplies = paper !== undefined && replyDays !== null && REPLY_RULE_TYPES.includes(paper.paperType);
    const deadline = effectiveDeadline({
      ownDueDate: demand.dueDate,
      followUps: own,
      replyRule: ruleApplies ? { paperDate: paper.date, days: replyDays } : null,
    });
    const overdue = isOverdue(demand.status, deadline?.dueDate ?? null, today);
    const meetingOrganizations = meeting ? meetingOrgsOf.get(meeting.id) ?? [] : [];
    const last = own.at(-1);
    tracked.push({
      id: demand.id,
      paperId: demand.paperId,
      agendaItemId: demand.agendaItemId,
      ordinal: demand.ordinal,
      title: demand.title,
      textHtml: demand.textHtml,
      sourceQuote: demand.sourceQuote,
      status: demand.status,
      responsible: named(demand.responsibleId),
      dueDate: deadline?.dueDate ?? null,
      dueSource: deadline?.source ?? null,
      overdue,
      daysOverdue: overdue ? daysBetween(deadline!.dueDate, today) ?? 0 : 0,
      raisedOn,
      body: { slug: body.slug, name: body.name },
      source: paper
        ? { kind: 'paper', slug: paper.slug, name: paper.name, reference: paper.reference, paperType: paper.paperType }
        : { kind: 'agendaItem', meetingSlug: meeting!.slug, meetingName: meeting!.name, meetingStart: meeting!.start, number: item!.number, name: item!.name },
      originators: paper ? originatorsOf.get(paper.id) ?? [] : meetingOrganizations.map((o) => ({ ...o, kind: 'organization' as const })),
      organizations: paper ? consultingOf.get(paper.id) ?? [] : meetingOrganizations,
      followUpCount: own.length,
      lastFollowUp: last ? { date: last.date, kind: last.kind } : null,
      lastFollowUpDate: last?.date ?? null,
    });
  }
  return tracked;
}
