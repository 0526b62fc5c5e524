// The answer to a request refused before any page handles it (cross-site post, too many fields): a short German
// page with a way back for a browser, the bare sentence for other clients. scripts/serve.mjs answers its own
// refusals (size, method) the same way.

/** A refusal with `status` and the German `message`; `back` is where the browser's link leads. */
export function refusalResponse(request: Request, status: number, message: string, back = { href: '/', label: 'Zur Startseite' }): Response {
  const html = /\btext\/html\b/.test(request.headers.get('accept') ?? '');
  const body = html
    ? `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anfrage abgelehnt – Ratsfaden</title></head><body><main><h1>Anfrage abgelehnt</h1><p>${escapeHtml(message)}</p><p><a href="${back.href}">${back.label}</a></p></main></body></html>\n`
    : `${message}\n`;
  return new Response(body, { status, headers: { 'Content-Type': `${html ? 'text/html' : 'text/plain'}; charset=utf-8`, 'Cache-Control': 'no-store' } });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
