// OParl list pages (a body's lists, also those of embedded objects, OParl 1.1): keyset paging in a stable order on an index (by id, or by (modified, id) / (created, id) when
// filtered by those), a fixed number of queries per page whatever the corpus size (docs/decisions/0013-oparl-paging.md).
import { and, asc, eq, gt, gte, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { listedAgendaItem, publicBody, publicConsultation, publicFile, publicLegislativeTerm, publicLocation, publicMeeting, publicMembership, publicOrganization, publicPaper, publicPerson } from '@/lib/server/visibility';
import { tombstone, type OparlObject } from './common';
import { loaders } from './objects';
import { pageUrl, withTombstones, type ListCursor, type ListQuery } from './query';
import type { BodyListKind, ObjectKind } from './urls';

/** A table a list pages over: the shared columns plus publishing. */
type ListTable = typeof t.paper | typeof t.meeting | typeof t.person | typeof t.organization | typeof t.legislativeTerm | typeof t.location | typeof t.body
  | typeof t.agendaItem | typeof t.consultation | typeof t.file | typeof t.membership;

/** What a list is made of: its table, its kind, its visibility rule, and the records it is limited to. */
interface ListSource {
  kind: ObjectKind;
  table: ListTable;
  visible: SQL;
  scope?: SQL;
  /** For tombstones: the deleted record was once public (default: it was published). */
  wasPublic?: SQL;
}

/** The ids of the body's records in `table`, by its (body_id) index. */
function idsInBody(table: typeof t.paper | typeof t.meeting | typeof t.person, bodyId: number): SQL {
  return sql`(select ${table.id} from ${table} where ${table.bodyId} = ${bodyId})`;
}

/**
 * `column` names a record of `table` that belongs to the body: an IN list, evaluated once per query. The unary `+`
 * keeps the planner walking the index the page is ordered by (id, updated_at, created_at: migration 0011) instead of
 * collecting the body's rows by `column` and sorting them all for every page.
 */
function inBody(column: SQLiteColumn, table: typeof t.paper | typeof t.meeting | typeof t.person, bodyId: number): SQL {
  return sql`+${column} in ${idsInBody(table, bodyId)}`;
}

/** `column` names an agenda item of one of the body's meetings. */
function agendaItemInBody(column: SQLiteColumn, bodyId: number): SQL {
  return sql`+${column} in (select ${t.agendaItem.id} from ${t.agendaItem} where ${t.agendaItem.meetingId} in ${idsInBody(t.meeting, bodyId)})`;
}

/** One page of a list, as OParl writes it. */
export interface ListPage {
  data: OparlObject[];
  pagination: { elementsPerPage: number };
  links: { first: string; self: string; next?: string };
}

/** The source of one of a body's lists. */
export function bodyListSource(bodyId: number, list: BodyListKind): ListSource {
  switch (list) {
    case 'organization': return { kind: list, table: t.organization, visible: publicOrganization(t.organization), scope: eq(t.organization.bodyId, bodyId) };
    case 'person': return { kind: list, table: t.person, visible: publicPerson(t.person), scope: eq(t.person.bodyId, bodyId) };
    case 'meeting': return { kind: list, table: t.meeting, visible: publicMeeting(t.meeting), scope: eq(t.meeting.bodyId, bodyId) };
    case 'paper': return { kind: list, table: t.paper, visible: publicPaper(t.paper), scope: eq(t.paper.bodyId, bodyId) };
    case 'legislativeTerm': return { kind: list, table: t.legislativeTerm, visible: publicLegislativeTerm(t.legislativeTerm), scope: eq(t.legislativeTerm.bodyId, bodyId) };
    case 'location': return { kind: list, table: t.location, visible: publicLocation(t.location), scope: eq(t.location.bodyId, bodyId) };
    // The lists of embedded objects (OParl 1.1): their records belong to the body through their parents.
    case 'agendaItem': return { kind: list, table: t.agendaItem, visible: listedAgendaItem(t.agendaItem), scope: inBody(t.agendaItem.meetingId, t.meeting, bodyId) };
    case 'consultation': return {
      kind: list, table: t.consultation, visible: publicConsultation(t.consultation), scope: inBody(t.consultation.paperId, t.paper, bodyId),
      wasPublic: sql`exists (select 1 from ${t.paper} where ${t.paper.id} = ${t.consultation.paperId} and ${t.paper.publishedAt} is not null)`,
    };
    case 'membership': return {
      kind: list, table: t.membership, visible: publicMembership(t.membership), scope: inBody(t.membership.personId, t.person, bodyId),
      wasPublic: sql`exists (select 1 from ${t.person} where ${t.person.id} = ${t.membership.personId} and ${t.person.publishedAt} is not null)`,
    };
    case 'file': return {
      kind: list,
      table: t.file,
      // Only files whose content is held are served (files.ts); the list leaves the others out before paging.
      visible: and(publicFile(t.file), isNotNull(t.file.sha256))!,
      scope: or(inBody(t.file.paperId, t.paper, bodyId), inBody(t.file.meetingId, t.meeting, bodyId), agendaItemInBody(t.file.agendaItemId, bodyId))!,
    };
  }
}

/** The source of the list of bodies. */
export function bodiesSource(): ListSource {
  return { kind: 'body', table: t.body, visible: publicBody(t.body) };
}

/** One page of a list at `path` (its URL without parameters), for the request `url` parsed into `query`. */
export async function listPage(source: ListSource, path: string, url: URL, query: ListQuery): Promise<ListPage> {
  const T = source.table;
  // Deleted records that were once public come back as tombstones when the list is filtered by modification.
  // Kinds without drafts (memberships, consultations) name how their parents tell it.
  const wasPublic = source.wasPublic ?? ('publishedAt' in T ? isNotNull(T.publishedAt) : undefined);
  const shown = withTombstones(query) ? or(source.visible, and(isNotNull(T.deletedAt), wasPublic))! : source.visible;
  const key = query.order === 'modified' ? T.updatedAt : query.order === 'created' ? T.createdAt : null;
  const after = query.after;
  const conditions: (SQL | undefined)[] = [
    source.scope,
    shown,
    query.createdSince ? gte(T.createdAt, query.createdSince) : undefined,
    query.createdUntil ? lte(T.createdAt, query.createdUntil) : undefined,
    query.modifiedSince ? gte(T.updatedAt, query.modifiedSince) : undefined,
    query.modifiedUntil ? lte(T.updatedAt, query.modifiedUntil) : undefined,
    after ? (key ? sql`(${key}, ${T.id}) > (${after.at ?? ''}, ${after.id})` : gt(T.id, after.id)) : undefined,
  ];
  const rows = await getDb()
    .select({ id: T.id, createdAt: T.createdAt, updatedAt: T.updatedAt, deletedAt: T.deletedAt })
    .from(T)
    .where(and(...conditions))
    .orderBy(...(key ? [asc(key), asc(T.id)] : [asc(T.id)]))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const objects = await loaders[source.kind](page.filter((row) => row.deletedAt === null).map((row) => row.id), { omitInternal: query.omitInternal });
  const data = page.map((row) => (row.deletedAt !== null ? tombstone(source.kind, row) : objects.get(row.id))).filter((o): o is OparlObject => o !== undefined);
  const last = page.at(-1);
  const cursorOf = (row: typeof last & object): ListCursor => (query.order === 'modified' ? { id: row.id, at: row.updatedAt } : query.order === 'created' ? { id: row.id, at: row.createdAt } : { id: row.id });
  return {
    data,
    pagination: { elementsPerPage: query.limit },
    links: {
      first: pageUrl(path, url, null),
      self: pageUrl(path, url, after),
      ...(rows.length > query.limit && last ? { next: pageUrl(path, url, cursorOf(last)) } : {}),
    },
  };
}
