// Editing through the back office as a browser without JavaScript would: drafts, publishing, conflicts, injection.
// Other files edit the same server meanwhile: lists are searched for this file's own, uniquely named records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { clerkSetup, findInAuditLog, getPage, loginAs, postForm } from '../support/back-office';
import { elementsOf, parseFragment } from '../support/html';
import { uniqueEmail, uniqueName, uniqueToken } from '../support/unique';
import type { TestAccount } from '../support/users';

let db: Database;
let cookie: string;
let bodyId: string;
let clerk: TestAccount;

beforeAll(async () => {
  ({ db, cookie, bodyId, clerk } = await clerkSetup('landkreis-grafschaft-bentheim'));
});
afterAll(() => db?.$client.close());

/** Creates a paper through the form and returns its id (from the redirect). */
async function createPaper(fields: Record<string, string>): Promise<number> {
  const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-11-02', intent: 'save', ...fields }, cookie);
  expect(response.status, await response.clone().text().then((h) => h.match(/class="(?:error|alert)"[^>]*>[^<]*/g)?.join(' ') ?? '')).toBe(303);
  return Number(response.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
}

const slugOf = async (id: number) => (await db.select({ slug: t.paper.slug }).from(t.paper).where(eq(t.paper.id, id)))[0]!.slug;

/** Payloads that would run script if any text reached the page unescaped or unsanitized. */
const payloads = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=alert(1)>',
  '[Klick](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  "'; DROP TABLE paper; --",
];
const payload = payloads.join(' ');

function expectInert(html: string, where: string) {
  const nodes = elementsOf(parseFragment(html));
  expect(nodes.filter((n) => n.tagName === 'SCRIPT' && !n.getAttribute('src') && /pwned/.test(n.textContent ?? '')), where).toHaveLength(0);
  for (const n of nodes) {
    for (const attr of Array.from(n.attributes)) {
      expect(attr.name.startsWith('on'), `${where}: ${n.tagName} ${attr.name}`).toBe(false);
      if (['href', 'src', 'action', 'formaction'].includes(attr.name)) expect(attr.value, where).not.toMatch(/^\s*javascript:/i);
    }
    // The only SVG is the portal's own decoration (status symbols, chart bars), never one from the payload.
    if (n.tagName.toLowerCase() === 'svg') expect(['status-icon', 'chart-bar'].some((c) => n.classList.contains(c)), where).toBe(true);
  }
}

describe('drafts and publishing', () => {
  it('keeps a draft out of public pages until it is published', async () => {
    const name = uniqueName('Entwurf Dolmetscherpool');
    const id = await createPaper({ name });
    const slug = await slugOf(id);
    const listed = async () => (await getPage(`/vorlagen?q=${encodeURIComponent(name)}`)).html.includes(`/vorlagen/${slug}"`);
    expect((await getPage(`/vorlagen/${slug}`)).status).toBe(404);
    expect(await listed()).toBe(false);
    const publish = await postForm(`/verwaltung/vorlagen/${id}`, 'papers.save', { id: String(id), version: '1', bodyId, paperType: 'antrag', date: '2026-11-02', name, intent: 'publish' }, cookie);
    expect(publish.status).toBe(303);
    expect(publish.headers.get('location')).toBe(`/verwaltung/vorlagen/${id}?hinweis=veroeffentlicht`);
    expect((await getPage(`/vorlagen/${slug}`)).status).toBe(200);
    expect(await listed()).toBe(true);
  });

  it('shows German field errors next to the fields and keeps the input', async () => {
    const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '31.02.2026', name: '', textMd: 'Mein langer Text bleibt erhalten.' }, cookie);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('id="feld-name-fehler">Bitte geben Sie einen Titel an.');
    expect(html).toMatch(/id="feld-date-fehler">Bitte geben Sie das Datum der Vorlage als Datum an/);
    expect(html).toContain('aria-describedby="feld-textMd-hinweis"');
    expect(html).toContain('Mein langer Text bleibt erhalten.</textarea>');
  });

  it('renders the Markdown preview with the public renderer and keeps the input', async () => {
    const response = await postForm('/verwaltung/vorlagen/neu', 'preview', { version: '0', bodyId, name: 'Mit Vorschau', textMd: '## Begründung\n\n**Wichtig**' }, cookie);
    const html = await response.text();
    expect(html).toContain('<h3>Begründung</h3>');
    expect(html).toContain('<strong>Wichtig</strong>');
    expect(html).toContain('value="Mit Vorschau"');
  });
});

