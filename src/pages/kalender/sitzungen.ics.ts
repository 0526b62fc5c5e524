// iCalendar of meetings: all, or ?gremium=<slug>.
import type { APIRoute } from 'astro';
import { meetingsCalendar } from '@/lib/server/feeds/calendars';
import { listBodies } from '@/lib/server/people/organizations';
import { calendarResponse, notFoundText } from '@/lib/server/feeds/responses';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';
import { publicOrigin } from '@/lib/server/public-url';

export const GET: APIRoute = async ({ url, locals }) => {
  cachePublicPage({ locals }, pageTags.meetingCalendar);
  const slug = url.searchParams.get('gremium');
  if (!slug) return calendarResponse(await meetingsCalendar(publicOrigin(), { name: 'Sitzungen (Ratsfaden)' }), 'sitzungen.ics');
  const org = (await listBodies()).flatMap((b) => b.organizations).find((o) => o.slug === slug);
  if (!org) return notFoundText('Dieses Gremium ist nicht bekannt.');
  return calendarResponse(await meetingsCalendar(publicOrigin(), { organization: org.slug, name: `Sitzungen: ${org.name}` }), `sitzungen-${org.slug}.ics`);
};
