// The sitemap index: the fixed pages and every non-empty page of each section (src/lib/server/sitemap/).
import type { APIRoute } from 'astro';
import { sitemapIndexXml, xmlResponse } from '@/lib/server/sitemap/xml';
import { sectionPages } from '@/lib/server/sitemap/read';
import { sitemapPageName, sitemapSections } from '@/lib/server/sitemap/paging';
import { absoluteUrl } from '@/lib/server/public-url';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';

export const GET: APIRoute = async ({ locals }) => {
  cachePublicPage({ locals }, pageTags.sitemap);
  const names = ['seiten'];
  for (const section of sitemapSections) for (const page of await sectionPages(section)) names.push(sitemapPageName(section, page));
  return xmlResponse(sitemapIndexXml(names.map((name) => ({ loc: absoluteUrl(`/sitemaps/${name}.xml`) }))));
};