describe('stale-version conflict', () => {
  it('refuses a save based on an old version, shows both versions and keeps the user\'s text', async () => {
    const id = await createPaper({ name: 'Konfliktvorlage', textMd: 'Ursprung' });
    const base = { id: String(id), bodyId, paperType: 'antrag', date: '2026-11-02', name: 'Konfliktvorlage', intent: 'save' };
    expect((await postForm(`/verwaltung/vorlagen/${id}`, 'papers.save', { ...base, version: '1', textMd: 'Fassung von Frau A' }, cookie)).status).toBe(303);
    const stale = await postForm(`/verwaltung/vorlagen/${id}`, 'papers.save', { ...base, version: '1', textMd: 'Fassung von Herrn B' }, cookie);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Sie selbst (in einem anderen Fenster) haben diesen Datensatz inzwischen geändert');
    expect(html).toContain('<pre>Fassung von Frau A</pre>');
    expect(html).toContain('<pre>Fassung von Herrn B</pre>');
    expect(html).toContain('Fassung von Herrn B</textarea>');
    const [row] = await db.select().from(t.paper).where(eq(t.paper.id, id));
    expect(row).toMatchObject({ version: 2, textMd: 'Fassung von Frau A' });
  });
});

describe('injection payloads', () => {
  it('render inert in every text field, on public and back-office pages', async () => {
    const token = uniqueToken();
    const id = await createPaper({ name: `Titel ${token} ${payload}`, reference: `R${payloads[2]}`, fileNumber: payloads[1]!, textSourceNote: payload, textMd: `Text ${payload}` });
    const demand = await postForm(`/verwaltung/vorlagen/${id}`, 'demands.save', { paperId: String(id), title: `Forderung ${payload}`, textMd: `Forderungstext ${payload}` }, cookie);
    expect(demand.status).toBe(303);
    const [d] = await db.select().from(t.demand).where(eq(t.demand.paperId, id));
    const publish = await postForm(`/verwaltung/vorlagen/${id}`, 'papers.save', { id: String(id), version: '1', bodyId, paperType: 'antrag', date: '2026-11-02', name: `Titel ${token} ${payload}`, reference: `R${payloads[2]}`, fileNumber: payloads[1]!, textSourceNote: payload, textMd: `Text ${payload}`, intent: 'publish' }, cookie);
    expect(publish.status).toBe(303);
    const fu = await postForm(`/verwaltung/forderungen/${d!.id}`, 'followUps.add', { demandId: String(d!.id), demandVersion: '2', date: '2026-11-03', kind: 'reply', textMd: `Antwort ${payload}`, publish: 'on' }, cookie);
    expect(fu.status).toBe(303);
    const slug = await slugOf(id);
    const pages = [`/vorlagen/${slug}`, `/vorlagen?q=${token}`, '/'];
    for (const path of pages) {
      const page = await getPage(path);
      expect(page.status, path).toBe(200);
      expectInert(page.html, path);
    }
    expect((await getPage(`/vorlagen?q=${token}`)).html).toContain(`/vorlagen/${slug}"`);
    const detail = (await getPage(`/vorlagen/${slug}`)).html;
    expect(detail).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    for (const path of [`/verwaltung/vorlagen/${id}`, `/verwaltung/vorlagen?q=${token}`, `/verwaltung/forderungen/${d!.id}`, `/verwaltung/verlauf/paper/${id}?a=1&b=2`]) {
      const page = await getPage(path, cookie);
      expect(page.status, path).toBe(200);
      expectInert(page.html, path);
    }
    const log = await findInAuditLog(`href="/verwaltung/verlauf/paper/${id}"`, cookie);
    expect(log, 'the change log lists the paper').not.toBeNull();
    expectInert(log!, '/verwaltung/protokoll');
    // The SQL-looking payload is stored as text; the table is still there.
    expect((await db.select().from(t.paper).where(eq(t.paper.id, id)))[0]!.textMd).toContain("DROP TABLE paper");
  });
});

