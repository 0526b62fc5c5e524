// Post/redirect/get of the back office through the built server: a save answers 303 with its notice, a refused form
// 422 with an error summary that links the fields and keeps what was typed, and two people saving the same record
// are merged, or, only where both changed the same field, answered with 409 and the comparison.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { accountFor, clerkSetup, getPage, loginAs, postForm } from '../support/back-office';
import { parseFragment } from '../support/html';

let db: Database;
let clerk: string;
let admin: string;
let adminName: string;
let bodyId: string;

beforeAll(async () => {
  ({ db, cookie: clerk, bodyId } = await clerkSetup('landkreis-grafschaft-bentheim'));
  admin = await loginAs('admin');
  adminName = (await accountFor('admin')).name;
});
afterAll(() => db?.$client.close());

/** The fields of the paper editor as a browser sends them for a paper loaded at `version`. */
const paperFields = (id: number, version: number, fields: Record<string, string> = {}) => ({ id: String(id), version: String(version), bodyId, paperType: 'antrag', date: '2026-11-02', name: 'Vorlage für Formulare', textMd: 'Ursprung', intent: 'save', ...fields });

async function createPaper(name: string): Promise<number> {
  const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-11-02', name, textMd: 'Ursprung', intent: 'save' }, clerk);
  expect(response.status).toBe(303);
  return Number(response.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
}

async function createDemand(paperId: number): Promise<typeof t.demand.$inferSelect> {
  expect((await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId: String(paperId), title: 'Dolmetscherpool', textMd: 'Bitte einrichten.' }, clerk)).status).toBe(303);
  return (await db.select().from(t.demand).where(eq(t.demand.paperId, paperId)))[0]!;
}

/** The error summary of a page: its heading, and its links as [href, text]. */
function summaryOf(html: string) {
  const summary = parseFragment(html).querySelector('[data-error-summary]');
  return {
    role: summary?.getAttribute('role'),
    heading: summary?.querySelector('h2')?.textContent,
    links: Array.from(summary?.querySelectorAll('a') ?? []).map((a) => [a.getAttribute('href'), a.textContent]),
  };
}

describe('post/redirect/get', () => {
  it('answers a save with 303 to the page and its notice, which the page then shows', async () => {
    const paperId = await createPaper('Vorlage mit Hinweis');
    const response = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId: String(paperId), title: 'Neue Forderung', textMd: 'Text' }, clerk);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/verwaltung/vorlagen/${paperId}?hinweis=forderung-angelegt#forderungen`);
    const page = await getPage(response.headers.get('location')!, clerk);
    expect(parseFragment(page.html).querySelector('[role="status"]')?.textContent).toBe('Die Forderung wurde angelegt.');
    // An unknown notice key shows nothing rather than the raw key.
    expect((await getPage(`/verwaltung/vorlagen/${paperId}?hinweis=%3Cb%3E`, clerk)).html).not.toContain('role="status"');
  });
});

describe('a refused form', () => {
  it('answers 422 with an error summary linking each field and keeps what was typed', async () => {
    const paperId = await createPaper('Vorlage mit Fehlern');
    const response = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId: String(paperId), title: '', textMd: 'Mein Text bleibt stehen.' }, clerk);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(summaryOf(html)).toEqual({ role: 'alert', heading: 'Nicht gespeichert: Bitte prüfen Sie Ihre Eingaben', links: [['#forderung-titel', 'Bitte geben Sie einen Kurztitel der Forderung an.']] });
    const field = parseFragment(html).querySelector('#forderung-titel');
    expect(field?.getAttribute('aria-invalid')).toBe('true');
    expect(html).toContain('Mein Text bleibt stehen.</textarea>');
    // Only this form's summary: the paper editor above shows none.
    expect(parseFragment(html).querySelectorAll('[data-error-summary]')).toHaveLength(1);
  });

  it('links the editor\'s own fields by their ids', async () => {
    const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-02-31x', name: ' ', textMd: 'Bleibt' }, clerk);
    expect(response.status).toBe(422);
    const { links } = summaryOf(await response.text());
    expect(links.map(([href]) => href).sort()).toEqual(['#feld-date', '#feld-name']);
  });
});

