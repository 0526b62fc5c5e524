// iCalendar of the due dates of open demands, with the tracker's filters (?zustaendig=…, ?koerperschaft=…).
import type { APIRoute } from 'astro';
import { dueDatesCalendar } from '@/lib/server/feeds/calendars';
import { trackerIndex } from '@/lib/server/tracking/cache';
import { parseTrackerParams } from '@/lib/server/tracking/params';
import { calendarResponse } from '@/lib/server/feeds/responses';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';
import { publicOrigin } from '@/lib/server/public-url';

export const GET: APIRoute = async ({ url, locals }) => {
  cachePublicPage({ locals }, pageTags.tracker);
  const index = await trackerIndex();
  const { filters } = parseTrackerParams(url.searchParams, index.known);
  return calendarResponse(dueDatesCalendar(publicOrigin(), index.filter(filters), 'Fristen offener Forderungen (Ratsfaden)'), 'fristen.ics');
};
