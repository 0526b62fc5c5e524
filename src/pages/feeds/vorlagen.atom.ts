// Atom feed of new and changed papers: all, ?koerperschaft=<slug>, ?gremium=<slug>, or ?vorlage=<slug> (that paper and
// the papers related to it, e.g. the reply to a motion). An unknown value answers 404 with a German message.
import type { APIRoute } from 'astro';
import { papersFeed, publicPaperId } from '@/lib/server/feeds/atom';
import { listBodies } from '@/lib/server/people/organizations';
import { atomResponse, notFoundText } from '@/lib/server/feeds/responses';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';
import { publicOrigin } from '@/lib/server/public-url';

export const GET: APIRoute = async ({ url, locals }) => {
  cachePublicPage({ locals }, pageTags.paperFeed);
  const paperSlug = url.searchParams.get('vorlage');
  const bodySlug = url.searchParams.get('koerperschaft');
  const orgSlug = url.searchParams.get('gremium');
  const path = `${url.pathname}${url.search}`;
  if (paperSlug !== null) {
    const paper = paperSlug ? await publicPaperId(paperSlug) : null;
    if (!paper) return notFoundText('Diese Vorlage ist nicht bekannt.');
    return atomResponse(await papersFeed(publicOrigin(), path, { aroundPaperId: paper.id }, `„${paper.name}“ und zugehörige Vorlagen`));
  }
  const bodies = await listBodies();
  if (bodySlug) {
    const body = bodies.find((b) => b.slug === bodySlug);
    if (!body) return notFoundText('Diese Körperschaft ist nicht bekannt.');
    return atomResponse(await papersFeed(publicOrigin(), path, { body: body.slug }, body.name));
  }
  if (orgSlug) {
    const org = bodies.flatMap((b) => b.organizations).find((o) => o.slug === orgSlug);
    if (!org) return notFoundText('Dieses Gremium ist nicht bekannt.');
    return atomResponse(await papersFeed(publicOrigin(), path, { organization: org.slug }, org.name));
  }
  return atomResponse(await papersFeed(publicOrigin(), url.pathname, {}, 'alle Körperschaften'));
};
