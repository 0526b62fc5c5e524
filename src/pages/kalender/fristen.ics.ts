// iCalendar of the due dates of open demands, with the tracker's filters (?zustaendig=…, ?koerperschaft=…).
import type { APIRoute } from 'astro';
import { dueDatesCalendar } from '../../lib/server/calendars';
import { allTrackedDemands } from '../../lib/server/tracker-cache';
import { filterDemands } from '../../lib/server/tracker-list';
import { parseTrackerParams } from '../../lib/server/tracker-params';
import { calendarResponse } from '../../lib/server/http';

export const GET: APIRoute = async ({ url }) => {
  const all = await allTrackedDemands();
  const { filters } = parseTrackerParams(url.searchParams, all);
  return calendarResponse(dueDatesCalendar(url.origin, filterDemands(all, filters), 'Fristen offener Forderungen (Ratsfaden)'), 'fristen.ics');
};
