// Sessions after Lucia's design: a random token in the cookie, only its SHA-256 hash in the database,
// a sliding idle timeout and an absolute lifetime; rows can be revoked one by one or per user.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq, lt, or } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Role } from '@/lib/domain/vocabulary';
import { getDb, type Executor } from '@/lib/server/db';
import { servedOverHttps } from '@/lib/server/public-url';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'ratsfaden_sitzung';
/** A session ends after this much inactivity … */
export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
/** … and in any case this long after login. */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** The signed-in user as pages and actions see it. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** A valid session with its user. */
export interface ValidSession {
  session: { id: string; expiresAt: Date; idleExpiresAt: Date };
  user: SessionUser;
}

/** A new random token (160 bits) for the cookie; never stored. */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id stored for a token: hex SHA-256. */
export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Starts a session for a user and returns the token for the cookie. */
export async function createSession(userId: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_LIFETIME_MS);
  await getDb().insert(t.session).values({ id: sessionIdOf(token), userId, createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { token, expiresAt };
}

/**
 * The session and user for a cookie token, or null when the token is unknown, idle too long, past its
 * absolute lifetime, its user is deactivated, or the password changed after login. Extends the idle window.
 */
export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const db = getDb();
  const id = sessionIdOf(token);
  const [row] = await db
    .select({ session: t.session, user: { id: t.user.id, email: t.user.email, name: t.user.name, role: t.user.role, active: t.user.active, passwordChangedAt: t.user.passwordChangedAt, deletedAt: t.user.deletedAt } })
    .from(t.session)
    .innerJoin(t.user, eq(t.user.id, t.session.userId))
    .where(eq(t.session.id, id));
  if (!row) return null;
  const { session, user } = row;
  const lastSeen = new Date(session.lastSeenAt).getTime();
  const expired = now.getTime() >= new Date(session.expiresAt).getTime() || now.getTime() - lastSeen >= IDLE_TIMEOUT_MS;
  const revoked = !user.active || user.deletedAt !== null || (user.passwordChangedAt !== null && user.passwordChangedAt > session.createdAt);
  if (expired || revoked) {
    await db.delete(t.session).where(eq(t.session.id, id));
    return null;
  }
  let seen = lastSeen;
  if (now.getTime() - lastSeen >= TOUCH_INTERVAL_MS) {
    await db.update(t.session).set({ lastSeenAt: now.toISOString() }).where(eq(t.session.id, id));
    seen = now.getTime();
  }
  const expiresAt = new Date(session.expiresAt);
  const idleExpiresAt = new Date(Math.min(seen + IDLE_TIMEOUT_MS, expiresAt.getTime()));
  return { session: { id, expiresAt, idleExpiresAt }, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/** Ends one session (logout). */
export async function invalidateSession(sessionId: string): Promise<void> {
  await getDb().delete(t.session).where(eq(t.session.id, sessionId));
}

/** Ends every session of a user ("auf allen Geräten abmelden", deactivation, password change), in `tx` when given. */
export async function invalidateUserSessions(userId: number, tx: Executor = getDb()): Promise<void> {
  await tx.delete(t.session).where(eq(t.session.userId, userId));
}

/** Removes sessions that can no longer be valid; safe to call at any time. */
export async function deleteExpiredSessions(now = new Date()): Promise<void> {
  const idleCutoff = new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString();
  await getDb().delete(t.session).where(or(lt(t.session.expiresAt, now.toISOString()), lt(t.session.lastSeenAt, idleCutoff)));
}

/** Cookie options: HttpOnly, SameSite=Lax, Secure when PUBLIC_URL is an https address. */
export function sessionCookieOptions(expires?: Date) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: servedOverHttps(), path: '/', ...(expires ? { expires } : { maxAge: 0 }) };
}
