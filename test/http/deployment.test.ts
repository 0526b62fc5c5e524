// A deployment as README.md describes it: two server processes on one database and one DATA_DIR, behind Debian's
// nginx with TLS (deploy/nginx/ratsfaden.conf), PUBLIC_URL the proxy's https address. Forms work through the proxy,
// the session and the login throttle hold on both instances, a save on one is seen on the other's pages, tracker
// and search within ten seconds, an upload on one downloads from the other, and migrations run once when two
// instances start together. This file owns its servers, its proxy and their data.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { buildAll } from '@/lib/server/search/indexer';
import { insertAccount, type TestAccount } from '../support/users';
import { startDeployment, type Deployment } from '../support/instances';
import { startProxy, type Proxy } from '../support/nginx';
import { freePort } from '../support/ports';
import { fileUrl, projectRoot, tmpDir } from '../support/paths';
import { makePdf } from '../support/pdf';
import { uniqueName } from '../support/unique';

/** What the issue promises: another instance shows a save within ten seconds. */
const SEEN_WITHIN_MS = 10_000;

let deployment: Deployment;
let proxy: Proxy;
let one: string;
let two: string;
let clerk: TestAccount;
let cookie: string;
let bodyId: string;

const form = (fields: Record<string, string>) => ({ 'Content-Type': 'application/x-www-form-urlencoded', Origin: proxy.publicUrl, ...fields });

/** Signs in through the proxy; returns the answer. */
function loginThroughProxy(email: string, password: string) {
  return proxy.request('/verwaltung/anmelden?_action=auth.login', { method: 'POST', headers: form({}), body: new URLSearchParams({ email, password, next: '/verwaltung' }).toString() });
}

/** Posts a back-office form to one instance directly, as the signed-in clerk (the browser's origin is the proxy's). */
async function post(base: string, target: string, action: string, fields: Record<string, string>): Promise<string> {
  const url = new URL(`${base}${target}`);
  url.searchParams.set('_action', action);
  const response = await fetch(url, { method: 'POST', redirect: 'manual', headers: form({ Cookie: cookie }), body: new URLSearchParams(fields) });
  expect(response.status, action).toBe(303);
  return response.headers.get('location') ?? '';
}

beforeAll(async () => {
  const port = await freePort();
  const httpPort = await freePort();
  deployment = await startDeployment('nginx', 2, { PUBLIC_URL: `https://127.0.0.1:${port}`, TRUST_PROXY: '1' });
  [one, two] = deployment.instances.map((i) => i.baseUrl) as [string, string];
  await buildAll(deployment.db.$client, { dir: path.join(deployment.dataDir, 'search') });
  proxy = await startProxy('deployment', port, httpPort, [one, two]);
  clerk = await insertAccount(deployment.db, { email: 'proxy-klerk@example.org', name: 'Paula Proxy', role: 'clerk', password: 'Proxy-Test-Passwort-1' });
  const [body] = await deployment.db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
  bodyId = String(body!.id);
});

afterAll(async () => {
  await proxy?.stop();
  await deployment?.stop();
  expect(deployment ? deployment.errors() : []).toEqual([]);
});

