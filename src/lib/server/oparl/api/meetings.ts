// Meetings and their agenda items as OParl objects.
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { listedAgendaItem, publicConsultation, publicMeeting, publicOrganization } from '@/lib/server/visibility';
import { compact, dateTimeOrUndefined, groupBy, head, stamps, type LoadOptions, type ObjectLoader, type OparlObject } from './common';
import { DEMANDS_PROPERTY, demandsOf } from './demands';
import { filesOf } from './files';
import { loadLocations } from './master';
import { objectUrl, webUrl } from './urls';
import { oparlMeetingState } from './vocabulary';

type AgendaItemRow = typeof t.agendaItem.$inferSelect;

/** Agenda items (listed ones: public items in full, non-public ones by number and title only), keyed by id. */
async function agendaItemObjects(rows: AgendaItemRow[], options: LoadOptions): Promise<Map<number, OparlObject>> {
  const open = rows.filter((row) => row.public).map((row) => row.id);
  const [consultations, files, demands, meetings] = await Promise.all([
    open.length ? getDb().select({ id: t.consultation.id, agendaItemId: t.consultation.agendaItemId }).from(t.consultation).where(and(inArray(t.consultation.agendaItemId, open), publicConsultation(t.consultation))).orderBy(asc(t.consultation.id)) : [],
    options.omitInternal ? new Map<number, OparlObject[]>() : filesOf('agendaItem', open),
    demandsOf('agendaItem', open),
    getDb().select({ id: t.meeting.id, slug: t.meeting.slug }).from(t.meeting).where(inArray(t.meeting.id, [...new Set(rows.map((row) => row.meetingId))])),
  ]);
  const consultationOf = groupBy(consultations, (c) => c.agendaItemId);
  const slugOf = new Map(meetings.map((m) => [m.id, m.slug]));
  return new Map(rows.map((row) => {
    const common = { ...head('agendaItem', row.id), meeting: objectUrl('meeting', row.meetingId), number: row.number, order: row.order, name: row.name, public: row.public };
    const web = slugOf.has(row.meetingId) ? webUrl(`/sitzungen/${encodeURIComponent(slugOf.get(row.meetingId)!)}`) : undefined;
    // A non-public item is known by its number and title only: no consultation, result, files or demands.
    if (!row.public) return [row.id, compact({ ...common, ...stamps(row), web })];
    const consultation = consultationOf.get(row.id)?.[0];
    return [row.id, compact({
      ...common,
      consultation: consultation ? objectUrl('consultation', consultation.id) : undefined,
      result: row.result,
      resolutionText: row.resolutionMd,
      auxiliaryFile: files.get(row.id),
      ...stamps(row),
      web,
      [DEMANDS_PROPERTY]: demands.get(row.id),
    })];
  }));
}

/** Listed agenda items by id. */
export const loadAgendaItems: ObjectLoader = async (ids, options) => {
  if (!ids.length) return new Map();
  const rows = await getDb().select().from(t.agendaItem).where(and(inArray(t.agendaItem.id, ids), listedAgendaItem(t.agendaItem)));
  return agendaItemObjects(rows, options);
};

/** Public meetings by id, with their organizations, place, agenda and files. */
export const loadMeetings: ObjectLoader = async (ids, options) => {
  if (!ids.length) return new Map();
  const db = getDb();
  const [rows, organizations, items, files] = await Promise.all([
    db.select().from(t.meeting).where(and(inArray(t.meeting.id, ids), publicMeeting(t.meeting))),
    db.select({ meetingId: t.meetingOrganization.meetingId, organizationId: t.meetingOrganization.organizationId }).from(t.meetingOrganization)
      .innerJoin(t.organization, eq(t.organization.id, t.meetingOrganization.organizationId))
      .where(and(inArray(t.meetingOrganization.meetingId, ids), publicOrganization(t.organization))).orderBy(asc(t.meetingOrganization.organizationId)),
    options.omitInternal ? [] : db.select().from(t.agendaItem).where(and(inArray(t.agendaItem.meetingId, ids), listedAgendaItem(t.agendaItem))).orderBy(asc(t.agendaItem.order), asc(t.agendaItem.id)),
    options.omitInternal ? new Map<number, OparlObject[]>() : filesOf('meeting', ids),
  ]);
  const [locations, itemObjects] = await Promise.all([
    loadLocations(rows.map((row) => row.locationId).filter((id): id is number => id !== null), options),
    agendaItemObjects(items, options),
  ]);
  const organizationsOf = groupBy(organizations, (o) => o.meetingId);
  const itemsOf = groupBy(items, (item) => item.meetingId);
  return new Map(rows.map((row) => [row.id, compact({
    ...head('meeting', row.id),
    name: row.name,
    meetingState: oparlMeetingState(row.meetingState),
    cancelled: row.cancelled,
    start: dateTimeOrUndefined(row.start),
    end: dateTimeOrUndefined(row.end),
    location: row.locationId !== null ? locations.get(row.locationId) : undefined,
    organization: (organizationsOf.get(row.id) ?? []).map((o) => objectUrl('organization', o.organizationId)),
    agendaItem: (itemsOf.get(row.id) ?? []).map((item) => itemObjects.get(item.id)),
    auxiliaryFile: files.get(row.id),
    ...stamps(row),
    web: webUrl(`/sitzungen/${encodeURIComponent(row.slug)}`),
  })]));
};
