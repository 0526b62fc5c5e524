// Resolves the session cookie into locals.user and locals.session and sets the security headers every response carries.
// Pages and actions guard themselves.
import { defineMiddleware } from 'astro:middleware';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from './lib/server/auth/session';
import { actionNames, isFormPost, notAFormResponse, requestedAction, UNKNOWN_ACTION_PAGE, unknownActionRpcResponse } from './lib/server/unknown-action';
import { server } from './actions';

const knownActions = actionNames(server);

/** Sets a header unless the response's headers are immutable (a redirect made by Response.redirect, for example). */
function setHeader(response: Response, name: string, value: string): void {
  try {
    response.headers.set(name, value);
  } catch {
    // Immutable headers: such responses carry no content to protect.
  }
}

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  context.locals.session = null;
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const valid = await validateSessionToken(token);
    if (valid) {
      context.locals.user = valid.user;
      context.locals.session = valid.session;
    } else {
      context.cookies.set(SESSION_COOKIE, '', sessionCookieOptions(context.url));
    }
  }
  // A post to an action that does not exist: 404 with a German message instead of Astro's bare error.
  // Every action takes a form; any other body (JSON, say) is refused before Astro parses it.
  const asked = requestedAction(context.request, context.url);
  const response = !asked ? await next()
    : !knownActions.has(asked.name) ? (asked.from === 'rpc' ? unknownActionRpcResponse() : await context.rewrite(new Request(new URL(UNKNOWN_ACTION_PAGE, context.url))))
    : !isFormPost(context.request) ? notAFormResponse()
    : await next();
  // Every response: no guessing of content types, and other sites learn only our origin from links.
  setHeader(response, 'X-Content-Type-Options', 'nosniff');
  setHeader(response, 'Referrer-Policy', 'strict-origin-when-cross-origin');
  if (context.url.pathname.startsWith('/verwaltung') || context.url.pathname.startsWith('/_actions')) {
    // Back-office pages show personal and unpublished data: never store them in shared caches.
    setHeader(response, 'Cache-Control', 'no-store');
    // Their buttons change data: no other site may show them in a frame (clickjacking).
    setHeader(response, 'X-Frame-Options', 'DENY');
  }
  return response;
});
