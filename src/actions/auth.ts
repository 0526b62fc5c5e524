// Login, logout and "log out everywhere", plus the admins' account management.
import { ActionError, defineAction } from 'astro:actions';
import { fieldErrors, loginSchema, passwordSchema, userActiveSchema, userCreateSchema, userRoleSchema } from '@/lib/validation/forms';
import { login, createUser, setPassword, setUserActive, setUserRole } from '@/lib/server/auth/users';
import { invalidateSession, invalidateUserSessions, SESSION_COOKIE, sessionCookieOptions } from '@/lib/server/auth/session';
import { formMessages } from '@/lib/validation/messages';
import { formAction, fieldFailure, type FormFailure } from './support';

/** Only same-site back-office paths are followed after login (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && /^\/verwaltung(?:[/?#]|$)/.test(next) && !next.startsWith('//') ? next : '/verwaltung';
}

export const auth = {
  /** Anyone may try to log in; throttled per account and client address. */
  login: defineAction({
    accept: 'form',
    handler: async (formData: FormData, context): Promise<{ ok: true; next: string } | FormFailure> => {
      const parsed = loginSchema.safeParse({ email: formData.get('email') ?? undefined, password: formData.get('password') ?? undefined, next: formData.get('next') ?? undefined });
      if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error), message: formMessages.loginMissing };
      const result = await login(parsed.data.email, parsed.data.password, context.clientAddress);
      if (!result.ok) return { ok: false, fields: {}, message: result.error };
      context.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(context.url, result.expiresAt));
      return { ok: true, next: safeNext(parsed.data.next) };
    },
  }),

  /** Ends the current session. */
  logout: defineAction({
    accept: 'form',
    handler: async (_formData: FormData, context) => {
      if (!context.locals.session) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Sie sind nicht angemeldet.' });
      await invalidateSession(context.locals.session.id);
      context.cookies.set(SESSION_COOKIE, '', sessionCookieOptions(context.url));
      return { ok: true as const };
    },
  }),

  /** Ends every session of the signed-in user, on all devices. */
  logoutEverywhere: defineAction({
    accept: 'form',
    handler: async (_formData: FormData, context) => {
      if (!context.locals.user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Sie sind nicht angemeldet.' });
      await invalidateUserSessions(context.locals.user.id);
      context.cookies.set(SESSION_COOKIE, '', sessionCookieOptions(context.url));
      return { ok: true as const };
    },
  }),
};

export const users = {
  /** Admins create accounts; there is no public sign-up. */
  create: formAction('admin', userCreateSchema, async (input, _context, admin) => {
    const result = await createUser(input, admin.id);
    if (!result.ok) return fieldFailure(result.field, result.error);
    return { ok: true as const, id: result.id, message: `Das Konto für ${input.name} wurde angelegt.` };
  }),

  /** Admins set a new password for an account; its sessions end. */
  resetPassword: formAction('admin', passwordSchema, async (input, _context, admin) => {
    const result = await setPassword(input.userId, input.password, admin.id);
    if (!result.ok) return fieldFailure(`password-${input.userId}`, result.error);
    return { ok: true as const, message: 'Das Passwort wurde neu gesetzt; alle Sitzungen dieses Kontos sind beendet.' };
  }),

  /** Admins deactivate (sessions end at once) or reactivate an account; never their own. */
  setActive: formAction('admin', userActiveSchema, async (input, _context, user) => {
    if (input.userId === user.id && !input.active) return { ok: false as const, fields: {}, message: 'Sie können Ihr eigenes Konto nicht deaktivieren.' };
    await setUserActive(input.userId, input.active, user.id);
    return { ok: true as const, message: input.active ? 'Das Konto ist wieder aktiv.' : 'Das Konto wurde deaktiviert; alle Sitzungen sind beendet.' };
  }),

  /** Admins give another account a different role; never their own, and at least one active admin stays. */
  setRole: formAction('admin', userRoleSchema, async (input, _context, user) => {
    if (input.userId === user.id) return { ok: false as const, fields: {}, message: 'Ihre eigene Rolle können Sie nicht ändern. Bitte wenden Sie sich dafür an eine andere Administratorin oder einen anderen Administrator.' };
    const result = await setUserRole(input.userId, input.role, user.id);
    if (!result.ok) return result.reason === 'not-found' ? { ok: false as const, fields: {}, message: result.error } : fieldFailure('role', result.error);
    return { ok: true as const, message: result.changed ? 'Die Rolle wurde geändert; sie gilt ab der nächsten Seite, die das Konto aufruft.' : 'Das Konto hatte diese Rolle bereits.' };
  }),

  /** Any signed-in user changes their own password; all their sessions end, including this one. */
  changeOwnPassword: formAction('clerk', passwordSchema.pick({ password: true }), async (input, context, user) => {
    const result = await setPassword(user.id, input.password, user.id);
    if (!result.ok) return fieldFailure('password', result.error);
    context.cookies.set(SESSION_COOKIE, '', sessionCookieOptions(context.url));
    return { ok: true as const, message: 'Ihr Passwort wurde geändert. Bitte melden Sie sich neu an.' };
  }),
};