describe('injection payloads beyond papers', () => {
  it('render inert in meetings, agenda items, minutes, master data, memberships and attachment names', async () => {
    const meeting = await postForm('/verwaltung/sitzungen/neu', 'meetings.save', { version: '0', bodyId, name: `Sitzung ${payload}`, start: '2026-12-10T17:00', location: payload, occasion: payload, editorialNote: payload, intent: 'publish' }, cookie);
    expect(meeting.status).toBe(303);
    const meetingId = Number(meeting.headers.get('location')!.match(/sitzungen\/(\d+)/)![1]);
    expect((await postForm(`/verwaltung/sitzungen/${meetingId}`, 'agenda.save', { meetingId: String(meetingId), number: 'Ö 1', name: `Punkt ${payload}`, public: 'on' }, cookie)).status).toBe(303);
    const [item] = await db.select().from(t.agendaItem).where(eq(t.agendaItem.meetingId, meetingId));
    expect((await postForm(`/verwaltung/tagesordnungspunkte/${item!.id}`, 'agenda.save', { id: String(item!.id), version: String(item!.version), number: 'Ö 1', name: `Punkt ${payload}`, public: 'on', minutesMd: `Niederschrift ${payload}`, result: payload, resolutionMd: `Beschluss ${payload}` }, cookie)).status).toBe(303);
    const org = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: `Gremium ${payload}`, shortName: payload, kind: 'committee', classification: payload, descriptionMd: payload, intent: 'publish' }, cookie);
    expect(org.status).toBe(303);
    const orgId = org.headers.get('location')!.match(/gremien\/(\d+)/)![1]!;
    const person = await postForm('/verwaltung/stammdaten/personen/neu', 'masterData.save', { masterKind: 'personen', bodyId, name: `Person ${payload}`, formOfAddress: payload, title: payload, givenName: payload, familyName: payload, position: payload, descriptionMd: payload, intent: 'publish' }, cookie);
    expect(person.status).toBe(303);
    const personId = person.headers.get('location')!.match(/personen\/(\d+)/)![1]!;
    expect((await postForm(`/verwaltung/stammdaten/personen/${personId}`, 'memberships.save', { personId, organizationId: orgId, role: payload }, cookie)).status).toBe(303);
    const scriptUrl = await postForm('/verwaltung/stammdaten/koerperschaften/neu', 'masterData.save', { masterKind: 'koerperschaften', name: `Körperschaft ${payload}`, website: 'javascript:alert(1)' }, cookie);
    expect(scriptUrl.status).toBe(422);
    expect(await scriptUrl.text()).toContain('Bitte geben Sie eine Webadresse an, die mit https:// oder http:// beginnt.');
    const body = await postForm('/verwaltung/stammdaten/koerperschaften/neu', 'masterData.save', { masterKind: 'koerperschaften', name: `Körperschaft ${payload}`, shortName: payload, classification: payload, website: 'https://example.org/' }, cookie);
    expect(body.status).toBe(303);

    const [m] = await db.select().from(t.meeting).where(eq(t.meeting.id, meetingId));
    const [o] = await db.select().from(t.organization).where(eq(t.organization.id, Number(orgId)));
    const [p] = await db.select().from(t.person).where(eq(t.person.id, Number(personId)));
    for (const path of [`/sitzungen/${m!.slug}`, '/sitzungen', `/gremien/${o!.slug}`, '/gremien', `/personen/${p!.slug}`, '/personen']) {
      const page = await getPage(path);
      expect(page.status, path).toBe(200);
      expectInert(page.html, path);
    }
    for (const path of [`/verwaltung/sitzungen/${meetingId}`, `/verwaltung/tagesordnungspunkte/${item!.id}`, `/verwaltung/stammdaten/gremien/${orgId}`, `/verwaltung/stammdaten/personen/${personId}`, '/verwaltung/stammdaten/koerperschaften', '/verwaltung/sitzungen']) {
      const page = await getPage(path, cookie);
      expect(page.status, path).toBe(200);
      expectInert(page.html, path);
    }
    const log = await findInAuditLog(`href="/verwaltung/verlauf/meeting/${meetingId}"`, cookie);
    expect(log, 'the change log lists the meeting').not.toBeNull();
    expectInert(log!, '/verwaltung/protokoll');
  });
});

