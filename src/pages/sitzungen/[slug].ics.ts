// iCalendar file of one meeting (/sitzungen/<slug>.ics), linked from the meeting page.
import type { APIRoute } from 'astro';
import { meetingCalendar } from '@/lib/server/feeds/calendars';
import { getMeeting } from '@/lib/server/meetings/read';
import { calendarResponse, notFoundText } from '@/lib/server/feeds/responses';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';
import { publicOrigin } from '@/lib/server/public-url';

export const GET: APIRoute = async ({ params, url, locals }) => {
  const detail = await getMeeting(params.slug ?? '');
  if (!detail) return notFoundText('Diese Sitzung ist nicht bekannt.');
  const { meeting, organizations } = detail;
  cachePublicPage({ locals }, pageTags.meeting(meeting.id));
  return calendarResponse(meetingCalendar(publicOrigin(), { ...meeting, organizations }), `sitzung-${meeting.slug}.ics`);
};
