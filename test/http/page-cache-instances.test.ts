// The page cache with two server processes on one database, as two instances of a deployment behind a load
// balancer: a save on one renders exactly the pages it touched again, on both, and nothing else; the other instance
// learns of it through the change log. This file owns both servers and their database, so nobody else's saves
// interfere and "still cached" can be asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, max } from 'drizzle-orm';
import * as t from '@db/schema';
import { insertAccount } from '../support/users';
import { startDeployment, type Deployment, signIn } from '../support/instances';
import { uniqueName } from '../support/unique';

let deployment: Deployment;
let one: string;
let two: string;
let cookie: string;
let bodyId: string;

/** GET without cookies, as an anonymous reader. */
async function view(base: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
  return { status: response.status, cache: response.headers.get('x-cache'), etag: response.headers.get('etag'), text: await response.text() };
}

/** Views a page until the cache answers it (the first view renders and stores it). */
async function warm(base: string, path: string): Promise<void> {
  await expect.poll(async () => (await view(base, path)).cache, { interval: 50 }).toBe('HIT');
}

/** Waits until an instance has applied every change logged so far (it polls the log about once a second). */
async function caughtUp(base: string): Promise<void> {
  const [latest] = await deployment.db.select({ id: max(t.contentChange.id) }).from(t.contentChange);
  await expect.poll(async () => ((await (await fetch(`${base}/healthz`)).json()) as { changes: { applied: number } }).changes.applied, { interval: 100 }).toBeGreaterThanOrEqual(latest!.id ?? 0);
}

/** Posts a back-office form to one instance as the signed-in clerk; returns the redirect target. */
async function post(base: string, path: string, action: string, fields: Record<string, string>): Promise<string> {
  const url = new URL(`${base}${path}`);
  url.searchParams.set('_action', action);
  const response = await fetch(url, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: cookie }, body: new URLSearchParams(fields) });
  expect(response.status, `${action}: ${(await response.text()).match(/class="(?:error|alert)[^"]*"[^>]*>[^<]*/g)?.join(' ') ?? ''}`).toBe(303);
  return response.headers.get('location') ?? '';
}

async function createPaper(name: string): Promise<{ id: number; slug: string }> {
  const location = await post(one, '/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-11-02', name, intent: 'publish' });
  const id = Number(location.match(/vorlagen\/(\d+)/)![1]);
  const [row] = await deployment.db.select({ slug: t.paper.slug, publishedAt: t.paper.publishedAt }).from(t.paper).where(eq(t.paper.id, id));
  expect(row!.publishedAt, 'published at once').not.toBeNull();
  return { id, slug: row!.slug };
}

beforeAll(async () => {
  deployment = await startDeployment('page-cache', 2);
  [one, two] = deployment.instances.map((i) => i.baseUrl) as [string, string];
  const clerk = await insertAccount(deployment.db, { email: 'cache-klerk@example.org', name: 'Karla Cache', role: 'clerk', password: 'Cache-Test-Passwort-1' });
  cookie = await signIn(one, clerk);
  const [body] = await deployment.db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
  bodyId = String(body!.id);
});

afterAll(async () => {
  await deployment?.stop();
  expect(deployment ? deployment.errors() : []).toEqual([]);
});

describe('two instances on one database', () => {
  it('a paper saved on one instance is fresh on both at once or within the poll, and unrelated pages stay cached', async () => {
    const first = await createPaper(uniqueName('Antrag Cachebrücke'));
    const other = await createPaper(uniqueName('Antrag Nachbarpapier'));
    const touched = [`/vorlagen/${first.slug}`, `/vorlagen?q=${encodeURIComponent('Cachebrücke')}`, `/feeds/vorlagen.atom?vorlage=${first.slug}`, '/'];
    const untouched = `/vorlagen/${other.slug}`;
    // Both instances first apply the creations, so that nothing but the save below drops what is warmed now.
    await caughtUp(one);
    await caughtUp(two);
    for (const base of [one, two]) for (const path of [...touched, untouched]) await warm(base, path);

    const renamed = uniqueName('Antrag Cachebrücke umbenannt');
    const [{ version }] = await deployment.db.select({ version: t.paper.version }).from(t.paper).where(eq(t.paper.id, first.id)) as [{ version: number }];
    await post(one, `/verwaltung/vorlagen/${first.id}`, 'papers.save', { id: String(first.id), version: String(version), bodyId, paperType: 'antrag', date: '2026-11-02', name: renamed, intent: 'publish' });

    // The saving instance dropped the pages before it answered the save.
    for (const path of touched) {
      const page = await view(one, path);
      expect(page.cache, `${path} on the saving instance`).toBe('MISS');
      expect(page.text, path).toContain(renamed);
    }
    // The other instance learns of it from the change log (until then it may serve what it had: at most a poll).
    await caughtUp(two);
    for (const path of touched) { const v = await view(two, path); expect(v.text, `${path} on the other instance (${v.cache})`).toContain(renamed); }
    // Exactly those: the neighbour's page is still answered from the cache on both.
    expect((await view(one, untouched)).cache).toBe('HIT');
    expect((await view(two, untouched)).cache).toBe('HIT');
  });

  it('a status change of a demand, saved on the second instance, renews the tracker and the paper page on the first', async () => {
    const paper = await createPaper(uniqueName('Antrag Sachstandsbrücke'));
    const other = await createPaper(uniqueName('Antrag ohne Forderung'));
    await post(one, `/verwaltung/vorlagen/${paper.id}`, 'demands.save', { paperId: String(paper.id), title: 'Eine Brücke über den Cache', textMd: 'Die Verwaltung möge eine Brücke bauen.' });
    const [demand] = await deployment.db.select({ id: t.demand.id, version: t.demand.version }).from(t.demand).where(eq(t.demand.paperId, paper.id));
    const tracker = '/forderungen?status=in_beratung';
    await caughtUp(one);
    for (const path of [tracker, `/vorlagen/${paper.slug}`, `/forderungen/${demand!.id}`, `/vorlagen/${other.slug}`]) await warm(one, path);
    const trackerBefore = await view(one, tracker);
    expect(trackerBefore.text).not.toContain(`/forderungen/${demand!.id}"`);

    await post(two, `/verwaltung/forderungen/${demand!.id}`, 'followUps.add', { demandId: String(demand!.id), demandVersion: String(demand!.version), date: '2026-11-20', kind: 'reply', textMd: 'Der Ausschuss berät die Brücke.', statusAfter: 'in_beratung', publish: 'on' });

    await caughtUp(one);
    expect((await view(one, tracker)).text).toContain(`/forderungen/${demand!.id}"`);
    expect((await view(one, `/forderungen/${demand!.id}`)).text).toContain('Der Ausschuss berät die Brücke.');
    expect((await view(one, `/vorlagen/${paper.slug}`)).text).toContain('In Beratung');
    expect((await view(one, `/vorlagen/${other.slug}`)).cache).toBe('HIT');
  });

  it('answers a reader who has the page with 304 and no body, on either instance', async () => {
    const paper = await createPaper(uniqueName('Antrag Validierung'));
    const path = `/vorlagen/${paper.slug}`;
    await warm(one, path);
    const { etag, text } = await view(one, path);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    for (const base of [one, two]) {
      const again = await fetch(`${base}${path}`, { headers: { 'If-None-Match': etag! } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    // The same bytes on the other instance: the validator is the content's, not the process's.
    expect((await view(two, path)).text).toBe(text);
  });
});