describe('relations and Beratungsfolge', () => {
  it('links a reply to its motion and adds a consultation, both shown on the public page', async () => {
    const replyName = uniqueName('Stellungnahme Beratungsfolge');
    const motionName = uniqueName('Antrag Beratungsfolge');
    const motion = await createPaper({ name: motionName, intent: 'publish' });
    const reply = await createPaper({ name: replyName, intent: 'publish' });
    const self = await postForm(`/verwaltung/vorlagen/${reply}`, 'paperLinks.relate', { fromPaperId: String(reply), toPaperId: String(reply), kind: 'repliesTo' }, cookie);
    expect(self.status).toBe(422);
    expect(await self.text()).toContain('Eine Vorlage kann nicht mit sich selbst verknüpft werden.');
    expect((await postForm(`/verwaltung/vorlagen/${reply}`, 'paperLinks.relate', { fromPaperId: String(reply), toPaperId: String(motion), kind: 'repliesTo' }, cookie)).status).toBe(303);
    const [org] = await db.select().from(t.organization).where(eq(t.organization.slug, 'kreistag-grafschaft-bentheim'));
    expect((await postForm(`/verwaltung/vorlagen/${motion}`, 'paperLinks.consult', { paperId: String(motion), organizationId: String(org!.id), role: 'Entscheidung', authoritative: 'on' }, cookie)).status).toBe(303);
    const page = await getPage(`/vorlagen/${await slugOf(motion)}`);
    expect(page.html).toContain(replyName);
    expect(page.html).toContain('Entscheidung');
    const removed = await postForm(`/verwaltung/vorlagen/${reply}`, 'paperLinks.relate', { fromPaperId: String(reply), toPaperId: String(motion), kind: 'repliesTo', remove: 'true' }, cookie);
    expect(removed.status).toBe(303);
    expect((await getPage(`/vorlagen/${await slugOf(motion)}`)).html).not.toContain(replyName);
    expect(await findInAuditLog(`Verknüpfung: „${motionName}“ beantwortet durch „${replyName}“`, cookie)).not.toBeNull();
  });
});

describe('account changes in the audit log', () => {
  it('records an admin creating an account, without the password hash', async () => {
    const admin = await loginAs('admin');
    const name = uniqueName('Berta Neu');
    const email = uniqueEmail('berta');
    const created = await postForm('/verwaltung/benutzer', 'users.create', { name, email, role: 'clerk', password: 'Ein-gutes-Startpasswort-7' }, admin);
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/verwaltung/benutzer?hinweis=konto-angelegt');
    expect((await getPage('/verwaltung/benutzer?hinweis=konto-angelegt', admin)).html).toContain('Das Konto wurde angelegt.');
    const [berta] = await db.select({ id: t.user.id }).from(t.user).where(eq(t.user.email, email));
    const revisions = await db.select().from(t.revision).where(and(eq(t.revision.tableName, 'user'), eq(t.revision.rowId, berta!.id)));
    expect(revisions).toHaveLength(1);
    expect(JSON.stringify(revisions[0]!.snapshot)).not.toContain('argon2');
    expect(await findInAuditLog(`Benutzerkonto: ${name}`, admin)).not.toBeNull();
    const weakEmail = uniqueEmail('schwach');
    const weak = await postForm('/verwaltung/benutzer', 'users.create', { name: 'Schwach', email: weakEmail, role: 'clerk', password: 'passwort1234' }, admin);
    const html = await weak.text();
    expect(html).toContain('Dieses Passwort ist weit verbreitet');
    expect(html).toContain(`value="${weakEmail}"`);
  });
});

