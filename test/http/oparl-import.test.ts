// An OParl mirror on the real server: imported records appear in pages, lists, tracker and search with their source;
// the back office shows that their fields belong to the source and refuses to change them; demands clerks add to an
// imported paper survive a re-import that changes the paper.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { buildAll } from '@/lib/server/search/indexer';
import { importOparl } from '@/lib/server/oparl/import/run';
import { insertAccount } from '../support/users';
import { startDeployment, type Deployment, signIn } from '../support/instances';
import { startOparlFixture, type OparlFixture } from '../support/oparl-fixture';

let deployment: Deployment;
let fixture: OparlFixture;
let base: string;
let cookie: string;
const importNow = () => importOparl(deployment.db, { systemUrl: fixture.systemUrl, fetch: { attempts: 3, backoffMs: 5 } });
const paperOf = async (externalId: string) => (await deployment.db.select().from(t.paper).where(eq(t.paper.externalId, externalId)))[0]!;
const page = async (pathname: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${pathname}`, { headers });
  return { status: response.status, html: await response.text() };
};
const post = (pathname: string, action: string, fields: Record<string, string>) => {
  const url = new URL(`${base}${pathname}`);
  url.searchParams.set('_action', action);
  return fetch(url, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: cookie }, body: new URLSearchParams(fields) });
};

beforeAll(async () => {
  deployment = await startDeployment('oparl-import', 1);
  base = deployment.instances[0]!.baseUrl;
  fixture = await startOparlFixture({ name: 'Kreis-RIS' });
  await importNow();
  await buildAll(deployment.db.$client, { dir: path.join(deployment.dataDir, 'search') });
  const clerk = await insertAccount(deployment.db, { email: 'oparl-klerk@example.org', name: 'Olga Import', role: 'clerk', password: 'OParl-Import-Test-Passwort-1' });
  cookie = await signIn(base, clerk);
});

afterAll(async () => {
  await fixture?.close();
  await deployment?.stop();
  expect(deployment ? deployment.errors() : []).toEqual([]);
});

describe('an imported OParl source', () => {
  it('shows imported papers and meetings on their pages with the source and a link to the original', async () => {
    const paper = await paperOf(`${fixture.systemUrl.replace(/system$/, '')}body/1/paper/4`);
    const { status, html } = await page(`/vorlagen/${paper.slug}`);
    expect(status).toBe(200);
    expect(html).toContain('Antrag 4 zur Radverkehrsplanung');
    expect(html).toContain('übernommen aus Kreis-RIS');
    expect(html).toContain('href="https://ris.example.org/vo/1/4"');
    const [meeting] = await deployment.db.select().from(t.meeting).where(eq(t.meeting.externalId, `${fixture.systemUrl.replace(/system$/, '')}body/1/meeting/0`));
    const meetingPage = await page(`/sitzungen/${meeting!.slug}`);
    expect(meetingPage.html).toContain('Tagesordnungspunkt 1 der Sitzung 0');
    expect(meetingPage.html).toContain('href="https://ris.example.org/si/1/0"');
  });

  it('lists imported papers and finds them in search', async () => {
    expect((await page('/vorlagen?q=Radverkehrsplanung')).html).toContain('Antrag 4 zur Radverkehrsplanung');
    const search = await page('/suche?q=Radverkehrsplanung');
    expect(search.status).toBe(200);
    expect(search.html).toContain('zur Radverkehrsplanung');
  });

  it('shows the back office note and refuses changes to imported fields, server-side', async () => {
    const paper = await paperOf(`${fixture.systemUrl.replace(/system$/, '')}body/1/paper/5`);
    const editor = await page(`/verwaltung/vorlagen/${paper.id}`, { Cookie: cookie });
    expect(editor.html).toContain('Importierter Datensatz.');
    expect(editor.html).toContain('Bitte ändern Sie seine Angaben dort');
    const response = await post(`/verwaltung/vorlagen/${paper.id}`, 'papers.save', {
      id: String(paper.id), version: String(paper.version), intent: 'publish', bodyId: String(paper.bodyId), name: 'Hier geändert', paperType: paper.paperType, date: paper.date,
      reference: paper.reference ?? '', underDirectionOfId: String(paper.underDirectionOfId ?? ''),
    });
    expect(response.status).toBeLessThan(500);
    const html = response.status === 303 ? (await page(response.headers.get('location')!.replace(base, ''), { Cookie: cookie })).html : await response.text();
    expect(html).toContain('Dieses Feld stammt aus „Kreis-RIS“');
    expect((await paperOf(paper.externalId!)).name).toBe('Antrag 5 zur Radverkehrsplanung');
    // The editor shows the imported fields read-only; Ratsfaden's own fields (a summary text) can still be saved.
    expect(editor.html).toMatch(/<input id="feld-name" type="text" name="name" value="Antrag 5 zur Radverkehrsplanung" required readonly/);
    const [originator] = await deployment.db.select().from(t.paperOriginator).where(eq(t.paperOriginator.paperId, paper.id));
    const own = await post(`/verwaltung/vorlagen/${paper.id}`, 'papers.save', {
      id: String(paper.id), version: String(paper.version), intent: 'publish', bodyId: String(paper.bodyId), name: paper.name, paperType: paper.paperType, date: paper.date,
      reference: paper.reference ?? '', underDirectionOfId: String(paper.underDirectionOfId ?? ''), originatorOrganizationIds: String(originator!.organizationId),
      textKind: 'summary', textSourceNote: 'Zusammenfassung der Redaktion', textMd: 'Die Fraktion beantragt einen Radweg.',
    });
    expect(own.status).toBe(303);
    expect(await paperOf(paper.externalId!)).toMatchObject({ name: 'Antrag 5 zur Radverkehrsplanung', textMd: 'Die Fraktion beantragt einen Radweg.', textKind: 'summary' });
    // Trashing it is the source's decision too.
    const current = await paperOf(paper.externalId!);
    const trash = await post(`/verwaltung/vorlagen/${paper.id}`, 'records.trash', { table: 'paper', id: String(paper.id), version: String(current.version) });
    expect(trash.status).toBeLessThan(500);
    const trashHtml = trash.status === 303 ? (await page(trash.headers.get('location')!.replace(base, ''), { Cookie: cookie })).html : await trash.text();
    expect(trashHtml).toContain('Bitte löschen oder ändern Sie ihn dort');
    expect((await paperOf(paper.externalId!)).deletedAt).toBeNull();
    // A re-import leaves the summary, which is ours.
    await importNow();
    expect((await paperOf(paper.externalId!)).textMd).toBe('Die Fraktion beantragt einen Radweg.');
  });

  it('refuses to reorder an imported agenda, which belongs to the source', async () => {
    const [meeting] = await deployment.db.select().from(t.meeting).where(eq(t.meeting.externalId, `${fixture.systemUrl.replace(/system$/, '')}body/1/meeting/0`));
    const items = await deployment.db.select().from(t.agendaItem).where(eq(t.agendaItem.meetingId, meeting!.id));
    const first = items.sort((a, b) => a.order - b.order)[0]!;
    const response = await post(`/verwaltung/sitzungen/${meeting!.id}`, 'agenda.move', { id: String(first.id), direction: 'down' });
    expect(response.status).toBeLessThan(500);
    const html = response.status === 303 ? (await page(response.headers.get('location')!.replace(base, ''), { Cookie: cookie })).html : await response.text();
    expect(html).toContain('Nicht verschoben: Die Reihenfolge dieser Tagesordnung stammt aus „Kreis-RIS“.');
    const after = await deployment.db.select({ id: t.agendaItem.id, order: t.agendaItem.order }).from(t.agendaItem).where(eq(t.agendaItem.meetingId, meeting!.id));
    expect(after.find((i) => i.id === first.id)!.order).toBe(first.order);
  });

  it('keeps a demand a clerk adds to an imported paper through a re-import that changes the paper, and shows it in the tracker', async () => {
    const paper = await paperOf(`${fixture.systemUrl.replace(/system$/, '')}body/1/paper/1`);
    const added = await post(`/verwaltung/vorlagen/${paper.id}`, 'demands.save', { version: '0', paperId: String(paper.id), title: 'Radschnellweg prüfen', textMd: 'Die Verwaltung prüft einen Radschnellweg.' });
    expect(added.status).toBe(303);
    const [demand] = await deployment.db.select().from(t.demand).where(eq(t.demand.paperId, paper.id));
    expect(demand?.title).toBe('Radschnellweg prüfen');
    // The paper was published, so its demand is too; it appears in the tracker.
    await expect.poll(async () => (await page('/forderungen')).html).toContain('Radschnellweg prüfen');
    // A step of the Beratungsfolge added here is ours too.
    const [committee] = await deployment.db.select({ id: t.organization.id }).from(t.organization).where(eq(t.organization.bodyId, paper.bodyId)).limit(1);
    const consulted = await post(`/verwaltung/vorlagen/${paper.id}`, 'paperLinks.consult', { paperId: String(paper.id), organizationId: String(committee!.id), role: 'Vorberatung hier ergänzt' });
    expect(consulted.status).toBe(303);
    const [ours] = await deployment.db.select().from(t.consultation).where(and(eq(t.consultation.paperId, paper.id), eq(t.consultation.role, 'Vorberatung hier ergänzt')));
    expect(ours).toBeDefined();
    fixture.advance();
    const second = await importNow();
    expect(second.counts.Paper?.updated).toBe(1);
    await expect.poll(async () => (await page(`/vorlagen/${paper.slug}`)).html).toContain('Antrag 1 zur Radverkehrsplanung (geändert)');
    const [kept] = await deployment.db.select().from(t.demand).where(eq(t.demand.id, demand!.id));
    expect(kept).toMatchObject({ title: 'Radschnellweg prüfen', paperId: paper.id, deletedAt: null, version: demand!.version });
    expect((await page(`/vorlagen/${paper.slug}`)).html).toContain('Radschnellweg prüfen');
    const [keptStep] = await deployment.db.select().from(t.consultation).where(eq(t.consultation.id, ours!.id));
    expect(keptStep).toMatchObject({ role: 'Vorberatung hier ergänzt', organizationId: committee!.id, deletedAt: null });
  });
});
