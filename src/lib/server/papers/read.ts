// Paper queries for the public pages: the filtered list and the full record of one paper.
import { and, asc, count, desc, eq, lt, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import type { PaperRelationKind } from '@/lib/domain/vocabulary';
import type { PaperType } from '@/lib/domain/vocabulary';
import { getDb } from '@/lib/server/db';
import { untilNextChange } from '@/lib/server/changes/derived';
import { countedUntilNextChange } from '@/lib/server/counted';
import { listedAgendaItem, publicAgendaItem, publicConsultation, publicFile, publicMeeting, publicOrganization, publicPaper, publicPerson } from '@/lib/server/visibility';
import { demandsOfPapers, type DemandSummary } from '@/lib/server/tracking/demand-lists';

/** Sort orders of the paper list. */
export const paperSorts = ['neueste', 'aelteste', 'titel', 'nummer'] as const;
export type PaperSort = (typeof paperSorts)[number];

/** Filters of the paper list; all optional. */
export interface PaperFilters {
  body?: string;
  organization?: string;
  type?: PaperType;
  year?: number;
  q?: string;
  sort?: PaperSort;
}

/** One row of the paper list. */
export interface PaperListItem {
  slug: string;
  name: string;
  reference: string | null;
  paperType: PaperType;
  date: string;
  bodyName: string;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Shortest search text the title index can find (its trigram tokenizer indexes runs of three characters). */
const INDEXED_SEARCH_LENGTH = 3;

/**
 * Papers whose title or reference contains `q`, case-insensitively. Three characters or more: through the trigram
 * index `paper_title_fts` (migration 0006), a phrase query, so any substring matches; shorter texts by scanning.
 */
function titleMatches(q: string): SQL {
  if ([...q].length >= INDEXED_SEARCH_LENGTH) {
    const phrase = `"${q.replace(/"/g, '""')}"`;
    return sql`${t.paper.id} IN (SELECT rowid FROM paper_title_fts WHERE paper_title_fts MATCH ${phrase})`;
  }
  const pattern = `%${escapeLike(q.toLowerCase())}%`;
  return or(sql`${folded(t.paper.name)} LIKE ${pattern} ESCAPE '\\'`, sql`${folded(t.paper.reference)} LIKE ${pattern} ESCAPE '\\'`)!;
}

/** Lower-cases a column for comparison; SQLite's lower() folds ASCII only, so umlauts are folded by hand. */
function folded(column: SQLWrapper): SQL {
  return sql`lower(replace(replace(replace(${column}, 'Ä', 'ä'), 'Ö', 'ö'), 'Ü', 'ü'))`;
}

/**
 * The WHERE terms of `f`. `walkByDate`: an organization with many papers is listed by walking the date index and
 * testing each paper against its set (the unary `+` keeps the planner from starting at the set), which stops after
 * one page; starting at the set sorts all its papers first (13 ms → 1.5 ms for 5,000 of 100,000 papers).
 */
function filterConditions(f: PaperFilters, walkByDate = false): SQL[] {
  const conditions: SQL[] = [publicPaper(t.paper)];
  if (f.body) conditions.push(eq(t.body.slug, f.body));
  if (f.type) conditions.push(eq(t.paper.paperType, f.type));
  // The dates of one year as a range (the same rows as substr(date, 1, 4) = year for any text), so an index is used.
  if (f.year) conditions.push(sql`${t.paper.date} >= ${String(f.year)} AND ${t.paper.date} < ${String(f.year + 1)}`);
  if (f.q) conditions.push(titleMatches(f.q));
  if (f.organization) {
    // An organization "has" a paper it submitted, leads (Federführung) or consults. The ids come from three indexed
    // lookups; the same test as OR-ed subqueries per paper scanned the whole table (403 ms → 0.5 ms at 100,000 papers).
    const org = sql`(SELECT ${t.organization.id} FROM ${t.organization} WHERE ${t.organization.slug} = ${f.organization})`;
    conditions.push(sql`${walkByDate ? sql`+` : sql``}${t.paper.id} IN (
      SELECT ${t.paper.id} FROM ${t.paper} WHERE ${t.paper.underDirectionOfId} IN ${org}
      UNION SELECT ${t.paperOriginator.paperId} FROM ${t.paperOriginator} WHERE ${t.paperOriginator.organizationId} IN ${org}
      UNION SELECT ${t.consultation.paperId} FROM ${t.consultation} WHERE ${t.consultation.organizationId} IN ${org})`);
  }
  return conditions;
}

const orderBy: Record<PaperSort, SQL[]> = {
  neueste: [desc(t.paper.date), desc(t.paper.id)],
  aelteste: [asc(t.paper.date), asc(t.paper.id)],
  titel: [sql`${t.paper.name} COLLATE NOCASE`, desc(t.paper.date)],
  nummer: [sql`${t.paper.reference} IS NULL`, asc(t.paper.reference), desc(t.paper.date)],
};

function paperPage(filters: PaperFilters, page: number, pageSize: number, walkByDate = false): Promise<PaperListItem[]> {
  return getDb()
    .select({ slug: t.paper.slug, name: t.paper.name, reference: t.paper.reference, paperType: t.paper.paperType, date: t.paper.date, bodyName: t.body.name })
    .from(t.paper)
    .innerJoin(t.body, eq(t.body.id, t.paper.bodyId))
    .where(and(...filterConditions(filters, walkByDate)))
    .orderBy(...orderBy[filters.sort ?? 'neueste'])
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

/** The number of published papers matching `filters`, counted once per change of the data and filter combination. */
export function countPapers(filters: PaperFilters): Promise<number> {
  // Only the filters count: not the sort, nor anything else a caller's object carries (the page number).
  const counted: PaperFilters = { body: filters.body, organization: filters.organization, type: filters.type, year: filters.year, q: filters.q };
  const key = JSON.stringify([counted.body, counted.organization, counted.type, counted.year, counted.q]);
  return countedUntilNextChange('papers', key, async () => {
    // A title search starts at the title index (titleMatches) and looks up each paper it finds.
    const [row] = await getDb().select({ n: count() }).from(t.paper).innerJoin(t.body, eq(t.body.id, t.paper.bodyId)).where(and(...filterConditions(counted)));
    return row?.n ?? 0;
  });
}

/** One page of published papers matching `filters`, and the total count. */
export async function listPapers(filters: PaperFilters, page: number, pageSize: number): Promise<{ items: PaperListItem[]; total: number }> {
  const sort = filters.sort ?? 'neueste';
  if (!filters.organization || (sort !== 'neueste' && sort !== 'aelteste')) {
    const [total, items] = await Promise.all([countPapers(filters), paperPage(filters, page, pageSize)]);
    return { items, total };
  }
  // An organization's list in date order: walked along the date index when it holds at least one in 50 papers, so
  // that a page is found within about 50 pages' worth of rows (the counts are kept until the next change).
  const [total, all] = await Promise.all([countPapers(filters), countPapers({})]);
  return { items: await paperPage(filters, page, pageSize, total * 50 >= all), total };
}

/** A paper as the Atom feed of new and changed papers shows it. */
export interface ChangedPaper extends PaperListItem {
  publishedAt: string;
  updatedAt: string;
  textHtml: string | null;
  textKind: 'original' | 'summary';
}

/** Which papers the feed of changed papers covers: a body's, an organization's, or one paper with those related to it. */
export type ChangedPaperScope = Pick<PaperFilters, 'body' | 'organization'> & { aroundPaperId?: number };

/** The most recently published or changed papers in `scope`, newest change first. */
export async function recentlyChangedPapers(scope: ChangedPaperScope, limit: number): Promise<ChangedPaper[]> {
  const filters = scope;
  // One paper and the papers related to it either way (its replies, amendments, follow-ups and what it answers).
  const around = scope.aroundPaperId === undefined ? [] : [sql`${t.paper.id} IN (
    SELECT ${scope.aroundPaperId}
    UNION SELECT ${t.paperRelation.toPaperId} FROM ${t.paperRelation} WHERE ${t.paperRelation.fromPaperId} = ${scope.aroundPaperId}
    UNION SELECT ${t.paperRelation.fromPaperId} FROM ${t.paperRelation} WHERE ${t.paperRelation.toPaperId} = ${scope.aroundPaperId})`];
  const rows = await getDb()
    .select({
      slug: t.paper.slug, name: t.paper.name, reference: t.paper.reference, paperType: t.paper.paperType, date: t.paper.date, bodyName: t.body.name,
      publishedAt: t.paper.publishedAt, updatedAt: t.paper.updatedAt, textHtml: t.paper.textHtml, textKind: t.paper.textKind,
    })
    .from(t.paper)
    .innerJoin(t.body, eq(t.body.id, t.paper.bodyId))
    .where(and(...filterConditions(filters), ...around))
    // The later of change and publication; written as in the index paper_changed_idx (db/schema/papers.ts), so it is used.
    .orderBy(desc(sql`(CASE WHEN ${t.paper.updatedAt} > ${t.paper.publishedAt} THEN ${t.paper.updatedAt} ELSE ${t.paper.publishedAt} END)`), desc(t.paper.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/** Years that have published papers, newest first, for the year filter; found once per change of the data. */
export function paperYears(): Promise<number[]> {
  return untilNextChange('paper-years', async () => {
    // One indexed step per distinct first four characters of a date, newest first, instead of reading every paper:
    // the latest public date below the previous prefix names the next prefix.
    const db = getDb();
    const years: number[] = [];
    let below: string | null = null;
    for (;;) {
      const [row] = await db.select({ date: t.paper.date }).from(t.paper)
        .where(and(publicPaper(t.paper), below === null ? undefined : lt(t.paper.date, below)))
        .orderBy(desc(t.paper.date))
        .limit(1);
      if (!row) break;
      below = row.date.slice(0, 4);
      // A stored date that is no date ("garbage", "") offers no year.
      if (/^\d{4}$/.test(below)) years.push(Number(below));
      if (below === '') break;
    }
    return years;
  });
}

/** The newest published papers, for the start page (no count). */
export function newestPapers(limit: number): Promise<PaperListItem[]> {
  return paperPage({ sort: 'neueste' }, 1, limit);
}

/** A linked organization or person, as pages show it. */
export interface NamedLink {
  slug: string;
  name: string;
}

/** Everything the page of one paper shows. */
export interface PaperDetail {
  paper: typeof t.paper.$inferSelect;
  body: NamedLink;
  underDirectionOf: NamedLink | null;
  originators: { organizations: NamedLink[]; people: NamedLink[] };
  relations: { label: 'outgoing' | 'incoming'; kind: PaperRelationKind; paper: PaperListItem }[];
  consultations: {
    role: string | null;
    authoritative: boolean;
    organization: NamedLink | null;
    meeting: { slug: string; name: string; start: string } | null;
    agendaItem: { number: string; name: string; public: boolean } | null;
  }[];
  files: { id: number; name: string; size: number | null; mimeType: string | null; available: boolean }[];
  demands: DemandSummary[];
}

/** The published paper with this slug and everything around it, or null if there is none. */
export async function getPaper(slug: string): Promise<PaperDetail | null> {
  const db = getDb();
  const [row] = await db
    .select({ paper: t.paper, body: { slug: t.body.slug, name: t.body.name } })
    .from(t.paper)
    .innerJoin(t.body, eq(t.body.id, t.paper.bodyId))
    .where(and(eq(t.paper.slug, slug), publicPaper(t.paper)));
  if (!row) return null;
  const { paper } = row;
  const [underDirectionOf] = paper.underDirectionOfId
    ? await db.select({ slug: t.organization.slug, name: t.organization.name }).from(t.organization).where(and(eq(t.organization.id, paper.underDirectionOfId), publicOrganization(t.organization)))
    : [];
  const originatorOrganizations = await db
    .select({ slug: t.organization.slug, name: t.organization.name })
    .from(t.paperOriginator)
    .innerJoin(t.organization, eq(t.organization.id, t.paperOriginator.organizationId))
    .where(and(eq(t.paperOriginator.paperId, paper.id), publicOrganization(t.organization)));
  const originatorPeople = await db
    .select({ slug: t.person.slug, name: t.person.name })
    .from(t.paperOriginator)
    .innerJoin(t.person, eq(t.person.id, t.paperOriginator.personId))
    .where(and(eq(t.paperOriginator.paperId, paper.id), publicPerson(t.person)));
  return {
    paper,
    body: row.body,
    underDirectionOf: underDirectionOf ?? null,
    originators: { organizations: originatorOrganizations, people: originatorPeople },
    relations: await relationsOf(paper.id),
    consultations: await consultationsOf(paper.id),
    files: (await db
      .select({ id: t.file.id, name: t.file.name, size: t.file.size, mimeType: t.file.mimeType, sha256: t.file.sha256 })
      .from(t.file)
      .where(and(eq(t.file.paperId, paper.id), publicFile(t.file)))
      .orderBy(asc(t.file.order))).map(({ sha256, ...f }) => ({ ...f, available: sha256 !== null })),
    demands: (await demandsOfPapers([paper.id])).get(paper.id) ?? [],
  };
}

async function relationsOf(paperId: number): Promise<PaperDetail['relations']> {
  const db = getDb();
  const other = alias(t.paper, 'other');
  const columns = { kind: t.paperRelation.kind, slug: other.slug, name: other.name, reference: other.reference, paperType: other.paperType, date: other.date, bodyName: t.body.name };
  const outgoing = await db.select(columns).from(t.paperRelation).innerJoin(other, eq(other.id, t.paperRelation.toPaperId)).innerJoin(t.body, eq(t.body.id, other.bodyId))
    .where(and(eq(t.paperRelation.fromPaperId, paperId), publicPaper(other)));
  const incoming = await db.select(columns).from(t.paperRelation).innerJoin(other, eq(other.id, t.paperRelation.fromPaperId)).innerJoin(t.body, eq(t.body.id, other.bodyId))
    .where(and(eq(t.paperRelation.toPaperId, paperId), publicPaper(other)));
  const shape = (label: 'outgoing' | 'incoming') => ({ kind, ...p }: (typeof outgoing)[number]) => ({ label, kind, paper: p });
  return [...outgoing.map(shape('outgoing')), ...incoming.map(shape('incoming'))];
}

async function consultationsOf(paperId: number): Promise<PaperDetail['consultations']> {
  const rows = await getDb()
    .select({
      role: t.consultation.role,
      authoritative: t.consultation.authoritative,
      organization: { slug: t.organization.slug, name: t.organization.name, visible: sql<number>`${publicOrganization(t.organization)}` },
      meeting: { slug: t.meeting.slug, name: t.meeting.name, start: t.meeting.start, visible: sql<number>`${publicMeeting(t.meeting)}` },
      // A non-public agenda item is named by number and title only; `public` says whether it may be linked.
      agendaItem: { number: t.agendaItem.number, name: t.agendaItem.name, public: sql<number>`${publicAgendaItem(t.agendaItem)}`, visible: sql<number>`${listedAgendaItem(t.agendaItem)}` },
    })
    .from(t.consultation)
    .leftJoin(t.organization, eq(t.organization.id, t.consultation.organizationId))
    .leftJoin(t.meeting, eq(t.meeting.id, t.consultation.meetingId))
    .leftJoin(t.agendaItem, eq(t.agendaItem.id, t.consultation.agendaItemId))
    .where(and(eq(t.consultation.paperId, paperId), publicConsultation(t.consultation)))
    .orderBy(asc(t.consultation.order));
  const keep = <T extends { visible: number } | null>(v: T) => (v && v.visible ? v : null);
  return rows.map((r) => {
    const organization = keep(r.organization);
    const meeting = keep(r.meeting);
    const agendaItem = meeting ? keep(r.agendaItem) : null;
    return {
      role: r.role,
      authoritative: r.authoritative,
      organization: organization && { slug: organization.slug, name: organization.name },
      meeting: meeting && { slug: meeting.slug, name: meeting.name, start: meeting.start },
      agendaItem: agendaItem && { number: agendaItem.number, name: agendaItem.name, public: Boolean(agendaItem.public) },
    };
  });
}
