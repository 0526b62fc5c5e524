// Bodies, legislative terms, organizations, people, memberships and places as OParl objects.
import { and, asc, inArray } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { publicBody, publicLegislativeTerm, publicLocation, publicMembership, publicOrganization, publicPerson } from '@/lib/server/visibility';
import { compact, dayOrUndefined, groupBy, head, stamps, type ObjectLoader, type OparlObject } from './common';
import { bodyListUrl, httpUrlOrUndefined, objectUrl, systemUrl, webUrl } from './urls';
import { oparlClassification, oparlOrganizationType } from './vocabulary';

/** Ids among `ids` of public organizations (for references). */
export async function publicOrganizationIds(ids: (number | null)[]): Promise<Set<number>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (!wanted.length) return new Set();
  const rows = await getDb().select({ id: t.organization.id }).from(t.organization).where(and(inArray(t.organization.id, wanted), publicOrganization(t.organization)));
  return new Set(rows.map((r) => r.id));
}

/** Legislative terms as OParl objects. */
function legislativeTermObject(row: typeof t.legislativeTerm.$inferSelect): OparlObject {
  return compact({ ...head('legislativeTerm', row.id), body: objectUrl('body', row.bodyId), name: row.name, startDate: dayOrUndefined(row.startDate), endDate: dayOrUndefined(row.endDate), ...stamps(row) });
}

/** Public legislative terms by id. */
export const loadLegislativeTerms: ObjectLoader = async (ids) => {
  if (!ids.length) return new Map();
  const rows = await getDb().select().from(t.legislativeTerm).where(and(inArray(t.legislativeTerm.id, ids), publicLegislativeTerm(t.legislativeTerm)));
  return new Map(rows.map((row) => [row.id, legislativeTermObject(row)]));
};

/** Public bodies by id, each with its legislative terms embedded and its lists linked. */
export const loadBodies: ObjectLoader = async (ids) => {
  if (!ids.length) return new Map();
  const db = getDb();
  const [rows, terms] = await Promise.all([
    db.select().from(t.body).where(and(inArray(t.body.id, ids), publicBody(t.body))),
    db.select().from(t.legislativeTerm).where(and(inArray(t.legislativeTerm.bodyId, ids), publicLegislativeTerm(t.legislativeTerm))).orderBy(asc(t.legislativeTerm.startDate), asc(t.legislativeTerm.id)),
  ]);
  const termsOf = groupBy(terms, (term) => term.bodyId);
  return new Map(rows.map((row) => [row.id, {
    ...compact({
    ...head('body', row.id),
    system: systemUrl(),
    shortName: row.shortName,
    name: row.name,
    website: httpUrlOrUndefined(row.website),
    classification: row.classification,
    organization: bodyListUrl(row.id, 'organization'),
    person: bodyListUrl(row.id, 'person'),
    meeting: bodyListUrl(row.id, 'meeting'),
    paper: bodyListUrl(row.id, 'paper'),
    legislativeTermList: bodyListUrl(row.id, 'legislativeTerm'),
    locationList: bodyListUrl(row.id, 'location'),
    agendaItem: bodyListUrl(row.id, 'agendaItem'),
    consultation: bodyListUrl(row.id, 'consultation'),
    file: bodyListUrl(row.id, 'file'),
    membership: bodyListUrl(row.id, 'membership'),
    ...stamps(row),
    web: webUrl(`/vorlagen?koerperschaft=${encodeURIComponent(row.slug)}`),
    }),
    // Required by the schema, so written even when empty and even with omit_internal.
    legislativeTerm: (termsOf.get(row.id) ?? []).map(legislativeTermObject),
  }]));
};

type MembershipRow = typeof t.membership.$inferSelect;

/** A membership as an OParl object; `onBehalfOf` only when that organization is public. */
function membershipObject(row: MembershipRow, publicOrgs: Set<number>): OparlObject {
  return compact({
    ...head('membership', row.id),
    person: objectUrl('person', row.personId),
    organization: objectUrl('organization', row.organizationId),
    role: row.role,
    votingRight: row.votingRight,
    startDate: dayOrUndefined(row.startDate),
    endDate: dayOrUndefined(row.endDate),
    onBehalfOf: row.onBehalfOfId !== null && publicOrgs.has(row.onBehalfOfId) ? objectUrl('organization', row.onBehalfOfId) : undefined,
    ...stamps(row),
  });
}

