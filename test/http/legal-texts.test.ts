// Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit: admins edit them per body in the back office
// (revisioned, conflicts refused), every public page links to them, the seed's texts are marked as placeholders;
// robots.txt, security.txt and the sitemap with absolute URLs from PUBLIC_URL.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { openServerDatabase } from '../support/base-url';
import { accountFor, findInAuditLog, getPage, loginAs, postForm } from '../support/back-office';
import { startDeployment, type Deployment } from '../support/instances';
import { insertAccount } from '../support/users';
import { uniqueName, uniqueToken } from '../support/unique';

const PLACEHOLDER = 'Platzhalter: Dieser Text muss von der Körperschaft ersetzt werden.';

let db: Database;
let admin: string;
let clerk: string;
let bodyId: string;
let bodySlug: string;
const baseUrl = () => inject('baseUrl');

/** The section of one body on a legal page, from its heading to the next body's (or the end of main). */
function sectionOf(html: string, slug: string): string {
  const start = html.indexOf(`<section aria-labelledby="koerperschaft-${slug}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</section>', start));
}

/** The stored text of our body of `kind`. */
async function stored(kind: 'impressum' | 'datenschutz' | 'barrierefreiheit') {
  const [row] = await db.select().from(t.legalText).where(and(eq(t.legalText.bodyId, Number(bodyId)), eq(t.legalText.kind, kind)));
  return row ?? null;
}

beforeAll(async () => {
  db = openServerDatabase();
  admin = await loginAs('admin');
  clerk = await loginAs('clerk');
  // The file's own body, so that its texts are edited by no other file (and no seed text changes).
  const created = await postForm('/verwaltung/stammdaten/koerperschaften/neu', 'masterData.save', { masterKind: 'koerperschaften', name: uniqueName('Landkreis Rechtstexte'), intent: 'publish' }, admin);
  expect(created.status).toBe(303);
  bodyId = created.headers.get('location')!.match(/\/(\d+)\?/)![1]!;
  const [body] = await db.select().from(t.body).where(eq(t.body.id, Number(bodyId)));
  bodySlug = body!.slug;
});
afterAll(() => db?.$client.close());

describe('legal texts in the back office', () => {
  it('lets an admin write an Impressum that the public page then shows, rendered and sanitized, with a revision', async () => {
    const token = uniqueToken();
    const editor = await getPage(`/verwaltung/rechtstexte/${bodyId}/impressum`, admin);
    expect(editor.status).toBe(200);
    expect(editor.html).toContain('name="version" value="0"');
    const saved = await postForm(`/verwaltung/rechtstexte/${bodyId}/impressum`, 'legalTexts.save', {
      kind: 'impressum', bodyId, version: '0', textMd: `## Herausgeber\n\nKreishaus ${token}, **Musterstraße 1**\n\n<script>alert(1)</script>`,
    }, admin);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/verwaltung/rechtstexte/${bodyId}/impressum?hinweis=gespeichert`);

    const page = await getPage('/impressum');
    expect(page.status).toBe(200);
    const section = sectionOf(page.html, bodySlug);
    expect(section).toContain(`<h3>Herausgeber</h3>`);
    expect(section).toContain(`Kreishaus ${token}, <strong>Musterstraße 1</strong>`);
    expect(section).not.toContain('<script>');
    expect(section).not.toContain(PLACEHOLDER);

    const row = await stored('impressum');
    const { id: adminId } = await accountFor('admin');
    const revisions = await db.select().from(t.revision).where(and(eq(t.revision.tableName, 'legal_text'), eq(t.revision.rowId, row!.id)));
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, action: 'create', userId: adminId });
    expect((revisions[0]!.snapshot as { textMd: string }).textMd).toContain(`Kreishaus ${token}`);
    const history = await getPage(`/verwaltung/verlauf/legal_text/${row!.id}`, admin);
    expect(history.status).toBe(200);
    expect(history.html).toContain('Impressum der Körperschaft');
    // Signed in, an admin is offered the editor from the public page.
    expect((await getPage('/impressum', admin)).html).toContain('<a href="/verwaltung/rechtstexte">Diese Seite bearbeiten</a>');
    const log = await findInAuditLog(`Rechtstext: Impressum der Körperschaft „${(await db.select().from(t.body).where(eq(t.body.id, Number(bodyId))))[0]!.name}“`, admin);
    expect(log).not.toBeNull();
  });

  it('answers forged or unknown forms with a German 4xx', async () => {
    const forged = await postForm(`/verwaltung/rechtstexte/${bodyId}/impressum`, 'legalTexts.save', { kind: 'agb', bodyId, version: '0', textMd: 'x' }, admin);
    expect(forged.status).toBe(422);
    expect(await forged.text()).toContain('Das Formular ist unvollständig oder veraltet.');
    const empty = await postForm(`/verwaltung/rechtstexte/${bodyId}/impressum`, 'legalTexts.save', { kind: 'impressum', bodyId, version: '0', textMd: '   ' }, admin);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Bitte geben Sie den Text an.');
    expect((await getPage('/verwaltung/rechtstexte/999999999/impressum', admin)).status).toBe(404);
    expect((await getPage(`/verwaltung/rechtstexte/${bodyId}/agb`, admin)).status).toBe(404);
    expect((await getPage('/verwaltung/rechtstexte', admin)).status).toBe(200);
  });

  it('links the three texts from the footer of public pages', async () => {
    for (const path of ['/', '/vorlagen', '/impressum']) {
      const { html } = await getPage(path);
      expect(html, path).toMatch(/<footer[\s\S]*<a href="\/impressum"[^>]*>Impressum<\/a>[\s\S]*<a href="\/datenschutz"[^>]*>Datenschutzerklärung<\/a>[\s\S]*<a href="\/barrierefreiheit"[^>]*>Erklärung zur Barrierefreiheit<\/a>[\s\S]*<\/footer>/);
    }
  });

  it('refuses clerks: the editor answers 403 and a post changes nothing', async () => {
    const before = await stored('impressum');
    expect((await getPage(`/verwaltung/rechtstexte/${bodyId}/impressum`, clerk)).status).toBe(403);
    expect((await getPage('/verwaltung/rechtstexte', clerk)).status).toBe(403);
    expect((await getPage('/impressum', clerk)).html).not.toContain('Diese Seite bearbeiten');
    const fields = { kind: 'impressum', bodyId, version: String(before!.version), textMd: 'Von einem Sachbearbeiter' };
    const form = await postForm(`/verwaltung/rechtstexte/${bodyId}/impressum`, 'legalTexts.save', fields, clerk);
    expect(form.status).toBe(403);
    const rpc = await postForm('/_actions/legalTexts.save', null, fields, clerk);
    expect(rpc.status).toBe(403);
    // Nor through the history: restoring a version is for admins too.
    const restore = await postForm('/_actions/records.restore', null, { table: 'legal_text', id: String(before!.id), version: String(before!.version), fromVersion: '1' }, clerk);
    expect(restore.status).toBe(403);
    expect(await stored('impressum')).toEqual(before);
  });

  it('refuses a save based on a version someone else changed, in German, keeping what was typed', async () => {
    const start = await postForm(`/verwaltung/rechtstexte/${bodyId}/datenschutz`, 'legalTexts.save', { kind: 'datenschutz', bodyId, version: '0', textMd: 'Erste Fassung' }, admin);
    expect(start.status).toBe(303);
    const loaded = (await stored('datenschutz'))!.version;
    const first = await postForm(`/verwaltung/rechtstexte/${bodyId}/datenschutz`, 'legalTexts.save', { kind: 'datenschutz', bodyId, version: String(loaded), textMd: 'Fassung aus dem ersten Fenster' }, admin);
    expect(first.status).toBe(303);
    const second = await postForm(`/verwaltung/rechtstexte/${bodyId}/datenschutz`, 'legalTexts.save', { kind: 'datenschutz', bodyId, version: String(loaded), textMd: 'Fassung aus dem zweiten Fenster' }, admin);
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('„Text (Markdown)“ ebenfalls geändert. Bitte vergleichen Sie beide Fassungen.');
    expect(html).toMatch(/<textarea id="feld-textMd"[^>]*>Fassung aus dem zweiten Fenster<\/textarea>/);
    expect((await stored('datenschutz'))!.textMd).toBe('Fassung aus dem ersten Fenster');
    // A text created meanwhile in another window is not overwritten by a form loaded before it existed.
    const stale = await postForm(`/verwaltung/rechtstexte/${bodyId}/datenschutz`, 'legalTexts.save', { kind: 'datenschutz', bodyId, version: '0', textMd: 'Aus einem alten Formular' }, admin);
    expect(stale.status).toBe(409);
    expect((await stored('datenschutz'))!.textMd).toBe('Fassung aus dem ersten Fenster');
  });

  it('asks for the parts of an accessibility statement the law names, and shows them on the page', async () => {
    const path = `/verwaltung/rechtstexte/${bodyId}/barrierefreiheit`;
    const missing = await postForm(path, 'legalTexts.save', { kind: 'barrierefreiheit', bodyId, version: '0', textMd: 'Eingescannte Anlagen sind nicht barrierefrei.', conformance: 'teilweise' }, admin);
    expect(missing.status).toBe(422);
    const refused = await missing.text();
    expect(refused).toContain('Bitte geben Sie die E-Mail-Adresse für Rückmeldungen zur Barrierefreiheit an.');
    expect(refused).toContain('Bitte geben Sie das Schlichtungsverfahren an.');
    expect(refused).toMatch(/<textarea id="feld-textMd"[^>]*>Eingescannte Anlagen sind nicht barrierefrei.<\/textarea>/);
    const saved = await postForm(path, 'legalTexts.save', {
      kind: 'barrierefreiheit', bodyId, version: '0', textMd: 'Eingescannte Anlagen sind nicht barrierefrei.', conformance: 'teilweise',
      preparedOn: '2026-03-01', feedbackEmail: 'barrierefrei@kreis.example', feedbackPhone: '05921 96-0', enforcementMd: 'Die Schlichtungsstelle des Landes.',
    }, admin);
    expect(saved.status).toBe(303);
    const section = sectionOf((await getPage('/barrierefreiheit')).html, bodySlug);
    expect(section).toContain('teilweise mit den Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vereinbar');
    expect(section).toContain('Eingescannte Anlagen sind nicht barrierefrei.');
    expect(section).toContain('am 01.03.2026 erstellt');
    expect(section).toContain('<a href="mailto:barrierefrei@kreis.example">barrierefrei@kreis.example</a>');
    expect(section).toContain('Telefon: 05921 96-0');
    expect(section).toMatch(/<h3>Schlichtungsverfahren<\/h3><p>Die Schlichtungsstelle des Landes.<\/p>/);
  });

  it('shows the seed bodies\' texts marked as placeholders', async () => {
    for (const path of ['/impressum', '/datenschutz', '/barrierefreiheit']) {
      const section = sectionOf((await getPage(path)).html, 'landkreis-grafschaft-bentheim');
      expect(section, path).toContain(`<p class="notice" role="note"><strong>${PLACEHOLDER}</strong></p>`);
    }
    const { html } = await getPage('/barrierefreiheit');
    expect(sectionOf(html, 'staedteregion-aachen')).toContain('mailto:barrierefreiheit@staedteregion-aachen.example');
  });
});

describe('robots.txt, security.txt and the sitemap', () => {
  it('serves robots.txt that keeps crawlers out of the back office and names the sitemap', async () => {
    const response = await fetch(`${baseUrl()}/robots.txt`);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('User-agent: *\nAllow: /\nDisallow: /verwaltung\nDisallow: /_actions\nDisallow: /suche?\n');
    expect(text).toContain(`\nSitemap: ${baseUrl()}/sitemap.xml\n`);
  });

  it('serves security.txt with the fields RFC 9116 asks for', async () => {
    const text = await (await fetch(`${baseUrl()}/.well-known/security.txt`)).text();
    expect(text).toContain(`Contact: ${baseUrl()}/impressum\n`);
    expect(text).toContain('Preferred-Languages: de, en\n');
    expect(text).toContain(`Canonical: ${baseUrl()}/.well-known/security.txt\n`);
    const expires = new Date(text.match(/^Expires: (\S+)$/m)![1]!);
    expect(expires.getTime()).toBeGreaterThan(Date.now());
    expect(expires.getTime()).toBeLessThan(Date.now() + 365 * 86_400_000);
  });

  it('lists a published paper in the sitemap and not a draft, with absolute URLs', async () => {
    const paper = (name: string, intent: string) => postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-11-02', name, intent }, admin);
    expect((await paper(uniqueName('Antrag Sitemap öffentlich'), 'publish')).status).toBe(303);
    expect((await paper(uniqueName('Antrag Sitemap Entwurf'), 'save')).status).toBe(303);
    const [published] = await db.select().from(t.paper).where(and(eq(t.paper.bodyId, Number(bodyId)), eq(t.paper.paperType, 'antrag'))).orderBy(t.paper.id).limit(1);
    const rows = await db.select().from(t.paper).where(eq(t.paper.bodyId, Number(bodyId)));
    const draft = rows.find((r) => r.publishedAt === null)!;
    expect(published!.publishedAt).not.toBeNull();

    const index = await fetch(`${baseUrl()}/sitemap.xml`);
    expect(index.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const indexXml = await index.text();
    expect(indexXml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const pages = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(pages).toContain(`${baseUrl()}/sitemaps/seiten.xml`);
    const listed: string[] = [];
    for (const page of pages) {
      expect(page.startsWith(`${baseUrl()}/sitemaps/`), page).toBe(true);
      const xml = await (await fetch(page)).text();
      listed.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    expect(listed).toContain(`${baseUrl()}/vorlagen/${published!.slug}`);
    expect(listed).not.toContain(`${baseUrl()}/vorlagen/${draft.slug}`);
    expect(listed).toContain(`${baseUrl()}/impressum`);
    expect(listed.every((loc) => loc.startsWith(`${baseUrl()}/`))).toBe(true);
  });

  it('answers an unknown sitemap page with a German 404', async () => {
    for (const name of ['vorlagen-0', 'unbekannt-1', 'vorlagen-99999']) {
      const response = await fetch(`${baseUrl()}/sitemaps/${name}.xml`);
      expect(response.status, name).toBe(404);
      expect(await response.text()).toMatch(/^Diese Seite der Sitemap/);
    }
  });
});

describe('a deployment with PUBLIC_URL', () => {
  let deployment: Deployment;
  beforeAll(async () => {
    deployment = await startDeployment('legal-public-url', 1, { PUBLIC_URL: 'https://ratsinfo.example.de', SECURITY_CONTACT: 'sicherheit@kreis.example, https://kreis.example/sicherheit' });
  });
  afterAll(async () => {
    expect(deployment?.errors() ?? []).toEqual([]);
    await deployment?.stop();
  });

  it('names the configured address in robots.txt, security.txt and the sitemap, whatever the request says', async () => {
    const base = deployment.instances[0]!.baseUrl;
    const get = async (path: string) => (await fetch(`${base}${path}`, { headers: { 'X-Forwarded-Host': 'evil.example' } })).text();
    expect(await get('/robots.txt')).toContain('Sitemap: https://ratsinfo.example.de/sitemap.xml\n');
    const security = await get('/.well-known/security.txt');
    expect(security).toContain('Contact: mailto:sicherheit@kreis.example\nContact: https://kreis.example/sicherheit\n');
    expect(security).toContain('Canonical: https://ratsinfo.example.de/.well-known/security.txt\n');
    const index = await get('/sitemap.xml');
    expect(index).toContain('<loc>https://ratsinfo.example.de/sitemaps/vorlagen-1.xml</loc>');
    const papers = await get('/sitemaps/vorlagen-1.xml');
    expect(papers).toContain('<loc>https://ratsinfo.example.de/vorlagen/3-2-0076-2014</loc>');
    expect(papers).not.toContain(base);
  });
});

describe('two instances of a deployment', () => {
  let deployment: Deployment;
  beforeAll(async () => {
    deployment = await startDeployment('legal-instances', 2);
  });
  afterAll(async () => {
    expect(deployment?.errors() ?? []).toEqual([]);
    await deployment?.stop();
  });

  it('drops the cached legal page on every instance when an admin saves the text', async () => {
    const [one, two] = deployment.instances.map((i) => i.baseUrl) as [string, string];
    const view = async (base: string) => {
      const response = await fetch(`${base}/impressum`);
      return { cache: response.headers.get('x-cache'), section: sectionOf(await response.text(), 'landkreis-grafschaft-bentheim') };
    };
    for (const base of [one, two]) await expect.poll(async () => (await view(base)).cache, { interval: 50 }).toBe('HIT');
    expect((await view(two)).section).toContain(PLACEHOLDER);

    const account = await insertAccount(deployment.db, { email: 'rechtstexte-admin@example.org', name: 'Ada Rechtstext', role: 'admin', password: 'Rechtstexte-Test-Passwort-1' });
    const post = (path: string, action: string, fields: Record<string, string>, cookie?: string) =>
      fetch(`${one}${path}?_action=${action}`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: one, ...(cookie ? { Cookie: cookie } : {}) }, body: new URLSearchParams(fields) });
    const login = await post('/verwaltung/anmelden', 'auth.login', { email: account.email, password: account.password, next: '/verwaltung' });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('ratsfaden_sitzung='))!.split(';')[0]!;
    const [body] = await deployment.db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
    const [seeded] = await deployment.db.select().from(t.legalText).where(and(eq(t.legalText.bodyId, body!.id), eq(t.legalText.kind, 'impressum')));
    const saved = await post(`/verwaltung/rechtstexte/${body!.id}/impressum`, 'legalTexts.save', { kind: 'impressum', bodyId: String(body!.id), version: String(seeded!.version), textMd: 'Landkreis Grafschaft Bentheim, van-Delden-Straße 1–7, 48529 Nordhorn' }, cookie);
    expect(saved.status).toBe(303);

    // The saving instance at once; the other once it read the change log (CHANGE_POLL_MS).
    const first = await view(one);
    expect(first.section).toContain('van-Delden-Straße 1–7');
    expect(first.section).not.toContain(PLACEHOLDER);
    await expect.poll(async () => (await view(two)).section, { interval: 100 }).toContain('van-Delden-Straße 1–7');
    expect((await view(two)).section).not.toContain(PLACEHOLDER);
  });
});
