// Resolves the session cookie into locals.user and locals.session; nothing else. Pages and actions guard themselves.
import { defineMiddleware } from 'astro:middleware';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from './lib/server/auth/session';

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
  const response = await next();
  // Back-office pages show personal and unpublished data: never store them in shared caches.
  if (context.url.pathname.startsWith('/verwaltung') || context.url.pathname.startsWith('/_actions')) {
    response.headers.set('Cache-Control', 'no-store');
  }
  return response;
});
