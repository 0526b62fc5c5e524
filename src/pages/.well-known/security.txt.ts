// security.txt (RFC 9116): whom to tell about a vulnerability (src/lib/server/well-known.ts).
import type { APIRoute } from 'astro';
import { securityTxt, textResponse } from '@/lib/server/well-known';
import { cachePublicPage } from '@/lib/server/cache/public-page';
import { pageTags } from '@/lib/server/cache/page-tags';

export const GET: APIRoute = ({ locals }) => {
  // Cached until midnight at the latest (expiryOf), so Expires moves on each day.
  cachePublicPage({ locals }, pageTags.wellKnown);
  return textResponse(securityTxt());
};
