// The sitemap's reads: which pages of each section have public records, and the records of one page. Every query is
// a primary-key range (or a seek from an id) with the public-visibility rule of its kind, so drafts, trashed records
// and records of unpublished bodies never appear, and a page costs the same at 100,000 papers as at 100.
import { and, asc, between, gte, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { publicDemand, publicMeeting, publicOrganization, publicPaper, publicPerson } from '@/lib/server/visibility';
import { demandUrl, meetingUrl, organizationUrl, paperUrl, personUrl } from '@/lib/urls';
import { firstIdAfterPage, idRange, pageOfId, SITEMAP_PAGE_SIZE, type SitemapSection } from './paging';

/** One public page of a record: its path and when the record last changed. */
export interface SitemapRecord {
  path: string;
  lastmod: string;
}

interface Source {
  table: SQLiteTable;
  id: SQLiteColumn;
  /** The column the path is made of (slug, or the id for demands). */
  key: SQLiteColumn;
  updatedAt: SQLiteColumn;
  visible: () => SQL;
  path: (key: string) => string;
}

const sources: Record<SitemapSection, Source> = {
  vorlagen: { table: t.paper, id: t.paper.id, key: t.paper.slug, updatedAt: t.paper.updatedAt, visible: () => publicPaper(t.paper), path: paperUrl },
  sitzungen: { table: t.meeting, id: t.meeting.id, key: t.meeting.slug, updatedAt: t.meeting.updatedAt, visible: () => publicMeeting(t.meeting), path: meetingUrl },
  forderungen: { table: t.demand, id: t.demand.id, key: t.demand.id, updatedAt: t.demand.updatedAt, visible: () => publicDemand(t.demand), path: (id) => demandUrl(Number(id)) },
  gremien: { table: t.organization, id: t.organization.id, key: t.organization.slug, updatedAt: t.organization.updatedAt, visible: () => publicOrganization(t.organization), path: organizationUrl },
  personen: { table: t.person, id: t.person.id, key: t.person.slug, updatedAt: t.person.updatedAt, visible: () => publicPerson(t.person), path: personUrl },
};

/** The first public id of a section from `from` on, or null: one seek along the primary key. */
async function nextPublicId(source: Source, from: number): Promise<number | null> {
  const [row] = await getDb().select({ id: source.id }).from(source.table).where(and(gte(source.id, from), source.visible())).orderBy(asc(source.id)).limit(1);
  return row ? Number(row.id) : null;
}

/**
 * The pages (0-based) of a section that list at least one public record, in order: one seek per page found (and
 * one more), however many rows the table holds.
 */
export async function sectionPages(section: SitemapSection, size = SITEMAP_PAGE_SIZE): Promise<number[]> {
  const source = sources[section];
  const pages: number[] = [];
  for (let id = await nextPublicId(source, 1); id !== null; ) {
    const page = pageOfId(id, size);
    pages.push(page);
    id = await nextPublicId(source, firstIdAfterPage(page, size));
  }
  return pages;
}

/** The public records of one page of a section, by id: at most `size` rows, read by a primary-key range. */
export async function sectionPage(section: SitemapSection, page: number, size = SITEMAP_PAGE_SIZE): Promise<SitemapRecord[]> {
  const source = sources[section];
  const { first, last } = idRange(page, size);
  const rows = await getDb()
    .select({ key: source.key, updatedAt: source.updatedAt })
    .from(source.table)
    .where(and(between(source.id, first, last), source.visible()))
    .orderBy(asc(source.id));
  return rows.map((row) => ({ path: source.path(String(row.key)), lastmod: String(row.updatedAt) }));
}

/** The portal's fixed public pages: start, the lists, and the legal texts every page links to. */
export const fixedPaths = ['/', '/vorlagen', '/sitzungen', '/forderungen', '/gremien', '/personen', '/suche', '/impressum', '/datenschutz', '/barrierefreiheit'];
