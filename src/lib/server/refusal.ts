// The answer to a request refused before any page handles it (cross-site post, too many fields): a short German
// page with a way back for a browser, the bare sentence for other clients; the same page scripts/serve.mjs gives
// for its own refusals (size, method), from src/lib/refusal-page.mjs.
import { refusalBody, wantsHtml } from '@/lib/refusal-page.mjs';

/** A refusal with `status` and the German `message`; `back` is where the browser's link leads. */
export function refusalResponse(request: Request, status: number, message: string, back = { href: '/', label: 'Zur Startseite' }): Response {
  const html = wantsHtml(request.headers.get('accept'));
  return new Response(refusalBody(message, back, html), { status, headers: { 'Content-Type': `${html ? 'text/html' : 'text/plain'}; charset=utf-8`, 'Cache-Control': 'no-store' } });
}
