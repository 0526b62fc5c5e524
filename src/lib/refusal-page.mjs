// The small German page a browser gets for a request refused before any page handles it (too large, wrong method,
// from another site, too many fields). Plain JavaScript, so that scripts/serve.mjs (which runs without a build) and
// the app (src/lib/server/refusal.ts) share it.

/** Escapes text for HTML. */
function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The refusal as an HTML page (`html`: for a browser, one that accepts text/html) or as the bare sentence.
 * @param {string} message the German reason
 * @param {{ href: string, label: string }} back where the page's link leads
 * @param {boolean} html
 * @returns {string}
 */
export function refusalBody(message, back, html) {
  return html
    ? `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anfrage abgelehnt – Ratsfaden</title></head><body><main><h1>Anfrage abgelehnt</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p></main></body></html>\n`
    : `${message}\n`;
}

/** Whether an Accept header asks for a page rather than data. */
export function wantsHtml(accept) {
  return /\btext\/html\b/.test(accept ?? '');
}
