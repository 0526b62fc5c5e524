// Atom feed of new and changed papers: all, ?koerperschaft=<slug> or ?gremium=<slug>.
import type { APIRoute } from 'astro';
import { papersFeed } from '@/lib/server/feeds/atom';
import { listBodies } from '@/lib/server/people/organizations';
import { atomResponse, notFoundText } from '@/lib/server/feeds/responses';

export const GET: APIRoute = async ({ url }) => {
  const bodySlug = url.searchParams.get('koerperschaft');
  const orgSlug = url.searchParams.get('gremium');
  const bodies = await listBodies();
  if (bodySlug) {
    const body = bodies.find((b) => b.slug === bodySlug);
    if (!body) return notFoundText('Diese Körperschaft ist nicht bekannt.');
    return atomResponse(await papersFeed(url.origin, `${url.pathname}${url.search}`, { body: body.slug }, body.name));
  }
  if (orgSlug) {
    const org = bodies.flatMap((b) => b.organizations).find((o) => o.slug === orgSlug);
    if (!org) return notFoundText('Dieses Gremium ist nicht bekannt.');
    return atomResponse(await papersFeed(url.origin, `${url.pathname}${url.search}`, { organization: org.slug }, org.name));
  }
  return atomResponse(await papersFeed(url.origin, url.pathname, {}, 'alle Körperschaften'));
};
