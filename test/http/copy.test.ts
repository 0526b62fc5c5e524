// The German copy of the portal as a citizen and a clerk read it: counts, organization sentences, meta lines,
// numbers in messages, one name for a follow-up's next due date, German dates in the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { clerkSetup, getPage, postForm } from '../support/back-office';
import { serverUrl } from '../support/base-url';
import { uniqueName } from '../support/unique';

let db: Database;
let cookie: string;
let bodyId: string;
let orgSlug: string;
let paperId: number;
let paperSlug: string;
let demandId: number;

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
const demandVersion = async () => String((await db.select({ version: t.demand.version }).from(t.demand).where(eq(t.demand.id, demandId)))[0]!.version);

beforeAll(async () => {
  ({ db, cookie, bodyId } = await clerkSetup('landkreis-grafschaft-bentheim'));
  const org = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: uniqueName('Kreistagsfraktion Textprobe'), kind: 'group', intent: 'publish' }, cookie);
  expect(org.status).toBe(303);
  const orgId = Number(org.headers.get('location')!.match(/\/(\d+)\?/)![1]);
  orgSlug = (await db.select({ slug: t.organization.slug }).from(t.organization).where(eq(t.organization.id, orgId)))[0]!.slug;

  const paper = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-03-01', name: uniqueName('Antrag Textprobe'), originatorOrganizationIds: String(orgId), intent: 'publish' }, cookie);
  expect(paper.status).toBe(303);
  paperId = Number(paper.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
  paperSlug = (await db.select({ slug: t.paper.slug }).from(t.paper).where(eq(t.paper.id, paperId)))[0]!.slug;

  // A demand without a responsible office and without a due date.
  const demand = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId: String(paperId), title: 'Prüfauftrag Textprobe', textMd: 'Die Verwaltung möge prüfen.' }, cookie);
  expect(demand.status).toBe(303);
  demandId = (await db.select({ id: t.demand.id }).from(t.demand).where(eq(t.demand.paperId, paperId)))[0]!.id;
});
afterAll(() => db?.$client.close());

describe('German copy', () => {
  it('says "Die Forderung im Tracker" for an organization with one demand, never "Alle 1", and names it by its kind', async () => {
    const page = await getPage(`/gremien/${orgSlug}`);
    expect(page.status).toBe(200);
    const body = text(page.html);
    expect(body).toContain('Die Forderung im Tracker');
    expect(body).not.toMatch(/Alle 1 /);
    expect(body).toContain('0 von 1 Forderung erfüllt oder umgesetzt');
    expect(body).toContain('Vorlagen, die diese Fraktion eingereicht, federführend bearbeitet oder beraten hat.');
  });

  it('leaves no stray "·" after a demand without responsible office or due date', async () => {
    const page = await getPage(`/vorlagen/${paperSlug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<p class="meta">Forderung ${demandId}</p>`);
    const tracker = text((await getPage(`/forderungen?urheber=${orgSlug}`)).html);
    expect(tracker).toContain(`Forderung ${demandId} · Eingebracht von`);
    expect(tracker).not.toMatch(/· ·|·\s*$/m);
  });

  it('writes the back office header line with a space on both sides of each dot', async () => {
    const again = await postForm(`/verwaltung/forderungen/${demandId}`, 'demands.save', { id: String(demandId), version: await demandVersion(), title: 'Prüfauftrag Textprobe', textMd: 'Die Verwaltung möge genau prüfen.' }, cookie);
    expect(again.status).toBe(303);
    const header = text((await getPage(`/verwaltung/forderungen/${demandId}`, cookie)).html);
    expect(header).toMatch(/Version 2 · veröffentlicht · Versionen und Änderungen/);
    expect(header).not.toMatch(/\d· /);
    const paper = text((await getPage(`/verwaltung/vorlagen/${paperId}`, cookie)).html);
    expect(paper).toMatch(/veröffentlicht · Version 1 · Versionen und Änderungen · Öffentliche Seite/);
  });

  it('says "200.000 Zeichen" for an over-long text', async () => {
    const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-03-01', name: uniqueName('Antrag zu lang'), textMd: 'x'.repeat(200_001) }, cookie);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Der Text ist zu lang (höchstens 200.000 Zeichen).');
  });

  it('calls a follow-up\'s next due date "Nächste Frist", and "Zugesagt bis" for a promise, on the page, in the feed and in the back office', async () => {
    const reminder = await postForm(`/verwaltung/forderungen/${demandId}`, 'followUps.add', { demandId: String(demandId), demandVersion: await demandVersion(), date: '2026-03-10', kind: 'reminder', textMd: 'Wird wieder vorgelegt.', nextDueDate: '2026-06-30', publish: 'on' }, cookie);
    expect(reminder.status).toBe(303);
    const promise = await postForm(`/verwaltung/forderungen/${demandId}`, 'followUps.add', { demandId: String(demandId), demandVersion: await demandVersion(), date: '2026-03-11', kind: 'promise', textMd: 'Die Verwaltung sagt eine Prüfung zu.', nextDueDate: '2026-09-30', publish: 'on' }, cookie);
    expect(promise.status).toBe(303);

    const page = text((await getPage(`/forderungen/${demandId}`)).html);
    expect(page).toContain('Nächste Frist: 30.06.2026');
    expect(page).toContain('Zugesagt bis: 30.09.2026');
    const feed = await (await fetch(serverUrl(`/feeds/forderungen.atom?forderung=${demandId}`))).text();
    expect(feed).toContain('Nächste Frist: 30.06.2026.');
    expect(feed).toContain('Zugesagt bis: 30.09.2026.');
    const office = text((await getPage(`/verwaltung/forderungen/${demandId}`, cookie)).html);
    expect(office).toContain('10.03.2026 · Wiedervorlage · Nächste Frist: 30.06.2026');
    expect(office).toContain('11.03.2026 · Zusage · Zugesagt bis: 30.09.2026');
    expect(office).not.toContain('nächste Frist 30.06.2026');
  });

  it('shows German dates, not ISO dates, when comparing two versions', async () => {
    const [row] = await db.select({ version: t.paper.version, name: t.paper.name }).from(t.paper).where(eq(t.paper.id, paperId));
    const save = await postForm(`/verwaltung/vorlagen/${paperId}`, 'papers.save', { id: String(paperId), version: String(row!.version), bodyId, paperType: 'antrag', date: '2026-03-02', name: row!.name, intent: 'save' }, cookie);
    expect(save.status).toBe(303);
    const history = text((await getPage(`/verwaltung/verlauf/paper/${paperId}`, cookie)).html);
    expect(history).toContain('01.03.2026');
    expect(history).toContain('02.03.2026');
    expect(history).not.toMatch(/\b2026-03-0[12]\b/);
  });
});
