// Cross-site request forgery guard: a request that may change data must come from a page of the portal itself, as
// its Origin header says. The portal's origin is PUBLIC_URL (behind a TLS proxy the request the server sees is
// plain http on an inner address, so comparing with the request's own URL would refuse every form).
import { publicOrigin } from '@/lib/server/public-url';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a request may change data (POST …) and its Origin is not the portal's. */
export function isCrossSiteWrite(request: Request, url: URL): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin === publicOrigin()) return false;
  // Without a configured PUBLIC_URL (a local `npm start`), the address the browser used is the portal's.
  return !(process.env.PUBLIC_URL === undefined && origin === url.origin);
}

/** The 403 a cross-site write gets: a short German page for a browser, the sentence for other clients. */
export function crossSiteResponse(request: Request): Response {
  const message = `Dieses Formular wurde nicht von ${publicOrigin()} aus abgeschickt und deshalb abgelehnt. Bitte öffnen Sie das Formular auf ${publicOrigin()} und senden Sie es dort erneut.`;
  const html = /\btext\/html\b/.test(request.headers.get('accept') ?? '');
  const body = html
    ? `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anfrage abgelehnt – Ratsfaden</title></head><body><main><h1>Anfrage abgelehnt</h1><p>${message}</p><p><a href="/">Zur Startseite</a></p></main></body></html>\n`
    : `${message}\n`;
  return new Response(body, { status: 403, headers: { 'Content-Type': `${html ? 'text/html' : 'text/plain'}; charset=utf-8`, 'Cache-Control': 'no-store' } });
}
