// Bodies, organizations and people for the public pages.
import { and, asc, eq, or, isNull, gte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import type { OrganizationKind } from '@/lib/domain/vocabulary';
import { berlinToday } from '@/lib/dates';
import { getDb } from '@/lib/server/db';
import { untilNextChange } from '@/lib/server/changes/derived';
import { publicBody, publicMembership, publicOrganization, publicPaper, publicPerson } from '@/lib/server/visibility';

/** An organization as lists show it. */
export interface OrganizationListItem {
  slug: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  classification: string | null;
}

/** A body with its published organizations, for the start page and /gremien. */
export interface BodyWithOrganizations {
  slug: string;
  name: string;
  classification: string | null;
  organizations: OrganizationListItem[];
}

/** All published bodies with their organizations, alphabetically; read once per change of the data (do not modify). */
export function listBodies(): Promise<BodyWithOrganizations[]> {
  return untilNextChange('bodies', readBodies);
}

async function readBodies(): Promise<BodyWithOrganizations[]> {
  const db = getDb();
  const bodies = await db.select({ id: t.body.id, slug: t.body.slug, name: t.body.name, classification: t.body.classification }).from(t.body).where(publicBody(t.body)).orderBy(asc(t.body.name));
  const orgs = await db
    .select({ bodyId: t.organization.bodyId, slug: t.organization.slug, name: t.organization.name, shortName: t.organization.shortName, kind: t.organization.kind, classification: t.organization.classification })
    .from(t.organization)
    .where(publicOrganization(t.organization))
    .orderBy(asc(t.organization.name));
  return bodies.map(({ id, ...b }) => ({ ...b, organizations: orgs.filter((o) => o.bodyId === id).map(({ bodyId: _, ...o }) => o) }));
}

/** A membership as the organization and person pages show it. */
export interface MembershipEntry {
  person: { slug: string; name: string; formOfAddress: string | null };
  organization: { slug: string; name: string };
  role: string | null;
  votingRight: boolean;
  startDate: string | null;
  endDate: string | null;
  onBehalfOf: { slug: string; name: string } | null;
}

async function memberships(where: ReturnType<typeof eq>, today: string): Promise<MembershipEntry[]> {
  const behalf = alias(t.organization, 'behalf');
  const rows = await getDb()
    .select({
      person: { slug: t.person.slug, name: t.person.name, formOfAddress: t.person.formOfAddress },
      organization: { slug: t.organization.slug, name: t.organization.name },
      role: t.membership.role, votingRight: t.membership.votingRight, startDate: t.membership.startDate, endDate: t.membership.endDate,
      onBehalfOf: { slug: behalf.slug, name: behalf.name },
    })
    .from(t.membership)
    .innerJoin(t.person, eq(t.person.id, t.membership.personId))
    .innerJoin(t.organization, eq(t.organization.id, t.membership.organizationId))
    .leftJoin(behalf, and(eq(behalf.id, t.membership.onBehalfOfId), publicOrganization(behalf)))
    .where(and(where, publicMembership(t.membership), or(isNull(t.membership.endDate), gte(t.membership.endDate, today))))
    .orderBy(asc(t.person.name));
  return rows.map((r) => ({ ...r, onBehalfOf: r.onBehalfOf?.slug ? r.onBehalfOf : null }));
}

/** The published organization with this slug, its body, parent and current members; or null. */
export async function getOrganization(slug: string, today = berlinToday()) {
  const db = getDb();
  const parent = alias(t.organization, 'parent');
  const [row] = await db
    .select({ organization: t.organization, body: { slug: t.body.slug, name: t.body.name }, parent: { slug: parent.slug, name: parent.name, published: sql<number>`${publicOrganization(parent)}` } })
    .from(t.organization)
    .innerJoin(t.body, eq(t.body.id, t.organization.bodyId))
    .leftJoin(parent, eq(parent.id, t.organization.parentId))
    .where(and(eq(t.organization.slug, slug), publicOrganization(t.organization)));
  if (!row) return null;
  return {
    organization: row.organization,
    body: row.body,
    parent: row.parent?.published ? { slug: row.parent.slug, name: row.parent.name } : null,
    members: await memberships(eq(t.membership.organizationId, row.organization.id), today),
  };
}

/** All published people, alphabetically, with their body. */
export async function listPeople() {
  return getDb()
    .select({ slug: t.person.slug, name: t.person.name, formOfAddress: t.person.formOfAddress, position: t.person.position, bodyName: t.body.name })
    .from(t.person)
    .innerJoin(t.body, eq(t.body.id, t.person.bodyId))
    .where(publicPerson(t.person))
    .orderBy(asc(sql`coalesce(${t.person.familyName}, ${t.person.name}) COLLATE NOCASE`));
}

/** The published person with this slug, their body, memberships and papers; or null. */
export async function getPerson(slug: string, today = berlinToday()) {
  const db = getDb();
  const [row] = await db
    .select({ person: t.person, body: { slug: t.body.slug, name: t.body.name } })
    .from(t.person)
    .innerJoin(t.body, eq(t.body.id, t.person.bodyId))
    .where(and(eq(t.person.slug, slug), publicPerson(t.person)));
  if (!row) return null;
  const papers = await db
    .select({ slug: t.paper.slug, name: t.paper.name, reference: t.paper.reference, date: t.paper.date, paperType: t.paper.paperType })
    .from(t.paperOriginator)
    .innerJoin(t.paper, eq(t.paper.id, t.paperOriginator.paperId))
    .where(and(eq(t.paperOriginator.personId, row.person.id), publicPaper(t.paper)))
    .orderBy(sql`${t.paper.date} DESC`);
  return { ...row, memberships: await memberships(eq(t.membership.personId, row.person.id), today), papers };
}
