// Page and action guards: who may see and change what. Authorization lives here and in each caller.
import { ActionError } from 'astro:actions';
import type { SessionUser } from './session';
import type { Role } from '@/lib/domain/vocabulary';

/** Whether a user's role includes `role`: admins may do everything clerks may. */
export function hasRole(user: SessionUser | null | undefined, role: Role): user is SessionUser {
  if (!user) return false;
  return role === 'clerk' ? user.role === 'clerk' || user.role === 'admin' : user.role === 'admin';
}

/** For actions: the signed-in user with `role`, or an ActionError (401 anonymous, 403 wrong role). */
export function requireActionRole(locals: App.Locals, role: Role): SessionUser {
  if (!locals.user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Bitte melden Sie sich an.' });
  if (!hasRole(locals.user, role)) throw new ActionError({ code: 'FORBIDDEN', message: 'Für diese Änderung fehlt Ihnen die Berechtigung.' });
  return locals.user;
}

/** What a page guard needs from Astro's page context. */
interface PageContext {
  locals: App.Locals;
  url: URL;
  redirect: (path: string, status?: 301 | 302 | 303 | 307 | 308) => Response;
}

/**
 * For pages, in their first lines: the signed-in user with `role`, or the Response to return instead
 * (a redirect to the login page for anonymous visitors, 403 for the wrong role).
 */
export function requireRole(context: PageContext, role: Role): SessionUser | Response {
  const user = context.locals.user;
  if (!user) return context.redirect(`/verwaltung/anmelden?weiter=${encodeURIComponent(context.url.pathname + context.url.search)}`, 303);
  if (!hasRole(user, role)) return new Response('Für diese Seite fehlt Ihnen die Berechtigung.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return user;
}
