// Accounts: login, creation by an admin or the CLI, deactivation and password resets.
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Role } from '@/lib/domain/vocabulary';
import { getDb } from '@/lib/server/db';
import { passwordMessages } from '@/lib/validation/messages';
import { hashPassword, passwordProblem, verifyDummy, verifyPassword } from './password';
import { createSession, deleteExpiredSessions, invalidateUserSessions } from './session';
import { markLoginSucceeded, pruneLoginAttempts, reserveLoginAttempt, THROTTLED_MESSAGE } from './throttle';
import { insertVersioned, updateCurrent, writeTransaction } from '@/lib/server/history/versioned-writes';

// Every account change is a versioned write with its revision in the audit log (which never holds the password
// hash), in one transaction with the sessions it ends. An admin's change applies to the account as it is now.

/** The one answer for an unknown address, a wrong password or a deactivated account. */
export const LOGIN_FAILED_MESSAGE = 'E-Mail-Adresse oder Passwort ist nicht korrekt.';

/** Lowercased, trimmed e-mail address: the form in which accounts and attempts are stored. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Result of a login: a session token, or a German message that reveals nothing about the account. */
export type LoginResult = { ok: true; token: string; expiresAt: Date; userId: number } | { ok: false; error: string; throttled: boolean };

/**
 * Checks the credentials under throttling and starts a session on success. The attempt is reserved (and counted)
 * before the password is checked, so parallel attempts cannot all get past the limit; a throttled answer is the
 * same whether or not the account exists.
 */
export async function login(emailInput: string, password: string, clientAddress: string): Promise<LoginResult> {
  const email = normalizeEmail(emailInput);
  const attempt = await reserveLoginAttempt(email, clientAddress);
  if (attempt === null) return { ok: false, error: THROTTLED_MESSAGE, throttled: true };
  const [account] = await getDb()
    .select({ id: t.user.id, passwordHash: t.user.passwordHash })
    .from(t.user)
    .where(and(eq(t.user.email, email), eq(t.user.active, true), isNull(t.user.deletedAt)));
  // Unknown accounts still cost one argon2 verification, so timing does not tell them apart.
  const valid = account ? await verifyPassword(account.passwordHash, password) : (await verifyDummy(password), false);
  if (!account || !valid) return { ok: false, error: LOGIN_FAILED_MESSAGE, throttled: false };
  await markLoginSucceeded(attempt);
  // Housekeeping on the rare path of a successful login: drop dead sessions and old attempts.
  await deleteExpiredSessions();
  await pruneLoginAttempts();
  const { token, expiresAt } = await createSession(account.id);
  return { ok: true, token, expiresAt, userId: account.id };
}

/**
 * Checks a signed-in user's current password before they change it. Counts like a login attempt on their account
 * and address (reserved before the check), so a stolen session cannot be used to guess the password faster than
 * the login form allows.
 */
export async function verifyOwnPassword(userId: number, password: string, clientAddress: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const [account] = await getDb().select({ email: t.user.email, passwordHash: t.user.passwordHash }).from(t.user).where(eq(t.user.id, userId));
  if (!account) return { ok: false, error: passwordMessages.wrongCurrent };
  const attempt = await reserveLoginAttempt(account.email, clientAddress);
  if (attempt === null) return { ok: false, error: THROTTLED_MESSAGE };
  const valid = await verifyPassword(account.passwordHash, password);
  if (!valid) return { ok: false, error: passwordMessages.wrongCurrent };
  await markLoginSucceeded(attempt);
  return { ok: true };
}

