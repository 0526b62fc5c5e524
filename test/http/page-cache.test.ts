// The page cache on the shared test server, as readers and clerks meet it: public pages are answered from the cache
// with validators a proxy can use; the back office, signed-in users and drafts never are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { clerkSetup, postForm } from '../support/back-office';
import { serverUrl } from '../support/base-url';
import { uniqueName } from '../support/unique';
import type { TestAccount } from '../support/users';

let db: Database;
let cookie: string;
let bodyId: string;
let clerk: TestAccount;

beforeAll(async () => {
  ({ db, cookie, bodyId, clerk } = await clerkSetup('landkreis-grafschaft-bentheim'));
});
afterAll(() => db?.$client.close());

async function view(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(serverUrl(path), { headers, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Views a page until the cache answers it (other files' saves of names may drop it meanwhile). */
async function warm(path: string): Promise<void> {
  await expect.poll(async () => (await view(path)).headers.get('x-cache'), { interval: 50 }).toBe('HIT');
}

async function savePaper(fields: Record<string, string>, id?: number): Promise<number> {
  const response = await postForm(id ? `/verwaltung/vorlagen/${id}` : '/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-11-03', intent: 'save', ...fields, ...(id ? { id: String(id) } : {}) }, cookie);
  expect(response.status).toBe(303);
  return id ?? Number(response.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
}

async function paperRow(id: number) {
  const [row] = await db.select({ slug: t.paper.slug, version: t.paper.version }).from(t.paper).where(eq(t.paper.id, id));
  return row!;
}

describe('public pages', () => {
  it('are shareable by proxies, revalidated by every reader, and answered with 304 when unchanged', async () => {
    const id = await savePaper({ name: uniqueName('Antrag Zwischenspeicher'), intent: 'publish' });
    const path = `/vorlagen/${(await paperRow(id)).slug}`;
    const first = await view(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(first.headers.get('vary')).toContain('Cookie');
    await warm(path);
    const cached = await view(path, { 'Accept-Encoding': 'identity' });
    expect(cached.text).toBe(first.text);
    const etag = cached.headers.get('etag')!;
    const revalidated = await fetch(serverUrl(path), { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    const head = await fetch(serverUrl(path), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('are rendered afresh for a signed-in clerk, with their session, and that page is never given to readers', async () => {
    const id = await savePaper({ name: uniqueName('Antrag Sitzungsleiste'), intent: 'publish' });
    const path = `/vorlagen/${(await paperRow(id)).slug}`;
    await warm(path);
    const signedIn = await view(path, { Cookie: cookie });
    expect(signedIn.headers.get('x-cache')).toBeNull();
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(signedIn.text).toContain(`Angemeldet als ${clerk.name}`);
    expect(signedIn.text).toContain(`href="/verwaltung/vorlagen/${id}"`);
    const anonymous = await view(path);
    expect(anonymous.text).not.toContain('Angemeldet als');
    expect(anonymous.text).not.toContain('Diese Seite bearbeiten');
  });
});

describe('what is never cached', () => {
  it('back-office pages: private, never from the cache', async () => {
    for (let i = 0; i < 2; i++) {
      const page = await view('/verwaltung/vorlagen', { Cookie: cookie });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('private, no-store');
      expect(page.headers.get('x-cache')).toBeNull();
    }
    // Without a session the back office sends readers to the login, not to a cached copy of a clerk's page.
    const anonymous = await view('/verwaltung/vorlagen');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/verwaltung/anmelden');
    expect(anonymous.headers.get('x-cache')).toBeNull();
  });

  it('drafts: a draft is not found, published it is, unpublished again it is gone at once', async () => {
    const name = uniqueName('Entwurf Zwischenspeicher');
    const id = await savePaper({ name });
    const path = `/vorlagen/${(await paperRow(id)).slug}`;
    const listPath = `/vorlagen?q=${encodeURIComponent(name)}`;
    for (let i = 0; i < 2; i++) {
      const draft = await view(path);
      expect(draft.status).toBe(404);
      expect(draft.headers.get('x-cache')).toBeNull();
      expect((await view(listPath)).text).not.toContain(path);
    }
    // The clerk's own view of the draft (their preview in the back office) is not stored either.
    expect((await view(`/verwaltung/vorlagen/${id}`, { Cookie: cookie })).headers.get('x-cache')).toBeNull();
    await savePaper({ name, version: String((await paperRow(id)).version), intent: 'publish' }, id);
    await warm(path);
    await warm(listPath);
    expect((await view(listPath)).text).toContain(path);
    await savePaper({ name, version: String((await paperRow(id)).version), intent: 'unpublish' }, id);
    expect((await view(path)).status).toBe(404);
    expect((await view(listPath)).text).not.toContain(path);
  });
});
