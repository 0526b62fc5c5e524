// Change log, trash and version history name the records an entry refers to: the person and organization of a
// membership, the paper of a consultation, both papers of a relation, and the organizations of a changed Federführung.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { clerkSetup, findInAuditLog, getPage, postForm } from '../support/back-office';
import { uniqueName } from '../support/unique';

let db: Database;
let cookie: string;
let bodyId: string;
const names = {
  council: uniqueName('Integrationsrat Namensprobe'),
  oldOffice: uniqueName('Ausländeramt Namensprobe'),
  newOffice: uniqueName('Sozialamt Namensprobe'),
  person: uniqueName('Erika Teststein'),
  motion: uniqueName('Antrag Namensprobe'),
  reply: uniqueName('Mitteilungsvorlage Namensprobe'),
};
const ids = { council: 0, oldOffice: 0, newOffice: 0, person: 0, motion: 0, reply: 0, membership: 0, consultation: 0 };

/** Text of a page without tags, whitespace collapsed (names sit inside links and table cells). */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const idFrom = (response: Response, pattern: RegExp) => Number(response.headers.get('location')!.match(pattern)![1]);

async function created(path: string, action: string, fields: Record<string, string>, pattern: RegExp): Promise<number> {
  const response = await postForm(path, action, fields, cookie);
  expect(response.status, `${action} ${JSON.stringify(fields)}`).toBe(303);
  return idFrom(response, pattern);
}

async function versionOf(table: typeof t.organization | typeof t.membership | typeof t.paper, id: number): Promise<string> {
  const [row] = await db.select({ version: table.version }).from(table).where(eq(table.id, id));
  return String(row!.version);
}