/** Input for a new account. */
export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Creates an account; refuses weak passwords and addresses already in use. */
export async function createUser(input: NewUser, actorId: number | null = null): Promise<{ ok: true; id: number } | { ok: false; field: 'email' | 'password'; error: string }> {
  const email = normalizeEmail(input.email);
  const problem = passwordProblem(input.password, { email, name: input.name });
  if (problem) return { ok: false, field: 'password', error: problem };
  const taken = { ok: false as const, field: 'email' as const, error: 'Für diese E-Mail-Adresse gibt es bereits ein Konto.' };
  const [existing] = await getDb().select({ id: t.user.id }).from(t.user).where(eq(t.user.email, email));
  if (existing) return taken;
  // Hashing takes a moment: done before the transaction, so it holds no lock meanwhile.
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(async (tx) => {
    const [again] = await tx.select({ id: t.user.id }).from(t.user).where(eq(t.user.email, email));
    if (again) return taken;
    const row = await insertVersioned(tx, t.user, { email, name: input.name.trim(), role: input.role, passwordHash, passwordChangedAt: new Date().toISOString() }, actorId);
    return { ok: true as const, id: row.id as number };
  });
}

/** Sets a new password and ends every session of the account. */
export async function setPassword(userId: number, password: string, actorId: number | null = null): Promise<{ ok: true } | { ok: false; error: string }> {
  const missing = { ok: false as const, error: 'Dieses Konto gibt es nicht.' };
  const [account] = await getDb().select({ email: t.user.email, name: t.user.name }).from(t.user).where(eq(t.user.id, userId));
  if (!account) return missing;
  const problem = passwordProblem(password, account);
  if (problem) return { ok: false, error: problem };
  const passwordHash = await hashPassword(password);
  return writeTransaction(async (tx) => {
    const result = await updateCurrent(tx, t.user, userId, { passwordHash, passwordChangedAt: new Date().toISOString() }, actorId);
    if (!result.ok) return missing;
    await invalidateUserSessions(userId, tx);
    return { ok: true as const };
  });
}

/** Activates or deactivates an account; deactivation ends its sessions at once. */
export async function setUserActive(userId: number, active: boolean, actorId: number | null = null): Promise<{ ok: true } | { ok: false; error: string }> {
  return writeTransaction(async (tx) => {
    const result = await updateCurrent(tx, t.user, userId, { active }, actorId);
    if (!result.ok) return { ok: false as const, error: 'Dieses Konto gibt es nicht (mehr).' };
    if (!active) await invalidateUserSessions(userId, tx);
    return { ok: true as const };
  });
}

/**
 * Gives an account another role; it applies from the account's next request (sessions read the role each time).
 * Refused when it would leave no active administrator.
 */
export async function setUserRole(userId: number, role: Role, actorId: number | null = null): Promise<{ ok: true; changed: boolean } | { ok: false; reason: 'not-found' | 'last-admin'; error: string }> {
  return writeTransaction(async (tx) => {
    const [row] = await tx.select({ role: t.user.role }).from(t.user).where(eq(t.user.id, userId));
    if (!row) return { ok: false as const, reason: 'not-found' as const, error: 'Dieses Konto gibt es nicht (mehr).' };
    if (row.role === role) return { ok: true as const, changed: false };
    if (row.role === 'admin') {
      const [admins] = await tx.select({ n: count() }).from(t.user).where(and(eq(t.user.role, 'admin'), eq(t.user.active, true), isNull(t.user.deletedAt)));
      if ((admins?.n ?? 0) <= 1) return { ok: false as const, reason: 'last-admin' as const, error: 'Es muss mindestens ein aktives Administrator-Konto bleiben. Bitte ernennen Sie zuerst ein anderes Konto zur Administratorin oder zum Administrator.' };
    }
    await updateCurrent(tx, t.user, userId, { role }, actorId);
    return { ok: true as const, changed: true };
  });
}

/** All accounts for the user administration, by name. */
export function listUsers() {
  return getDb().select({ id: t.user.id, email: t.user.email, name: t.user.name, role: t.user.role, active: t.user.active, createdAt: t.user.createdAt }).from(t.user).orderBy(asc(t.user.name));
}

/** True when at least one account exists (the CLI refuses nothing, but says so). */
export async function hasAnyUser(): Promise<boolean> {
  const [row] = await getDb().select({ id: t.user.id }).from(t.user).limit(1);
  return Boolean(row);
}
