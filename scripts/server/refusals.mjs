// Requests scripts/serve.mjs refuses before Astro sees them: bodies too large for who sends them (413) or of
// unknown length (411), decided from the headers before a byte is read, and methods the portal does not answer (405).
import { refusalBody, wantsHtml } from '../../src/lib/refusal-page.mjs';

/** What the portal answers: pages and files (GET, HEAD) and forms (POST). Anything else (TRACE, PUT, …) gets 405. */
const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST']);

const KB = 1024;
const MB = 1024 * KB;
/** The session cookie's name (src/lib/server/auth/session.ts SESSION_COOKIE). */
const SESSION_COOKIE = 'ratsfaden_sitzung';
const SESSION_PATTERN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);
/** Largest refused body still read to its end (and thrown away) rather than cut off. */
const DRAIN_BYTES = 32 * MB;

/**
 * The most a request body may have, decided from its headers alone: without a session only the login form can be
 * posted (64 KB); an attachment upload takes its 20 MB file and the form around it (21 MB, as Astro's
 * actionBodySizeLimit); every other form its longest texts, URL-encoded (4 MB).
 */
function bodyLimit(req) {
  const url = req.url ?? '';
  if (!signedIn(req)) return { bytes: 64 * KB, label: '64 KB' };
  const action = /[?&]_action=([^&#]*)/.exec(url)?.[1] ?? (url.startsWith('/_actions/') ? url.slice('/_actions/'.length).split(/[?#]/)[0] : '');
  if (action === 'files.upload') return { bytes: 21 * MB, label: '21 MB' };
  return { bytes: 4 * MB, label: '4 MB' };
}

/** Whether the request carries a session cookie (signed-in users may post more than the login form). */
function signedIn(req) {
  return SESSION_PATTERN.test(req.headers.cookie ?? '');
}

/** Answers a refused request with the German page or sentence the app gives too (src/lib/refusal-page.mjs). */
function answer(req, res, status, message, headers = {}) {
  const html = wantsHtml(req.headers.accept);
  // The form cannot be shown again from here: the way back leads to where the sender came from.
  const back = signedIn(req) ? { href: '/verwaltung', label: 'Zur Verwaltung' } : { href: '/', label: 'Zur Startseite' };
  res.writeHead(status, { 'Content-Type': `${html ? 'text/html' : 'text/plain'}; charset=utf-8`, 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(refusalBody(message, back, html));
}

/** Refuses a body that is too large (413) or of unknown length (411) before a byte of it is read; true if refused. */
function refusedBody(req, res) {
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (length === undefined && !chunked) return false;
  const limit = bodyLimit(req);
  const refuse = (status, message) => {
    // A body up to DRAIN_BYTES is read and discarded, so that the client, still sending, gets to read the answer; a
    // larger or endless one is cut off with the connection (it costs no memory either way: nothing is kept).
    const drain = length !== undefined && Number(length) <= DRAIN_BYTES;
    answer(req, res, status, message, drain ? {} : { Connection: 'close' });
    if (drain) req.resume();
    return true;
  };
  if (length === undefined) return refuse(411, 'Bitte senden Sie die Länge der Anfrage mit (Content-Length); Formulare im Browser tun das von selbst.');
  if (Number(length) > limit.bytes) return refuse(413, `Die Anfrage ist zu groß: erlaubt sind höchstens ${limit.label}. Bitte kürzen Sie den Text oder laden Sie eine kleinere Datei hoch.`);
  return false;
}

/** Answers the request itself when it must be refused (body, method); true if it did. */
export function refused(req, res) {
  if (refusedBody(req, res)) return true;
  if (ALLOWED_METHODS.has(req.method ?? '')) return false;
  answer(req, res, 405, 'Diese Art der Anfrage unterstützt Ratsfaden nicht. Erlaubt sind GET, HEAD und POST.', { Allow: 'GET, HEAD, POST' });
  return true;
}
