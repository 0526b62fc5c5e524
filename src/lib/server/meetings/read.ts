// Meeting queries: upcoming and past lists, and one meeting with its agenda, minutes and papers.
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { countedUntilNextChange } from '@/lib/server/counted';
import { listedAgendaItem, publicAgendaItem, publicConsultation, publicMeeting, publicOrganization } from '@/lib/server/visibility';
import { demandsOfAgendaItems, type DemandSummary } from '@/lib/server/tracking/demand-lists';

/** A meeting as lists show it. */
export interface MeetingListItem {
  slug: string;
  name: string;
  start: string;
  /** End time, if the meeting has one. */
  end: string | null;
  location: string | null;
  cancelled: boolean;
  organizations: { slug: string; name: string }[];
}

/** Which meetings a list shows, relative to `now`. */
export type MeetingWhen = 'upcoming' | 'past';

async function organizationsOf(meetingIds: number[]): Promise<Map<number, { slug: string; name: string }[]>> {
  const map = new Map<number, { slug: string; name: string }[]>();
  if (!meetingIds.length) return map;
  const rows = await getDb()
    .select({ meetingId: t.meetingOrganization.meetingId, slug: t.organization.slug, name: t.organization.name })
    .from(t.meetingOrganization)
    .innerJoin(t.organization, eq(t.organization.id, t.meetingOrganization.organizationId))
    .where(and(inArray(t.meetingOrganization.meetingId, meetingIds), publicOrganization(t.organization)));
  for (const { meetingId, ...org } of rows) map.set(meetingId, [...(map.get(meetingId) ?? []), org]);
  return map;
}

/** The instant a meeting starts, as SQLite compares it; written as in the index meeting_public_instant_idx, so it is used. */
const startInstant = sql`datetime(${t.meeting.start})`;

/** Published meetings before or after `now`, optionally of one organization; upcoming ascending, past descending. */
export async function listMeetings(
  options: { when: MeetingWhen; organization?: string; body?: string; page?: number; pageSize: number; now?: Date },
): Promise<{ items: MeetingListItem[]; total: number }> {
  const db = getDb();
  const now = (options.now ?? new Date()).toISOString();
  const scope = [publicMeeting(t.meeting)];
  if (options.body) scope.push(eq(t.body.slug, options.body));
  if (options.organization) {
    const org = db.select({ id: t.organization.id }).from(t.organization).where(eq(t.organization.slug, options.organization));
    const meetings = db.select({ id: t.meetingOrganization.meetingId }).from(t.meetingOrganization).where(inArray(t.meetingOrganization.organizationId, org));
    scope.push(inArray(t.meeting.id, meetings));
  }
  const upcoming = gte(startInstant, sql`datetime(${now})`);
  const where = and(...scope, options.when === 'upcoming' ? upcoming : lt(startInstant, sql`datetime(${now})`));
  const countOf = async (condition: SQL | undefined) => (await db.select({ n: count() }).from(t.meeting).innerJoin(t.body, eq(t.body.id, t.meeting.bodyId)).where(condition))[0]?.n ?? 0;
  // Meetings ahead are few and counted each time; the past ones are all meetings (counted once per change of the data)
  // less those ahead. A start that is no instant (datetime() is null) is neither, and is counted in neither.
  const key = JSON.stringify([options.organization ?? null, options.body ?? null]);
  const [ahead, dated] = await Promise.all([
    countOf(and(...scope, upcoming)),
    options.when === 'past' ? countedUntilNextChange('meetings', key, () => countOf(and(...scope, sql`${startInstant} IS NOT NULL`))) : 0,
  ]);
  const total = options.when === 'upcoming' ? ahead : dated - ahead;
  const rows = await db
    .select({ id: t.meeting.id, slug: t.meeting.slug, name: t.meeting.name, start: t.meeting.start, end: t.meeting.end, location: t.meeting.location, cancelled: t.meeting.cancelled })
    .from(t.meeting)
    .innerJoin(t.body, eq(t.body.id, t.meeting.bodyId))
    .where(where)
    .orderBy(options.when === 'upcoming' ? asc(startInstant) : desc(startInstant))
    .limit(options.pageSize)
    .offset(((options.page ?? 1) - 1) * options.pageSize);
  const orgs = await organizationsOf(rows.map((r) => r.id));
  return { items: rows.map(({ id, ...r }) => ({ ...r, organizations: orgs.get(id) ?? [] })), total };
}

/** One agenda item as the meeting page shows it; a non-public item carries its title only. */
export interface AgendaEntry {
  id: number;
  number: string;
  name: string;
  public: boolean;
  minutesHtml: string | null;
  result: string | null;
  resolutionHtml: string | null;
  papers: { slug: string; name: string; reference: string | null; role: string | null }[];
  demands: DemandSummary[];
}

/** Everything the page of one meeting shows. */
export interface MeetingDetail {
  meeting: typeof t.meeting.$inferSelect;
  body: { slug: string; name: string };
  organizations: { slug: string; name: string }[];
  agenda: AgendaEntry[];
}

/** The published meeting with this slug, its agenda in order, or null. */
export async function getMeeting(slug: string): Promise<MeetingDetail | null> {
  const db = getDb();
  const [row] = await db
    .select({ meeting: t.meeting, body: { slug: t.body.slug, name: t.body.name } })
    .from(t.meeting)
    .innerJoin(t.body, eq(t.body.id, t.meeting.bodyId))
    .where(and(eq(t.meeting.slug, slug), publicMeeting(t.meeting)));
  if (!row) return null;
  // Every listed item is named; only public ones (publicAgendaItem) show more than number and title.
  const rows = await db
    .select({ item: t.agendaItem, open: sql<number>`${publicAgendaItem(t.agendaItem)}` })
    .from(t.agendaItem)
    .where(and(eq(t.agendaItem.meetingId, row.meeting.id), listedAgendaItem(t.agendaItem)))
    .orderBy(asc(t.agendaItem.order));
  const items = rows.map((r) => ({ ...r.item, public: Boolean(r.open) }));
  const publicIds = items.filter((i) => i.public).map((i) => i.id);
  const papers = publicIds.length
    ? await db
        .select({ agendaItemId: t.consultation.agendaItemId, slug: t.paper.slug, name: t.paper.name, reference: t.paper.reference, role: t.consultation.role })
        .from(t.consultation)
        .innerJoin(t.paper, eq(t.paper.id, t.consultation.paperId))
        .where(and(inArray(t.consultation.agendaItemId, publicIds), publicConsultation(t.consultation)))
    : [];
  const demands = await demandsOfAgendaItems(publicIds);
  const agenda = items.map((item): AgendaEntry => {
    // Nothing of a non-public item but its number and title ever leaves this function.
    if (!item.public) return { id: item.id, number: item.number, name: item.name, public: false, minutesHtml: null, result: null, resolutionHtml: null, papers: [], demands: [] };
    return {
      id: item.id, number: item.number, name: item.name, public: true, minutesHtml: item.minutesHtml, result: item.result, resolutionHtml: item.resolutionHtml,
      papers: papers.filter((p) => p.agendaItemId === item.id).map(({ agendaItemId: _, ...p }) => p),
      demands: demands.get(item.id) ?? [],
    };
  });
  return { meeting: row.meeting, body: row.body, organizations: (await organizationsOf([row.meeting.id])).get(row.meeting.id) ?? [], agenda };
}
