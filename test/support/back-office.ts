// For http tests: log in as a test account and post back-office forms the way a browser without JavaScript does.
import { inject } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { openServerDatabase, serverUrl } from './base-url';
import { testUsers } from './users';

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

/** Logs in as one of the test accounts and returns the Cookie header value. */
export async function loginAs(role: keyof typeof testUsers): Promise<string> {
  const user = testUsers[role];
  const response = await postForm('/verwaltung/anmelden', 'auth.login', { email: user.email, password: user.password, next: '/verwaltung' });
  const cookie = sessionCookieFrom(response);
  if (response.status !== 303 || !cookie) throw new Error(`Anmeldung als ${role} fehlgeschlagen: HTTP ${response.status}`);
  return cookie;
}

/** GETs a page with an optional cookie, without following redirects. */
export async function getPage(path: string, cookie?: string): Promise<{ status: number; html: string; location: string | null }> {
  const response = await fetch(serverUrl(path), { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
  return { status: response.status, html: await response.text(), location: response.headers.get('location') };
}

/**
 * What a back-office test file works with: the server's database (close it after all tests), a clerk's session
 * cookie and the id of the body it edits, as a form field value.
 */
export async function clerkSetup(bodySlug: string): Promise<{ db: Database; cookie: string; bodyId: string }> {
  const db = openServerDatabase();
  const cookie = await loginAs('clerk');
  const [body] = await db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, bodySlug));
  if (!body) throw new Error(`Die Körperschaft ${bodySlug} fehlt in der Testdatenbank.`);
  return { db, cookie, bodyId: String(body.id) };
}
