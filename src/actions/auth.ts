// Login, logout and "log out everywhere", plus the admins' account management.
import { ActionError, defineAction } from 'astro:actions';
import { fieldErrors, loginSchema, ownPasswordSchema, passwordSchema, userActiveSchema, userCreateSchema, userRoleSchema } from '@/lib/validation/forms';
import { login, createUser, setPassword, setUserActive, setUserRole, verifyOwnPassword } from '@/lib/server/auth/users';
import { invalidateSession, invalidateUserSessions, SESSION_COOKIE, sessionCookieOptions } from '@/lib/server/auth/session';
import { formMessages } from '@/lib/validation/messages';
import { clientAddressOf } from '@/lib/server/client-address';
import { fieldFailure, formAction, formFailure, saved, type ActionResult } from './support';

/** Only same-site back-office paths are followed after login (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && /^\/verwaltung(?:[/?#]|$)/.test(next) && !next.startsWith('//') ? next : '/verwaltung';
}

/** Where logging out (on this device or everywhere) and changing one's own password lead. */
const LOGIN_PAGE = '/verwaltung/anmelden';

export const auth = {
  /** Anyone may try to log in; throttled per account and client address (behind TRUST_PROXY the forwarded one). A refusal answers 401. */
  login: defineAction({
    accept: 'form',
    handler: async (formData: FormData, context): Promise<ActionResult> => {
      const parsed = loginSchema.safeParse({ email: formData.get('email') ?? undefined, password: formData.get('password') ?? undefined, next: formData.get('next') ?? undefined });
      if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error), message: formMessages.loginMissing, status: 401 };
      const result = await login(parsed.data.email, parsed.data.password, clientAddressOf(context));
      if (!result.ok) return { ...formFailure(result.error), status: 401 };
      context.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(result.expiresAt));
      return saved(null, safeNext(parsed.data.next));
    },
  }),

  /** Ends the current session. */
  logout: defineAction({
    accept: 'form',
    handler: async (_formData: FormData, context): Promise<ActionResult> => {
      if (!context.locals.session) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Sie sind nicht angemeldet.' });
      await invalidateSession(context.locals.session.id);
      context.cookies.set(SESSION_COOKIE, '', sessionCookieOptions());
      return saved('abgemeldet', LOGIN_PAGE);
    },
  }),

  /** Ends every session of the signed-in user, on all devices. */
  logoutEverywhere: defineAction({
    accept: 'form',
    handler: async (_formData: FormData, context): Promise<ActionResult> => {
      if (!context.locals.user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Sie sind nicht angemeldet.' });
      await invalidateUserSessions(context.locals.user.id);
      context.cookies.set(SESSION_COOKIE, '', sessionCookieOptions());
      return saved('abgemeldet', LOGIN_PAGE);
    },
  }),
};

export const users = {
  /** Admins create accounts; there is no public sign-up. */
  create: formAction('admin', userCreateSchema, async (input, _context, admin) => {
    const result = await createUser(input, admin.id);
    return result.ok ? saved('konto-angelegt') : fieldFailure(result.field, result.error);
  }),

  /** Admins set a new password for an account; its sessions end. */
  resetPassword: formAction('admin', passwordSchema, async (input, _context, admin) => {
    const result = await setPassword(input.userId, input.password, admin.id);
    return result.ok ? saved('passwort-gesetzt') : fieldFailure(`password-${input.userId}`, result.error);
  }),

  /** Admins deactivate (sessions end at once) or reactivate an account; never their own. */
  setActive: formAction('admin', userActiveSchema, async (input, _context, user) => {
    if (input.userId === user.id && !input.active) return formFailure('Sie können Ihr eigenes Konto nicht deaktivieren.');
    const result = await setUserActive(input.userId, input.active, user.id);
    if (!result.ok) return formFailure(result.error);
    return saved(input.active ? 'konto-aktiviert' : 'konto-deaktiviert');
  }),

  /** Admins give another account a different role; never their own, and at least one active admin stays. */
  setRole: formAction('admin', userRoleSchema, async (input, _context, user) => {
    if (input.userId === user.id) return formFailure('Ihre eigene Rolle können Sie nicht ändern. Bitte wenden Sie sich dafür an eine andere Administratorin oder einen anderen Administrator.');
    const result = await setUserRole(input.userId, input.role, user.id);
    if (!result.ok) return result.reason === 'not-found' ? formFailure(result.error) : fieldFailure('role', result.error);
    return saved(result.changed ? 'rolle-geaendert' : 'rolle-unveraendert');
  }),

  /** Any signed-in user changes their own password, giving the current one; all their sessions end, including this one. */
  changeOwnPassword: formAction('clerk', ownPasswordSchema, async (input, context, user) => {
    const current = await verifyOwnPassword(user.id, input.currentPassword, clientAddressOf(context));
    if (!current.ok) return fieldFailure('currentPassword', current.error);
    const result = await setPassword(user.id, input.password, user.id);
    if (!result.ok) return fieldFailure('password', result.error);
    context.cookies.set(SESSION_COOKIE, '', sessionCookieOptions());
    return saved('passwort-geaendert', LOGIN_PAGE);
  }),
};