describe('two people saving the same record', () => {
  it('merges changes to different fields: the second save succeeds and keeps the first one\'s change', async () => {
    const paperId = await createPaper('Vorlage zum Zusammenführen');
    expect((await postForm(`/verwaltung/vorlagen/${paperId}`, 'papers.save', paperFields(paperId, 1, { name: 'Neuer Titel von Ada' }), admin)).status).toBe(303);
    const second = await postForm(`/verwaltung/vorlagen/${paperId}`, 'papers.save', paperFields(paperId, 1, { name: 'Vorlage zum Zusammenführen', textMd: 'Neuer Text von Karl' }), clerk);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(`/verwaltung/vorlagen/${paperId}?hinweis=zusammengefuehrt`);
    const [row] = await db.select().from(t.paper).where(eq(t.paper.id, paperId));
    expect(row).toMatchObject({ version: 3, name: 'Neuer Titel von Ada', textMd: 'Neuer Text von Karl' });
  });

  it('answers the same field changed by both with 409 and shows both values with German dates, then saves once confirmed', async () => {
    const paperId = await createPaper('Vorlage mit Datumsstreit');
    expect((await postForm(`/verwaltung/vorlagen/${paperId}`, 'papers.save', paperFields(paperId, 1, { name: 'Vorlage mit Datumsstreit', date: '2026-11-05' }), admin)).status).toBe(303);
    const mine = paperFields(paperId, 1, { name: 'Vorlage mit Datumsstreit', date: '2026-11-07', textMd: 'Karls Text' });
    const refused = await postForm(`/verwaltung/vorlagen/${paperId}`, 'papers.save', mine, clerk);
    expect(refused.status).toBe(409);
    const html = await refused.text();
    const doc = parseFragment(html);
    // The admin is this file's own account (accountFor), named after the file.
    expect(summaryOf(html).links).toEqual([['#feld-date', `${adminName} hat „Datum der Vorlage“ ebenfalls geändert. Bitte vergleichen Sie beide Fassungen.`]]);
    const comparison = doc.querySelector('.conflict-section')!;
    expect(comparison.querySelector('h3')?.textContent).toBe('Datum der Vorlage');
    expect(Array.from(comparison.querySelectorAll('pre')).map((p) => p.textContent)).toEqual(['05.11.2026', '07.11.2026']);
    expect(comparison.textContent).toMatch(new RegExp(`${adminName} am \\d{2}\\.\\d{2}\\.\\d{4} um \\d{2}:\\d{2} Uhr \\(Version 2\\)`));
    expect(comparison.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The form keeps the clerk's input, still based on version 1, and names the version compared against.
    expect(doc.querySelector<HTMLInputElement>('#feld-date')?.getAttribute('value')).toBe('2026-11-07');
    expect(doc.querySelector('input[name="version"]')?.getAttribute('value')).toBe('1');
    expect(doc.querySelector('input[name="confirmedVersion"]')?.getAttribute('value')).toBe('2');
    expect((await db.select({ date: t.paper.date }).from(t.paper).where(eq(t.paper.id, paperId)))[0]!.date).toBe('2026-11-05');

    const confirmed = await postForm(`/verwaltung/vorlagen/${paperId}`, 'papers.save', { ...mine, confirmedVersion: '2' }, clerk);
    expect(confirmed.status).toBe(303);
    expect((await db.select().from(t.paper).where(eq(t.paper.id, paperId)))[0]).toMatchObject({ version: 3, date: '2026-11-07', textMd: 'Karls Text' });
  });
});

describe('follow-ups and the demand they belong to', () => {
  it('adds a follow-up although someone else changed only the demand\'s title meanwhile', async () => {
    const demand = await createDemand(await createPaper('Vorlage für Sachstände'));
    expect((await postForm(`/verwaltung/forderungen/${demand.id}`, 'demands.save', { id: String(demand.id), version: '1', title: 'Dolmetscherpool (neuer Titel)', textMd: 'Bitte einrichten.' }, admin)).status).toBe(303);
    const added = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.add', { demandId: String(demand.id), demandVersion: '1', date: '2026-11-10', kind: 'reply', textMd: 'Die Verwaltung prüft.', statusAfter: 'in_beratung', publish: 'on' }, clerk);
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`/verwaltung/forderungen/${demand.id}?hinweis=sachstand#sachstaende`);
    expect((await db.select().from(t.demand).where(eq(t.demand.id, demand.id)))[0]).toMatchObject({ title: 'Dolmetscherpool (neuer Titel)', status: 'in_beratung' });
  });

  it('refuses a status change chosen from a status someone else changed meanwhile, showing both statuses', async () => {
    const demand = await createDemand(await createPaper('Vorlage für Statusstreit'));
    expect((await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.add', { demandId: String(demand.id), demandVersion: '1', date: '2026-11-10', kind: 'reply', textMd: 'Erledigt ohne Umsetzung.', statusAfter: 'erledigt_ohne_umsetzung' }, admin)).status).toBe(303);
    const refused = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.add', { demandId: String(demand.id), demandVersion: '1', date: '2026-11-11', kind: 'reply', textMd: 'Mein Sachstand', statusAfter: 'in_beratung' }, clerk);
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(summaryOf(html).links.map(([href]) => href)).toEqual(['#sachstand-status']);
    const comparison = parseFragment(html).querySelector('.conflict-section')!;
    expect(Array.from(comparison.querySelectorAll('pre')).map((p) => p.textContent)).toEqual(['Erledigt ohne Umsetzung', 'In Beratung']);
    expect(html).toContain('Mein Sachstand</textarea>');
  });
});
