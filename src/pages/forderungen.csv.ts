// CSV export of exactly the rows the tracker shows for the same filters (all pages, same order).
import type { APIRoute } from 'astro';
import { trackerCsv, trackerIndex } from '@/lib/server/tracking/cache';
import { parseTrackerParams } from '@/lib/server/tracking/params';
import { berlinToday } from '@/lib/dates';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';
import { publicOrigin } from '@/lib/server/public-url';

export const GET: APIRoute = async ({ url, locals }) => {
  cachePublicPage({ locals }, pageTags.tracker);
  const index = await trackerIndex();
  const { filters } = parseTrackerParams(url.searchParams, index.known);
  const csv = await trackerCsv(filters, publicOrigin());
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="forderungen-${berlinToday()}.csv"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
};
