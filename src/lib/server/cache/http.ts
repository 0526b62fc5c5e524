// Serving cached pages over HTTP: which requests may be answered from the cache, validators (ETag, 304), the
// headers a reverse proxy reads, and the Node fast path that scripts/serve.mjs calls before entering Astro.
import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE } from '@/lib/server/auth/session';
import { addGzipped, cachedPage, type CachedPage } from './page-store';

/** Response header saying whether the page came from the cache (`HIT`) or was rendered and stored (`MISS`). */
const CACHE_STATUS_HEADER = 'x-cache';

/** The cache key of a URL: path and query as the browser sent them (the host never counts). */
export function cacheKey(url: URL): string {
  return url.pathname + url.search;
}

const SESSION_PATTERN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);

/** Whether the request carries a session cookie: signed-in users always get a fresh page with their session. */
function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return !!cookieHeader && SESSION_PATTERN.test(cookieHeader);
}

/** Whether the back office or an action answers this path: never cached. */
export function isBackOfficePath(pathname: string): boolean {
  return pathname.startsWith('/verwaltung') || pathname.startsWith('/_actions') || pathname.startsWith('/_server-islands');
}

/** Whether a request may be answered from, or stored in, the page cache. */
export function mayUseCache(method: string, pathname: string, cookieHeader: string | null | undefined): boolean {
  return (method === 'GET' || method === 'HEAD') && !isBackOfficePath(pathname) && !hasSessionCookie(cookieHeader);
}

/**
 * Cache-Control of public pages: shared caches may keep them, but every reader revalidates (cheap: ETag and 304),
 * so a save is seen at once. PROXY_CACHE_SECONDS lets a proxy or CDN in front serve them that long without asking.
 */
export function publicCacheControl(): string {
  const seconds = Number(process.env.PROXY_CACHE_SECONDS ?? 0);
  return Number.isInteger(seconds) && seconds > 0 ? `public, max-age=0, s-maxage=${seconds}, must-revalidate` : 'public, max-age=0, must-revalidate';
}

/** Cache-Control of everything personal (the back office, public pages seen by a signed-in user). */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** The strong validator of a body. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** The validator of this page's body (in either encoding) that an If-None-Match header names, or null. */
export function matchingEtag(ifNoneMatch: string | null | undefined, etag: string): string | null {
  if (!ifNoneMatch) return null;
  if (ifNoneMatch.trim() === '*') return etag;
  const bare = etag.slice(1, -1);
  for (const candidate of ifNoneMatch.split(',')) {
    const value = candidate.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    if (value === bare || value === `${bare}-gz`) return `"${value}"`;
  }
  return null;
}

const ownHeaders = new Set(['set-cookie', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'etag', 'cache-control', 'vary', CACHE_STATUS_HEADER]);

/** A cache entry from a rendered response's status, headers and body. */
export function pageFromResponse(response: Response, body: Buffer, tags: string[], expiresAt: number): CachedPage {
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!ownHeaders.has(name.toLowerCase())) headers.push([name, value]);
  });
  return { status: response.status, headers, body, etag: etagOf(body), tags, expiresAt };
}

/** Compresses a stored page in the background (zlib runs on libuv's thread pool, not the event loop). */
export function compressLater(key: string, page: CachedPage): void {
  if (page.body.length < 1024) return;
  gzip(page.body, (error, result) => {
    if (!error) addGzipped(key, page, result);
  });
}

/** What to send for a cached page: 304 when the reader has it, else the body (gzip if accepted and ready). */
export interface PageReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** The reply for a cached page, given the request's If-None-Match and Accept-Encoding. */
export function replyFor(page: CachedPage, ifNoneMatch: string | null | undefined, acceptEncoding: string | null | undefined, cacheStatus: 'HIT' | 'MISS'): PageReply {
  const zipped = page.gzipped && /\bgzip\b/.test(acceptEncoding ?? '') ? page.gzipped : null;
  const headers: Record<string, string> = Object.fromEntries(page.headers);
  headers.etag = zipped ? `${page.etag.slice(0, -1)}-gz"` : page.etag;
  headers['cache-control'] = publicCacheControl();
  headers.vary = 'Cookie, Accept-Encoding';
  headers[CACHE_STATUS_HEADER] = cacheStatus;
  const matched = matchingEtag(ifNoneMatch, page.etag);
  if (matched) {
    // The reader's copy is current: it keeps the representation (and validator) it has.
    headers.etag = matched;
    for (const name of ['content-type', 'content-length', 'content-encoding']) delete headers[name];
    return { status: 304, headers, body: null };
  }
  if (zipped) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String((zipped ?? page.body).length);
  return { status: page.status, headers, body: zipped ?? page.body };
}

/** The reply as a web Response (for the middleware). */
export function responseFor(reply: PageReply, method: string): Response {
  return new Response(method === 'HEAD' || !reply.body ? null : (reply.body as Uint8Array<ArrayBuffer>), { status: reply.status, headers: reply.headers });
}

/**
 * Answers a request from the cache straight on Node's response, before Astro sees it; false when the request must
 * be rendered (not cacheable, not cached, expired). Registered for scripts/serve.mjs by fast-path.ts.
 */
export function serveCachedNode(req: IncomingMessage, res: ServerResponse): boolean {
  const method = req.method ?? 'GET';
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://cache.invalid');
  } catch {
    return false;
  }
  if (!mayUseCache(method, url.pathname, req.headers.cookie)) return false;
  const page = cachedPage(cacheKey(url));
  if (!page) return false;
  const reply = replyFor(page, req.headers['if-none-match'], req.headers['accept-encoding'], 'HIT');
  res.writeHead(reply.status, reply.headers);
  res.end(method === 'HEAD' ? undefined : reply.body ?? undefined);
  return true;
}
