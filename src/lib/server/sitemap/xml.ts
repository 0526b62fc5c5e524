// Sitemap XML (sitemaps.org protocol 0.9): a urlset of pages and a sitemap index of urlsets, with every value escaped.
// Written here rather than with the `sitemap` package: two elements with two children each, and that package's
// streams would buy nothing the paged queries need.

/** One <url> of a urlset or one <sitemap> of an index: an absolute address and when it last changed. */
export interface SitemapEntry {
  loc: string;
  /** ISO 8601 (W3C Datetime), optional. */
  lastmod?: string | null;
}

/** Most URLs a urlset may hold (sitemaps.org); our pages hold fewer (see paging.ts). */
export const SITEMAP_PROTOCOL_MAX_URLS = 50_000;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an XML element or attribute; characters XML 1.0 forbids are dropped. */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

function entryXml(element: 'url' | 'sitemap', entry: SitemapEntry): string {
  const lastmod = entry.lastmod ? `<lastmod>${escapeXml(entry.lastmod)}</lastmod>` : '';
  return `<${element}><loc>${escapeXml(entry.loc)}</loc>${lastmod}</${element}>`;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** A <urlset> of pages; refuses more than the protocol allows, so a bug cannot publish an invalid sitemap. */
export function urlsetXml(entries: SitemapEntry[]): string {
  if (entries.length > SITEMAP_PROTOCOL_MAX_URLS) throw new Error(`Eine Sitemap darf höchstens ${SITEMAP_PROTOCOL_MAX_URLS} Adressen enthalten, nicht ${entries.length}.`);
  return `${HEAD}<urlset ${NS}>\n${entries.map((e) => entryXml('url', e)).join('\n')}\n</urlset>\n`;
}

/** A <sitemapindex> of urlsets. */
export function sitemapIndexXml(entries: SitemapEntry[]): string {
  if (entries.length > SITEMAP_PROTOCOL_MAX_URLS) throw new Error(`Ein Sitemap-Index darf höchstens ${SITEMAP_PROTOCOL_MAX_URLS} Sitemaps enthalten, nicht ${entries.length}.`);
  return `${HEAD}<sitemapindex ${NS}>\n${entries.map((e) => entryXml('sitemap', e)).join('\n')}\n</sitemapindex>\n`;
}

/** An XML response for crawlers. */
export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
