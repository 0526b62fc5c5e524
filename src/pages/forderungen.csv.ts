// CSV export of exactly the rows the tracker shows for the same filters (all pages, same order).
import type { APIRoute } from 'astro';
import { trackerCsv, trackerIndex } from '@/lib/server/tracking/cache';
import { parseTrackerParams } from '@/lib/server/tracking/params';
import { berlinToday } from '@/lib/dates';

export const GET: APIRoute = async ({ url }) => {
  const index = await trackerIndex();
  const { filters } = parseTrackerParams(url.searchParams, index.known);
  const csv = await trackerCsv(filters, url.origin);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="forderungen-${berlinToday()}.csv"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
};
