// Cross-site request forgery guard: a request that may change data must come from a page of the portal itself, as
// its Origin header says. The portal's origin is PUBLIC_URL (behind a TLS proxy the request the server sees is
// plain http on an inner address, so comparing with the request's own URL would refuse every form).
import { publicOrigin } from '@/lib/server/public-url';
import { refusalResponse } from '@/lib/server/refusal';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a request may change data (POST …) and its Origin is not the portal's. */
export function isCrossSiteWrite(request: Request, url: URL): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin === publicOrigin()) return false;
  // Without a configured PUBLIC_URL (a local `npm start`), the address the browser used is the portal's.
  return !(process.env.PUBLIC_URL === undefined && origin === url.origin);
}

/** The 403 a cross-site write gets, in German. */
export function crossSiteResponse(request: Request): Response {
  return refusalResponse(request, 403, `Dieses Formular wurde nicht von ${publicOrigin()} aus abgeschickt und deshalb abgelehnt. Bitte öffnen Sie das Formular auf ${publicOrigin()} und senden Sie es dort erneut.`);
}
