// Login throttling per account (e-mail address) and per client address, from the login_attempt table.
import { and, count, desc, eq, gt, lt } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';

/** Window in which failed attempts are counted. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts per account within the window before logins for it are refused. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts per client address within the window before logins from it are refused. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/** The German message shown while a login is throttled. */
export const THROTTLED_MESSAGE = 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.';

/** True when logins for this e-mail address or from this client address are currently refused. */
export async function isThrottled(email: string, clientAddress: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const db = getDb();
  // A successful login clears the account's counter: only failures after the last success count.
  const [lastSuccess] = await db
    .select({ at: t.loginAttempt.at })
    .from(t.loginAttempt)
    .where(and(eq(t.loginAttempt.email, email), eq(t.loginAttempt.success, true), gt(t.loginAttempt.at, since)))
    .orderBy(desc(t.loginAttempt.at))
    .limit(1);
  const accountSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  const [perAccount] = await db
    .select({ n: count() })
    .from(t.loginAttempt)
    .where(and(eq(t.loginAttempt.email, email), eq(t.loginAttempt.success, false), gt(t.loginAttempt.at, accountSince)));
  if ((perAccount?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT) return true;
  const [perAddress] = await db
    .select({ n: count() })
    .from(t.loginAttempt)
    .where(and(eq(t.loginAttempt.clientAddress, clientAddress), eq(t.loginAttempt.success, false), gt(t.loginAttempt.at, since)));
  return (perAddress?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS;
}

/** Records one login attempt. */
export async function recordLoginAttempt(email: string, clientAddress: string, success: boolean, now = new Date()): Promise<void> {
  await getDb().insert(t.loginAttempt).values({ email, clientAddress, success, at: now.toISOString() });
}

/** Deletes attempts too old to count for throttling (kept one day for the record). */
export async function pruneLoginAttempts(now = new Date()): Promise<void> {
  await getDb().delete(t.loginAttempt).where(lt(t.loginAttempt.at, new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString()));
}
