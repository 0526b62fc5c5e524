// How the sitemap is cut into pages: each page of a section covers a fixed range of ids (page 1: ids 1–10,000, page 2:
// 10,001–20,000 …), so it holds at most that many URLs however many rows exist, is read by a primary-key range scan,
// and keeps its URLs when rows elsewhere are added or deleted. Pure functions; the queries are in ./read.ts.

/** Ids per sitemap page: below the protocol's 50,000, so a page stays small enough to cache (some 1.5 MB). */
export const SITEMAP_PAGE_SIZE = 10_000;

/** The first and last id of page `page` (0-based). */
export function idRange(page: number, size = SITEMAP_PAGE_SIZE): { first: number; last: number } {
  return { first: page * size + 1, last: (page + 1) * size };
}

/** The page (0-based) an id falls on. */
export function pageOfId(id: number, size = SITEMAP_PAGE_SIZE): number {
  return Math.floor((id - 1) / size);
}

/** The id to look from for the next non-empty page after `page`. */
export function firstIdAfterPage(page: number, size = SITEMAP_PAGE_SIZE): number {
  return (page + 1) * size + 1;
}

/** The sections of the sitemap besides the fixed pages, by their URL name. */
export const sitemapSections = ['vorlagen', 'sitzungen', 'forderungen', 'gremien', 'personen'] as const;
export type SitemapSection = (typeof sitemapSections)[number];

/** A sitemap page's name in its URL: `seiten` (fixed pages) or `<section>-<n>` (n from 1). */
export type SitemapPageName = { section: 'seiten' } | { section: SitemapSection; page: number };

/** The name of a section's page in its URL (`vorlagen-1` for page 0). */
export function sitemapPageName(section: SitemapSection, page: number): string {
  return `${section}-${page + 1}`;
}

/** Parses `seiten` or `vorlagen-3`; null for anything else (a mistyped or forged address). */
export function parseSitemapPageName(name: string): SitemapPageName | null {
  if (name === 'seiten') return { section: 'seiten' };
  const match = /^([a-z]+)-([1-9]\d{0,8})$/.exec(name);
  if (!match || !(sitemapSections as readonly string[]).includes(match[1]!)) return null;
  return { section: match[1] as SitemapSection, page: Number(match[2]) - 1 };
}
