// iCalendar of the due dates of open demands, with the tracker's filters (?zustaendig=…, ?koerperschaft=…).
import type { APIRoute } from 'astro';
import { dueDatesCalendar } from '@/lib/server/feeds/calendars';
import { allTrackedDemands } from '@/lib/server/tracking/cache';
import { filterDemands } from '@/lib/server/tracking/filter';
import { parseTrackerParams } from '@/lib/server/tracking/params';
import { calendarResponse } from '@/lib/server/feeds/responses';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';

export const GET: APIRoute = async ({ url, locals }) => {
  cachePublicPage({ locals }, pageTags.tracker);
  const all = await allTrackedDemands();
  const { filters } = parseTrackerParams(url.searchParams, all);
  return calendarResponse(dueDatesCalendar(url.origin, filterDemands(all, filters), 'Fristen offener Forderungen (Ratsfaden)'), 'fristen.ics');
};
