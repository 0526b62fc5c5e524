// One page of the sitemap: /sitemaps/seiten.xml (fixed pages) or /sitemaps/<section>-<n>.xml (a range of ids).
import type { APIRoute } from 'astro';
import { urlsetXml, xmlResponse } from '@/lib/server/sitemap/xml';
import { fixedPaths, sectionPage } from '@/lib/server/sitemap/read';
import { parseSitemapPageName } from '@/lib/server/sitemap/paging';
import { notFoundText } from '@/lib/server/feeds/responses';
import { absoluteUrl } from '@/lib/server/public-url';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';

export const GET: APIRoute = async ({ params, locals }) => {
  const name = parseSitemapPageName(params.name ?? '');
  if (!name) return notFoundText('Diese Seite der Sitemap gibt es nicht.');
  cachePublicPage({ locals }, pageTags.sitemap);
  if (name.section === 'seiten') return xmlResponse(urlsetXml(fixedPaths.map((path) => ({ loc: absoluteUrl(path) }))));
  const records = await sectionPage(name.section, name.page);
  if (!records.length) return notFoundText('Diese Seite der Sitemap ist leer oder gibt es nicht.');
  return xmlResponse(urlsetXml(records.map((r) => ({ loc: absoluteUrl(r.path), lastmod: r.lastmod }))));
};