describe('two instances behind nginx with TLS', () => {
  it('takes a clerk’s login posted through the proxy: the session cookie is Secure, pages carry HSTS', async () => {
    const answer = await loginThroughProxy(clerk.email, clerk.password);
    expect(answer.status).toBe(303);
    const set = ([] as string[]).concat(answer.headers['set-cookie'] ?? []).find((c) => c.startsWith('ratsfaden_sitzung='));
    expect(set).toMatch(/;\s*Secure/i);
    cookie = set!.split(';')[0]!;
    const page = await proxy.request('/vorlagen');
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('knows the session on both instances', async () => {
    for (const base of [one, two]) {
      const page = await fetch(`${base}/verwaltung`, { headers: { Cookie: cookie }, redirect: 'manual' });
      expect(page.status, base).toBe(200);
      expect(await page.text(), base).toContain('Paula Proxy');
    }
  });

  it('builds absolute URLs from the public address, whatever reached the instance', async () => {
    const feed = await proxy.request('/feeds/vorlagen.atom');
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`${proxy.publicUrl}/vorlagen/`);
    expect(feed.text).not.toContain(one);
    expect(feed.text).not.toContain(two);
  });

  it('shows a save made on one instance on the other’s paper page, tracker and search within ten seconds', async () => {
    const word = `Proxyprobe${Date.now().toString(36)}`;
    const name = uniqueName(`Antrag ${word}`);
    const location = await post(one, '/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-11-05', name, intent: 'publish' });
    const paperId = Number(location.match(/vorlagen\/(\d+)/)![1]);
    await post(one, `/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId: String(paperId), title: `Forderung ${word}`, textMd: 'Die Verwaltung möge berichten.' });
    const [paper] = await deployment.db.select({ slug: t.paper.slug }).from(t.paper).where(eq(t.paper.id, paperId));
    const [demand] = await deployment.db.select({ id: t.demand.id }).from(t.demand).where(eq(t.demand.paperId, paperId));
    const text = async (target: string) => (await fetch(`${two}${target}`)).text();
    await expect.poll(() => text(`/vorlagen/${paper!.slug}`), { interval: 200, timeout: SEEN_WITHIN_MS }).toContain(`Forderung ${word}`);
    await expect.poll(() => text('/forderungen'), { interval: 200, timeout: SEEN_WITHIN_MS }).toContain(`/forderungen/${demand!.id}"`);
    await expect.poll(() => text(`/suche?q=${word}`), { interval: 200, timeout: SEEN_WITHIN_MS }).toContain(name);
  });

  it('serves an attachment uploaded on one instance from the other (both use DATA_DIR/files)', async () => {
    const location = await post(one, '/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'mitteilungsvorlage', date: '2026-11-05', name: uniqueName('Vorlage mit geteilter Anlage'), intent: 'save' });
    const paperId = Number(location.match(/vorlagen\/(\d+)/)![1]);
    const bytes = makePdf('Anlage auf gemeinsamem Speicher');
    const upload = new FormData();
    upload.set('paperId', String(paperId));
    upload.set('name', 'Gemeinsame Anlage');
    upload.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'gemeinsam.pdf');
    const uploaded = await fetch(`${one}/verwaltung/vorlagen/${paperId}?_action=files.upload`, { method: 'POST', redirect: 'manual', headers: { Origin: proxy.publicUrl, Cookie: cookie }, body: upload });
    expect(uploaded.status).toBe(303);
    const [file] = await deployment.db.select({ id: t.file.id }).from(t.file).where(eq(t.file.paperId, paperId));
    const download = await fetch(`${two}/verwaltung/dateien/${file!.id}`, { headers: { Cookie: cookie } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.from(bytes));
  });

  it('counts failed logins on both instances together: the sixth attempt is refused, on either', async () => {
    const target = await insertAccount(deployment.db, { email: 'proxy-ziel@example.org', name: 'Zora Ziel', role: 'clerk', password: 'Ziel-Test-Passwort-1' });
    for (let i = 0; i < 5; i++) {
      const base = i % 2 ? two : one;
      const answer = await fetch(`${base}/verwaltung/anmelden?_action=auth.login`, { method: 'POST', redirect: 'manual', headers: form({}), body: new URLSearchParams({ email: target.email, password: `falsch-${i}-Passwort`, next: '/verwaltung' }) });
      expect(await answer.text()).toContain('E-Mail-Adresse oder Passwort ist nicht korrekt.');
    }
    const right = await loginThroughProxy(target.email, target.password);
    expect(right.status).not.toBe(303);
    expect(right.text).toContain('Zu viele fehlgeschlagene Anmeldeversuche.');
  });

  it('sends plain http readers to the https address', async () => {
    const plain = await fetch(`${proxy.httpUrl}/vorlagen?jahr=2014`, { redirect: 'manual' });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toBe(`${proxy.publicUrl}/vorlagen?jahr=2014`);
  });
});

describe('starting two instances at once on a new database', () => {
  it('migrates it once: both starts succeed and every migration is recorded once', async () => {
    const dir = path.join(tmpDir, 'deployment-migrate-twice');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const url = fileUrl(path.join(dir, 'ratsfaden.db'));
    const migrate = () => new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli/migrate.ts')], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: url, DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });
    const results = await Promise.all([migrate(), migrate()]);
    for (const result of results) expect(result.code, result.output).toBe(0);
    const journal = JSON.parse(fs.readFileSync(path.join(projectRoot, 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const { openDatabase } = await import('@/lib/server/db');
    const db = openDatabase(url);
    try {
      expect(Number((await db.$client.execute('SELECT count(*) FROM __drizzle_migrations')).rows[0]?.[0])).toBe(journal.entries.length);
    } finally {
      db.$client.close();
    }
  });
});
