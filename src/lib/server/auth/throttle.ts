// Login throttling per account (e-mail address) and per client address, from the login_attempt table.
// The check and the count are one step: an attempt is reserved by a single INSERT … SELECT that writes its row only
// while the counts are below the limits, before the password is checked. SQLite (embedded or on a libsql server)
// runs such a statement under the database's write lock, so however many requests and server processes try at
// once, no more than the limit of attempts get past it: there is no moment between "counted" and "recorded".
import { lt, sql } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { addressBlock } from '@/lib/server/client-address';

/** Window in which failed attempts are counted. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts per account within the window before logins for it are refused. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts per client address within the window before logins from it are refused. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/** The German message shown while a login is throttled. */
export const THROTTLED_MESSAGE = 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.';

/**
 * Reserves one login attempt for this account and client address, or refuses it (null) while either has used up
 * its attempts in the window. The row is written as a failure and counts from this moment, while the password is
 * still being checked; `markLoginSucceeded` turns it into a success. Failures count for the account only after its
 * last success (a successful login clears the account's counter); for the address they all count, an IPv6
 * address's by its /64 network (addressBlock).
 */
export async function reserveLoginAttempt(email: string, address: string, now = new Date()): Promise<number | null> {
  const clientAddress = addressBlock(address);
  const at = now.toISOString();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const rows = await getDb().all<{ id: number }>(sql`
    INSERT INTO login_attempt (email, client_address, at, success)
    SELECT ${email}, ${clientAddress}, ${at}, 0
    WHERE (
        SELECT count(*) FROM login_attempt AS failed
        WHERE failed.email = ${email} AND failed.success = 0 AND failed.at > ${since}
          AND failed.id > (SELECT coalesce(max(ok.id), 0) FROM login_attempt AS ok WHERE ok.email = ${email} AND ok.success = 1 AND ok.at > ${since})
      ) < ${MAX_FAILURES_PER_ACCOUNT}
      AND (
        SELECT count(*) FROM login_attempt AS failed
        WHERE failed.client_address = ${clientAddress} AND failed.success = 0 AND failed.at > ${since}
      ) < ${MAX_FAILURES_PER_ADDRESS}
    RETURNING id`);
  return rows[0]?.id ?? null;
}

/** Records that a reserved attempt had the right password: it no longer counts, and clears the account's counter. */
export async function markLoginSucceeded(attemptId: number): Promise<void> {
  await getDb().run(sql`UPDATE login_attempt SET success = 1 WHERE id = ${attemptId}`);
}

/** Records one finished login attempt as it was (tests arrange a history with it; logins reserve theirs). */
export async function recordLoginAttempt(email: string, address: string, success: boolean, now = new Date()): Promise<void> {
  await getDb().insert(t.loginAttempt).values({ email, clientAddress: addressBlock(address), success, at: now.toISOString() });
}

/** Deletes attempts too old to count for throttling (kept one day for the record). */
export async function pruneLoginAttempts(now = new Date()): Promise<void> {
  await getDb().delete(t.loginAttempt).where(lt(t.loginAttempt.at, new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString()));
}