beforeAll(async () => {
  ({ db, cookie, bodyId } = await clerkSetup('staedteregion-aachen'));
  const organization = (name: string, kind: string) => created('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name, kind, intent: 'publish' }, /gremien\/(\d+)/);
  ids.council = await organization(names.council, 'committee');
  ids.oldOffice = await organization(names.oldOffice, 'office');
  ids.newOffice = await organization(names.newOffice, 'office');
  ids.person = await created('/verwaltung/stammdaten/personen/neu', 'masterData.save', { masterKind: 'personen', bodyId, name: names.person, intent: 'publish' }, /personen\/(\d+)/);
  expect((await postForm(`/verwaltung/stammdaten/personen/${ids.person}`, 'memberships.save', { personId: String(ids.person), organizationId: String(ids.council), role: 'Leitung', startDate: '2025-01-01' }, cookie)).status).toBe(303);
  ids.membership = (await db.select({ id: t.membership.id }).from(t.membership).where(eq(t.membership.personId, ids.person)))[0]!.id;

  const paper = (name: string, paperType: string, extra: Record<string, string> = {}) =>
    created('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType, date: '2026-03-01', name, intent: 'publish', ...extra }, /vorlagen\/(\d+)/);
  ids.motion = await paper(names.motion, 'antrag', { underDirectionOfId: String(ids.oldOffice) });
  ids.reply = await paper(names.reply, 'mitteilungsvorlage');

  const consult = await postForm(`/verwaltung/vorlagen/${ids.motion}`, 'paperLinks.consult', { paperId: String(ids.motion), organizationId: String(ids.council), role: 'Kenntnisnahme' }, cookie);
  expect(consult.status).toBe(303);
  ids.consultation = (await db.select({ id: t.consultation.id }).from(t.consultation).where(and(eq(t.consultation.paperId, ids.motion), eq(t.consultation.organizationId, ids.council))))[0]!.id;
  const relate = await postForm(`/verwaltung/vorlagen/${ids.reply}`, 'paperLinks.relate', { fromPaperId: String(ids.reply), toPaperId: String(ids.motion), kind: 'repliesTo' }, cookie);
  expect(relate.status).toBe(303);

  // The Federführung moves from one office to the other.
  const move = await postForm(`/verwaltung/vorlagen/${ids.motion}`, 'papers.save', {
    id: String(ids.motion), version: await versionOf(t.paper, ids.motion), bodyId, paperType: 'antrag', date: '2026-03-01', name: names.motion, underDirectionOfId: String(ids.newOffice), intent: 'save',
  }, cookie);
  expect(move.status).toBe(303);

  // The membership and the former office go to the trash.
  const trash = (page: string, table: string, id: number, version: string) => postForm(page, 'records.trash', { table, id: String(id), version }, cookie);
  expect((await trash(`/verwaltung/stammdaten/personen/${ids.person}`, 'membership', ids.membership, await versionOf(t.membership, ids.membership))).status).toBe(303);
  expect((await trash(`/verwaltung/stammdaten/gremien/${ids.oldOffice}`, 'organization', ids.oldOffice, await versionOf(t.organization, ids.oldOffice))).status).toBe(303);
});

afterAll(() => db?.$client.close());

describe('change log', () => {
  it('names a membership by person, organization and role', async () => {
    const entry = `Mitgliedschaft von ${names.person} im ${names.council} (Leitung)`;
    const html = await findInAuditLog(entry, cookie);
    expect(html, entry).not.toBeNull();
    expect(html).toContain(`href="/verwaltung/verlauf/membership/${ids.membership}"`);
    expect(text(html!)).not.toContain(`(Person ${ids.person})`);
  });

  it('names a consultation by its paper and organization', async () => {
    const entry = `Beratung von „${names.motion}“ im ${names.council} (Kenntnisnahme)`;
    const html = await findInAuditLog(entry, cookie);
    expect(html, entry).not.toBeNull();
    expect(text(html!)).not.toContain(`(Vorlage ${ids.motion})`);
  });

  it('names both papers of a relation', async () => {
    const entry = `Verknüpfung: „${names.motion}“ beantwortet durch „${names.reply}“`;
    const html = await findInAuditLog(entry, cookie);
    expect(html, entry).not.toBeNull();
    expect(text(html!)).not.toContain(`${ids.reply} → ${ids.motion}`);
  });
});

describe('trash', () => {
  it('names a trashed membership by person and organization', async () => {
    const { status, html } = await getPage('/verwaltung/papierkorb', cookie);
    expect(status).toBe(200);
    const page = text(html);
    expect(page).toContain(`Mitgliedschaft von ${names.person} im ${names.council} (Leitung)`);
    expect(page).toContain(`„Mitgliedschaft von ${names.person} im ${names.council} (Leitung)“ zurückholen`);
    expect(page).not.toContain(`(Person ${ids.person})`);
  });
});

describe('version history', () => {
  it('shows a changed Federführung by the offices’ names, the former one marked as trashed', async () => {
    const { status, html } = await getPage(`/verwaltung/verlauf/paper/${ids.motion}`, cookie);
    expect(status).toBe(200);
    const row = html.match(/<th scope="row">Federführung<\/th>\s*<td[^>]*>([\s\S]*?)<\/td>/);
    expect(row, 'Zeile „Federführung“ im Vergleich').not.toBeNull();
    expect(row![1]).toContain(`<del class="diff">${names.oldOffice} (im Papierkorb)</del>`);
    expect(row![1]).toContain(`<ins class="diff">${names.newOffice}</ins>`);
    expect(text(row![1]!)).not.toMatch(new RegExp(`\\b${ids.oldOffice}\\b|\\b${ids.newOffice}\\b`));
  });

  it('titles a membership by person, organization and role', async () => {
    const { status, html } = await getPage(`/verwaltung/verlauf/membership/${ids.membership}`, cookie);
    expect(status).toBe(200);
    expect(text(html)).toContain(`Versionen: Mitgliedschaft von ${names.person} im ${names.council} (Leitung)`);
    expect(text(html)).not.toContain(`(Person ${ids.person})`);
  });

  it('titles a consultation by its paper and organization', async () => {
    const { status, html } = await getPage(`/verwaltung/verlauf/consultation/${ids.consultation}`, cookie);
    expect(status).toBe(200);
    expect(text(html)).toContain(`Versionen: Beratung von „${names.motion}“ im ${names.council} (Kenntnisnahme)`);
  });
});
