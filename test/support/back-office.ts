// For http tests: log in with the file's own accounts and post back-office forms the way a browser without
// JavaScript does.
import { inject } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { openServerDatabase, serverUrl } from './base-url';
import { testFileSlug } from './test-file';
import { uniqueEmail } from './unique';
import { insertAccount, type TestAccount } from './users';

type BackOfficeRole = 'admin' | 'clerk';
const accounts = new Map<BackOfficeRole, Promise<TestAccount>>();

/**
 * This test file's own account of `role` on the test server, created on first use (also for e2e files, to fill
 * the login form with). Test files run in parallel on one server: with its own account, no other file can log it
 * out everywhere, lock it by failed logins or change its role meanwhile. Its name says which file it belongs to.
 */
export function accountFor(role: BackOfficeRole): Promise<TestAccount> {
  let account = accounts.get(role);
  if (!account) {
    const slug = testFileSlug();
    const name = `${role === 'admin' ? 'Ada Admin' : 'Karl Klerk'} ${slug}`;
    account = (async () => {
      const db = openServerDatabase();
      try {
        return await insertAccount(db, { email: uniqueEmail(role), name, role, password: `Test-${role}-${slug}-Passwort` });
      } finally {
        db.$client.close();
      }
    })();
    accounts.set(role, account);
  }
  return account;
}

/** Posts a form (urlencoded) to `path?_action=<action>` with the browser's Origin header; never follows redirects. */
export function postForm(path: string, action: string | null, fields: Record<string, string | string[]>, cookie?: string): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  const url = new URL(serverUrl(path));
  if (action) url.searchParams.set('_action', action);
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: inject('baseUrl'), ...(cookie ? { Cookie: cookie } : {}) },
    body,
  });
}

/** The `name=value` part of the session cookie a response sets, or null. */
export function sessionCookieFrom(response: Response): string | null {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('ratsfaden_sitzung='));
  const pair = header?.split(';')[0];
  return pair && pair !== 'ratsfaden_sitzung=' ? pair : null;
}

/** Logs in (a new session each time) with this file's account of that role, or the given one; returns the Cookie header value. */
export async function loginAs(who: BackOfficeRole | TestAccount): Promise<string> {
  const user = typeof who === 'string' ? await accountFor(who) : who;
  const response = await postForm('/verwaltung/anmelden', 'auth.login', { email: user.email, password: user.password, next: '/verwaltung' });
  const cookie = sessionCookieFrom(response);
  if (response.status !== 303 || !cookie) throw new Error(`Anmeldung als ${user.email} fehlgeschlagen: HTTP ${response.status}`);
  return cookie;
}

/** GETs a page with an optional cookie, without following redirects. */
export async function getPage(path: string, cookie?: string): Promise<{ status: number; html: string; location: string | null }> {
  const response = await fetch(serverUrl(path), { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
  return { status: response.status, html: await response.text(), location: response.headers.get('location') };
}

/**
 * What a back-office test file works with: the server's database (close it after all tests), the session cookie
 * of the file's own clerk (accountFor('clerk'), also returned) and the id of the body it edits, as a form field value.
 */
export async function clerkSetup(bodySlug: string): Promise<{ db: Database; cookie: string; bodyId: string; clerk: TestAccount }> {
  const db = openServerDatabase();
  const clerk = await accountFor('clerk');
  const cookie = await loginAs(clerk);
  const [body] = await db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, bodySlug));
  if (!body) throw new Error(`Die Körperschaft ${bodySlug} fehlt in der Testdatenbank.`);
  return { db, cookie, bodyId: String(body.id), clerk };
}

/**
 * The page of the change log (/verwaltung/protokoll) that lists an entry containing `text`, or null. Walks the pages
 * from the newest, so an entry that other files' saves push further back meanwhile is still found.
 */
export async function findInAuditLog(text: string, cookie: string): Promise<string | null> {
  for (let page = 1; ; page++) {
    const { status, html } = await getPage(`/verwaltung/protokoll?seite=${page}`, cookie);
    if (status !== 200) throw new Error(`/verwaltung/protokoll?seite=${page} antwortet mit HTTP ${status}.`);
    if (html.includes(text)) return html;
    // Page numbers are written the German way ("Seite 1.024 von 1.200").
    const last = html.match(/Seite ([\d.]+) von ([\d.]+)/);
    const number = (text: string) => Number(text.replaceAll('.', ''));
    if (!last || number(last[1]!) >= number(last[2]!)) return null;
  }
}
