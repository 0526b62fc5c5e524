// robots.txt for crawlers (src/lib/server/well-known.ts).
import type { APIRoute } from 'astro';
import { robotsTxt, textResponse } from '@/lib/server/well-known';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';

export const GET: APIRoute = ({ locals }) => {
  cachePublicPage({ locals }, pageTags.wellKnown);
  return textResponse(robotsTxt());
};
