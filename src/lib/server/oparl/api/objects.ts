// One OParl object by kind and id: the public object, a tombstone if it was published and is now deleted, or null.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { publicBody } from '@/lib/server/visibility';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { tombstone, type LoadOptions, type ObjectLoader, type OparlObject } from './common';
import { loadFiles } from './files';
import { loadBodies, loadLegislativeTerms, loadLocations, loadMemberships, loadOrganizations, loadPeople } from './master';
import { loadAgendaItems, loadMeetings } from './meetings';
import { loadConsultations, loadPapers } from './papers';
import type { ObjectKind } from './urls';

/** The loader of each kind. */
export const loaders: Record<ObjectKind, ObjectLoader> = {
  body: loadBodies, organization: loadOrganizations, person: loadPeople, membership: loadMemberships, meeting: loadMeetings, agendaItem: loadAgendaItems,
  paper: loadPapers, consultation: loadConsultations, file: loadFiles, legislativeTerm: loadLegislativeTerms, location: loadLocations,
};

/** The table of each kind. */
export const tables = {
  body: t.body, organization: t.organization, person: t.person, membership: t.membership, meeting: t.meeting, agendaItem: t.agendaItem,
  paper: t.paper, consultation: t.consultation, file: t.file, legislativeTerm: t.legislativeTerm, location: t.location,
} as const;

/** The deleted record as a tombstone, if it was ever public (published, where the kind has drafts; of a public body, where it has one). */
async function deletedObject(kind: ObjectKind, id: number): Promise<OparlObject | null> {
  const table = tables[kind] as typeof t.paper;
  const db = getDb();
  const published = 'publishedAt' in table ? isNotNull(table.publishedAt) : undefined;
  const ofPublicBody = 'bodyId' in table && kind !== 'body' ? inArray(table.bodyId, db.select({ id: t.body.id }).from(t.body).where(publicBody(t.body))) : undefined;
  const [row] = await db.select({ id: table.id, createdAt: table.createdAt, updatedAt: table.updatedAt, deletedAt: table.deletedAt }).from(table).where(and(eq(table.id, id), isNotNull(table.deletedAt), published, ofPublicBody));
  return row ? tombstone(kind, row) : null;
}

/** The object the API serves at its URL: public object, tombstone, or null (404). */
export async function getObject(kind: ObjectKind, id: number, options: LoadOptions): Promise<OparlObject | null> {
  return (await loaders[kind]([id], options)).get(id) ?? (await deletedObject(kind, id));
}
