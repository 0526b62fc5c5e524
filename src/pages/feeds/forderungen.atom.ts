// Atom feed of demand status changes: all, ?vorlage=<paper slug> or ?forderung=<demand id>.
import type { APIRoute } from 'astro';
import { recordId } from '@/lib/record-id';
import { publicPaperId, statusFeed } from '@/lib/server/feeds/atom';
import { loadTrackedDemands } from '@/lib/server/tracking/load';
import { atomResponse, notFoundText } from '@/lib/server/feeds/responses';
import { demandName } from '@/lib/domain/labels';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';
import { publicOrigin } from '@/lib/server/public-url';

export const GET: APIRoute = async ({ url, locals }) => {
  cachePublicPage({ locals }, pageTags.demandFeed);
  const paperSlug = url.searchParams.get('vorlage');
  const demandId = url.searchParams.get('forderung');
  const path = `${url.pathname}${url.search}`;
  if (paperSlug) {
    const paper = await publicPaperId(paperSlug);
    if (!paper) return notFoundText('Diese Vorlage ist nicht bekannt.');
    return atomResponse(await statusFeed(publicOrigin(), path, { paperIds: [paper.id] }, paper.name, paper.changedAt));
  }
  if (demandId !== null) {
    const id = recordId(demandId);
    const [demand] = id === null ? [] : await loadTrackedDemands({ demandIds: [id] });
    if (!demand) return notFoundText('Diese Forderung ist nicht bekannt.');
    return atomResponse(await statusFeed(publicOrigin(), path, { demandIds: [demand.id] }, `${demandName(demand.id)} „${demand.title}“`, `${demand.raisedOn}T12:00:00.000Z`));
  }
  return atomResponse(await statusFeed(publicOrigin(), url.pathname, {}, 'alle Forderungen'));
};