/** Public memberships by id. */
export const loadMemberships: ObjectLoader = async (ids) => {
  if (!ids.length) return new Map();
  const rows = await getDb().select().from(t.membership).where(and(inArray(t.membership.id, ids), publicMembership(t.membership)));
  const orgs = await publicOrganizationIds(rows.map((r) => r.onBehalfOfId));
  return new Map(rows.map((row) => [row.id, membershipObject(row, orgs)]));
};

/** Public organizations by id, with the URLs of their public memberships. */
export const loadOrganizations: ObjectLoader = async (ids) => {
  if (!ids.length) return new Map();
  const db = getDb();
  const [rows, memberships] = await Promise.all([
    db.select().from(t.organization).where(and(inArray(t.organization.id, ids), publicOrganization(t.organization))),
    db.select({ id: t.membership.id, organizationId: t.membership.organizationId }).from(t.membership).where(and(inArray(t.membership.organizationId, ids), publicMembership(t.membership))).orderBy(asc(t.membership.id)),
  ]);
  const parents = await publicOrganizationIds(rows.map((r) => r.parentId));
  const membershipsOf = groupBy(memberships, (m) => m.organizationId);
  return new Map(rows.map((row) => [row.id, compact({
    ...head('organization', row.id),
    body: objectUrl('body', row.bodyId),
    name: row.name,
    shortName: row.shortName,
    membership: (membershipsOf.get(row.id) ?? []).map((m) => objectUrl('membership', m.id)),
    subOrganizationOf: row.parentId !== null && parents.has(row.parentId) ? objectUrl('organization', row.parentId) : undefined,
    organizationType: oparlOrganizationType(row.kind),
    classification: oparlClassification(row.kind, row.classification),
    startDate: dayOrUndefined(row.startDate),
    endDate: dayOrUndefined(row.endDate),
    ...stamps(row),
    web: webUrl(`/gremien/${encodeURIComponent(row.slug)}`),
  })]));
};

/** Public people by id, with their public memberships embedded (unless omit_internal). */
export const loadPeople: ObjectLoader = async (ids, options) => {
  if (!ids.length) return new Map();
  const db = getDb();
  const [rows, memberships] = await Promise.all([
    db.select().from(t.person).where(and(inArray(t.person.id, ids), publicPerson(t.person))),
    options.omitInternal ? Promise.resolve([] as MembershipRow[]) : db.select().from(t.membership).where(and(inArray(t.membership.personId, ids), publicMembership(t.membership))).orderBy(asc(t.membership.id)),
  ]);
  const orgs = await publicOrganizationIds(memberships.map((m) => m.onBehalfOfId));
  const membershipsOf = groupBy(memberships, (m) => m.personId);
  return new Map(rows.map((row) => [row.id, compact({
    ...head('person', row.id),
    body: objectUrl('body', row.bodyId),
    name: row.name,
    familyName: row.familyName,
    givenName: row.givenName,
    formOfAddress: row.formOfAddress,
    title: row.title ? [row.title] : undefined,
    status: row.position ? [row.position] : undefined,
    membership: (membershipsOf.get(row.id) ?? []).map((m) => membershipObject(m, orgs)),
    ...stamps(row),
    web: webUrl(`/personen/${encodeURIComponent(row.slug)}`),
  })]));
};

type LocationRow = typeof t.location.$inferSelect;

/** A GeoJSON object from its stored text, or undefined when it is none. */
function geojsonOf(text: string | null): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A place as an OParl object. */
export function locationObject(row: LocationRow): OparlObject {
  return compact({
    ...head('location', row.id),
    description: row.description,
    geojson: geojsonOf(row.geojson),
    streetAddress: row.streetAddress,
    room: row.room,
    postalCode: row.postalCode,
    subLocality: row.subLocality,
    locality: row.locality,
    ...stamps(row),
  });
}

/** Public places by id. */
export const loadLocations: ObjectLoader = async (ids) => {
  if (!ids.length) return new Map();
  const rows = await getDb().select().from(t.location).where(and(inArray(t.location.id, ids), publicLocation(t.location)));
  return new Map(rows.map((row) => [row.id, locationObject(row)]));
};