describe('previews of demands and follow-ups', () => {
  it('shows the preview beside the form that asked and keeps that form\'s input', async () => {
    const id = await createPaper({ name: 'Vorlage für Vorschau' });
    await postForm(`/verwaltung/vorlagen/${id}`, 'demands.save', { paperId: String(id), title: 'Vorschauforderung', textMd: 'Text' }, cookie);
    const [d] = await db.select().from(t.demand).where(eq(t.demand.paperId, id));
    const response = await postForm(`/verwaltung/forderungen/${d!.id}`, 'preview', { demandId: String(d!.id), demandVersion: '1', date: '2026-11-10', kind: 'progress', textMd: 'Der Stand ist *gut*.', previewFor: 'followUp' }, cookie);
    const html = await response.text();
    expect(html).toContain('aria-label="Vorschau des Sachstands" class="preview prose"><p>Der Stand ist <em>gut</em>.</p>');
    expect(html).toContain('>Der Stand ist *gut*.</textarea>');
    expect(html).not.toContain('aria-label="Vorschau der Forderung"');
  });
});

describe('history, restore and trash through the forms', () => {
  it('shows a readable diff between two versions, restores the older one and moves the paper through the trash', async () => {
    const name = uniqueName('Vorlage mit Verlauf');
    const id = await createPaper({ name, textMd: 'Die Verwaltung wird gebeten, einen Bericht vorzulegen.' });
    const base = { id: String(id), bodyId, paperType: 'antrag', date: '2026-11-02', name, intent: 'save' };
    // The editor's list, searched for the paper (the search box repeats the name, so look for the paper's link).
    const listedForEditing = async () => (await getPage(`/verwaltung/vorlagen?q=${encodeURIComponent(name)}`, cookie)).html.includes(`href="/verwaltung/vorlagen/${id}"`);
    expect((await postForm(`/verwaltung/vorlagen/${id}`, 'papers.save', { ...base, version: '1', textMd: 'Die Verwaltung wird gebeten, bis März einen Bericht vorzulegen.' }, cookie)).status).toBe(303);
    const history = await getPage(`/verwaltung/verlauf/paper/${id}?a=1&b=2`, cookie);
    expect(history.status).toBe(200);
    expect(history.html).toMatch(/<th scope="row">Text<\/th><td class="diff-text">.*<ins class="diff">bis März <\/ins>/s);
    expect(history.html).toContain(clerk.name);

    const restore = await postForm(`/verwaltung/verlauf/paper/${id}`, 'records.restore', { table: 'paper', id: String(id), version: '2', fromVersion: '1' }, cookie);
    expect(restore.status).toBe(303);
    const [restored] = await db.select().from(t.paper).where(eq(t.paper.id, id));
    expect(restored).toMatchObject({ version: 3, textMd: 'Die Verwaltung wird gebeten, einen Bericht vorzulegen.' });
    const stale = await postForm(`/verwaltung/verlauf/paper/${id}`, 'records.restore', { table: 'paper', id: String(id), version: '2', fromVersion: '1' }, cookie);
    expect(stale.status).toBe(409);

    expect((await postForm(`/verwaltung/vorlagen/${id}`, 'records.trash', { table: 'paper', id: String(id), version: '3' }, cookie)).headers.get('location')).toBe('/verwaltung/papierkorb?hinweis=geloescht');
    const trash = await getPage('/verwaltung/papierkorb', cookie);
    expect(trash.html).toContain(`„${name}“ zurückholen`);
    expect(await listedForEditing()).toBe(false);
    expect((await postForm('/verwaltung/papierkorb', 'records.untrash', { table: 'paper', id: String(id), version: '4' }, cookie)).status).toBe(303);
    expect(await listedForEditing()).toBe(true);
    expect((await getPage(`/verwaltung/verlauf/user/1`, cookie)).status).toBe(404);
  });
});

