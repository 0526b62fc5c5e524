// Refuses writes from other sites and forms with too many fields before anything reads them, answers repeat views of
// public pages from the page cache, resolves the session cookie into locals.user and locals.session, sets the
// security and caching headers every response carries, and stores pages that asked to be cached. Pages and actions
// guard themselves.
import { defineMiddleware } from 'astro:middleware';
import { PRIVATE_CACHE_CONTROL, cacheKey, compressLater, isBackOfficePath, mayUseCache, pageFromResponse, replyFor, responseFor } from './lib/server/cache/http';
import { registerFastPath } from './lib/server/cache/fast-path';
import { registerShutdown } from './lib/server/shutdown';
import { cachedPage, currentGeneration, storePage } from './lib/server/cache/page-store';
import { expiryOf } from './lib/server/cache/public-page';
import { startChangeSync } from './lib/server/changes/sync';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from './lib/server/auth/session';
import { actionNames, isFormPost, notAFormResponse, requestedAction, UNKNOWN_ACTION_PAGE, unknownActionRpcResponse } from './lib/server/unknown-action';
import { refuseFieldFlood } from './lib/server/form-limits';
import { crossSiteResponse, isCrossSiteWrite } from './lib/server/origin-check';
import { servedOverHttps } from './lib/server/public-url';
import { server } from './actions';

const knownActions = actionNames(server);
registerFastPath();
registerShutdown();

/** Sets a header unless the response's headers are immutable (a redirect made by Response.redirect, for example). */
function setHeader(response: Response, name: string, value: string): void {
  try {
    response.headers.set(name, value);
  } catch {
    // Immutable headers: such responses carry no content to protect.
  }
}

/** Headers every response carries: no guessing of content types, other sites learn only our origin from links, and
 * over HTTPS browsers are told to come back only that way (HSTS, one year). */
function withCommonHeaders(response: Response): Response {
  setHeader(response, 'X-Content-Type-Options', 'nosniff');
  setHeader(response, 'Referrer-Policy', 'strict-origin-when-cross-origin');
  if (servedOverHttps()) setHeader(response, 'Strict-Transport-Security', 'max-age=31536000');
  return response;
}

export const onRequest = defineMiddleware(async (context, next) => {
  // Pages are stored only once this process follows the change log, so none misses a save made meanwhile.
  await startChangeSync();
  const { method } = context.request;
  // Before a byte of a form is read: a post from another site (or an unknown origin) changes nothing.
  if (isCrossSiteWrite(context.request, context.url)) return withCommonHeaders(crossSiteResponse(context.request));
  // Before a form is parsed: its field count (parsing and validation cost grows with it).
  const flood = await refuseFieldFlood(context.request);
  if (flood) return withCommonHeaders(flood);
  const cacheable = mayUseCache(method, context.url.pathname, context.request.headers.get('cookie'));
  const key = cacheKey(context.url);
  if (cacheable) {
    const page = cachedPage(key);
    if (page) return responseFor(replyFor(page, context.request.headers.get('if-none-match'), context.request.headers.get('accept-encoding'), 'HIT'), method);
  }
  const generation = currentGeneration();
  context.locals.user = null;
  context.locals.session = null;
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const valid = await validateSessionToken(token);
    if (valid) {
      context.locals.user = valid.user;
      context.locals.session = valid.session;
    } else {
      context.cookies.set(SESSION_COOKIE, '', sessionCookieOptions());
    }
  }
  // A post to an action that does not exist: 404 with a German message instead of Astro's bare error.
  // Every action takes a form; any other body (JSON, say) is refused before Astro parses it.
  const asked = requestedAction(context.request, context.url);
  const response = !asked ? await next()
    : !knownActions.has(asked.name) ? (asked.from === 'rpc' ? unknownActionRpcResponse() : await context.rewrite(new Request(new URL(UNKNOWN_ACTION_PAGE, context.url))))
    : !isFormPost(context.request) ? notAFormResponse()
    : await next();
  withCommonHeaders(response);
  if (isBackOfficePath(context.url.pathname)) {
    // Back-office pages show personal and unpublished data: never store them in shared caches.
    setHeader(response, 'Cache-Control', PRIVATE_CACHE_CONTROL);
    // Their buttons change data: no other site may show them in a frame (clickjacking).
    setHeader(response, 'X-Frame-Options', 'DENY');
    return response;
  }
  if (context.locals.user) {
    // A signed-in user sees public pages with their session (and may see more): neither stored nor shared.
    setHeader(response, 'Cache-Control', PRIVATE_CACHE_CONTROL);
    return response;
  }
  const declared = context.locals.pageCache;
  if (!cacheable || !declared || method !== 'GET' || response.status !== 200 || response.headers.has('set-cookie')) return response;
  const body = Buffer.from(await response.arrayBuffer());
  const page = pageFromResponse(response, body, declared.tags, expiryOf(declared));
  if (storePage(key, page, generation)) compressLater(key, page);
  const reply = replyFor(page, context.request.headers.get('if-none-match'), null, 'MISS');
  return responseFor(reply, method);
});