describe('correcting follow-ups', () => {
  it('edits a follow-up\'s text with a revision and refuses a stale edit', async () => {
    const id = await createPaper({ name: 'Vorlage für Korrekturen', intent: 'publish' });
    await postForm(`/verwaltung/vorlagen/${id}`, 'demands.save', { paperId: String(id), title: 'Korrekturforderung', textMd: 'Text' }, cookie);
    const [d] = await db.select().from(t.demand).where(eq(t.demand.paperId, id));
    await postForm(`/verwaltung/forderungen/${d!.id}`, 'followUps.add', { demandId: String(d!.id), demandVersion: '1', date: '2026-11-10', kind: 'reply', textMd: 'Tippfeler', publish: 'on' }, cookie);
    const [fu] = await db.select().from(t.followUp).where(eq(t.followUp.demandId, d!.id));
    const edit = await postForm(`/verwaltung/forderungen/${d!.id}`, 'followUps.edit', { id: String(fu!.id), version: '1', date: '2026-11-10', kind: 'reply', textMd: 'Tippfehler behoben', publish: 'on' }, cookie);
    expect(edit.status).toBe(303);
    const stale = await postForm(`/verwaltung/forderungen/${d!.id}`, 'followUps.edit', { id: String(fu!.id), version: '1', date: '2026-11-10', kind: 'reply', textMd: 'Andere Fassung', publish: 'on' }, cookie);
    expect(stale.status).toBe(409);
    const [row] = await db.select().from(t.followUp).where(eq(t.followUp.id, fu!.id));
    expect(row).toMatchObject({ version: 2, textMd: 'Tippfehler behoben' });
    expect((await getPage(`/verwaltung/forderungen/${d!.id}`, cookie)).html).toContain('<p>Tippfehler behoben</p>');
  });

  it('a follow-up moved to the trash no longer sets the status: the public demand page and the tracker show the one before', async () => {
    const id = await createPaper({ name: 'Vorlage mit zurückgenommenem Sachstand', intent: 'publish' });
    const title = uniqueName('Forderung mit Irrtum');
    await postForm(`/verwaltung/vorlagen/${id}`, 'demands.save', { paperId: String(id), title, textMd: 'Text' }, cookie);
    const [d] = await db.select().from(t.demand).where(eq(t.demand.paperId, id));
    await postForm(`/verwaltung/forderungen/${d!.id}`, 'followUps.add', { demandId: String(d!.id), demandVersion: '1', date: '2026-11-10', kind: 'reply', textMd: 'Wird beraten', statusAfter: 'in_beratung', publish: 'on' }, cookie);
    await postForm(`/verwaltung/forderungen/${d!.id}`, 'followUps.add', { demandId: String(d!.id), demandVersion: '2', date: '2026-11-11', kind: 'reply', textMd: 'Versehentlich abgelehnt', statusAfter: 'abgelehnt', publish: 'on' }, cookie);
    const statusOnPage = async () => parseFragment((await getPage(`/forderungen/${d!.id}`)).html).querySelector('.status')?.textContent?.trim();
    expect(await statusOnPage()).toBe('Vom Gremium abgelehnt');

    const [wrong] = await db.select().from(t.followUp).where(and(eq(t.followUp.demandId, d!.id), eq(t.followUp.textMd, 'Versehentlich abgelehnt')));
    const trashed = await postForm(`/verwaltung/forderungen/${d!.id}`, 'records.trash', { table: 'follow_up', id: String(wrong!.id), version: String(wrong!.version) }, cookie);
    expect(trashed.status).toBe(303);
    expect(trashed.headers.get('location')).toContain('hinweis=sachstand-status');
    expect(await statusOnPage()).toBe('In Beratung');
    // The tracker's list (here its CSV export, which holds every row of a filter) follows at once.
    expect((await getPage('/forderungen.csv?status=in_beratung')).html).toContain(title);
    expect((await getPage('/forderungen.csv?status=abgelehnt')).html).not.toContain(title);
  });
});
