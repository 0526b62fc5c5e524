// Bad input through the real back office, as a browser without JavaScript posts it: dates that do not exist,
// ids of records that do not exist, references to another body's records, due dates before the paper's date and
// actions that do not exist. Each gets a 4xx with a German message, keeps what was typed and saves nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { serverUrl } from '../support/base-url';
import { clerkSetup, getPage, postForm } from '../support/back-office';
import { parseFragment } from '../support/html';

let db: Database;
let cookie: string;
let bodyId: string;
/** Seeded records of both bodies (read only). */
const seeded = { kreistag: '', gruene: '', auslaenderbehoerde: '', integrationsrat: '', auslaenderamt: '', nolte: '', aachenMeeting: '', aachenItem: '' };

const orgId = async (slug: string) => String((await db.select({ id: t.organization.id }).from(t.organization).where(eq(t.organization.slug, slug)))[0]!.id);

beforeAll(async () => {
  ({ db, cookie, bodyId } = await clerkSetup('landkreis-grafschaft-bentheim'));
  seeded.kreistag = await orgId('kreistag-grafschaft-bentheim');
  seeded.gruene = await orgId('gruene-kreistagsfraktion-grafschaft-bentheim');
  seeded.auslaenderbehoerde = await orgId('auslaenderbehoerde-grafschaft-bentheim');
  seeded.integrationsrat = await orgId('integrationsrat-staedteregion-aachen');
  seeded.auslaenderamt = await orgId('auslaenderamt-staedteregion-aachen');
  seeded.nolte = String((await db.select({ id: t.person.id }).from(t.person).where(eq(t.person.slug, 'nolte-staedteregion-aachen')))[0]!.id);
  const [meeting] = await db.select({ id: t.meeting.id }).from(t.meeting).where(eq(t.meeting.slug, '2022-02-02-integrationsrat'));
  seeded.aachenMeeting = String(meeting!.id);
  const [item] = await db.select({ id: t.agendaItem.id }).from(t.agendaItem).where(eq(t.agendaItem.meetingId, meeting!.id)).limit(1);
  seeded.aachenItem = String(item!.id);
});
afterAll(() => db?.$client.close());

/** The page's text of the error shown next to the field with this element id, or null. */
function fieldError(html: string, id: string): string | null {
  return parseFragment(html).querySelector(`[id="${id}-fehler"]`)?.textContent ?? null;
}

/** The value the form shows in the field with this element id (input value or textarea text). */
function fieldValue(html: string, id: string): string | null {
  const element = parseFragment(html).querySelector(`[id="${id}"]`);
  if (!element) return null;
  return element.tagName === 'TEXTAREA' ? element.textContent : element.getAttribute('value');
}

/** Creates a Landkreis paper through the form (date 2026-03-01 unless given) and returns its id. */
async function createPaper(name: string, fields: Record<string, string> = {}): Promise<string> {
  const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-03-01', name, intent: 'save', ...fields }, cookie);
  expect(response.status).toBe(303);
  return response.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]!;
}

/** Adds a demand to a paper through the paper editor and returns the new demand row. */
async function createDemand(paperId: string, fields: Record<string, string> = {}) {
  const response = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId, title: 'Prüfauftrag', textMd: 'Die Verwaltung möge prüfen.', ...fields }, cookie);
  expect(response.status).toBe(303);
  const rows = await db.select().from(t.demand).where(eq(t.demand.paperId, Number(paperId)));
  return rows.at(-1)!;
}

const demandsOf = async (paperId: string) => db.select().from(t.demand).where(eq(t.demand.paperId, Number(paperId)));
const papersNamed = async (name: string) => db.select({ id: t.paper.id }).from(t.paper).where(eq(t.paper.name, name));

describe('dates are real calendar days', () => {
  it.each([
    ['2026-02-31', 'Das Datum 31.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.'],
    ['2026-13-01', 'Das Datum 01.13.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.'],
    ['2025-02-29', 'Das Datum 29.02.2025 gibt es nicht. Bitte prüfen Sie Tag und Monat.'],
  ])('refuses the paper date %s, keeps the input and publishes nothing', async (date, message) => {
    const name = `Antrag mit Datum ${date}`;
    const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date, name, textMd: 'Begründung bleibt erhalten.', intent: 'publish' }, cookie);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(fieldError(html, 'feld-date')).toBe(message);
    expect(fieldValue(html, 'feld-date')).toBe(date);
    expect(fieldValue(html, 'feld-name')).toBe(name);
    expect(fieldValue(html, 'feld-textMd')).toBe('Begründung bleibt erhalten.');
    expect(await papersNamed(name)).toEqual([]);
  });

  it('accepts 29 February of a leap year', async () => {
    await createPaper('Antrag vom Schalttag', { date: '2024-02-29' });
    expect(await papersNamed('Antrag vom Schalttag')).toHaveLength(1);
  });

  it('refuses a demand due 2026-13-01; the tracker, its CSV, the calendar and the paper stay up', async () => {
    const paperId = await createPaper('Antrag Frist im 13. Monat', { intent: 'publish' });
    const response = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId, title: 'Frist im 13. Monat', textMd: 'Text bleibt.', dueDate: '2026-13-01' }, cookie);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(fieldError(html, 'forderung-frist')).toBe('Das Datum 01.13.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(fieldValue(html, 'forderung-frist')).toBe('2026-13-01');
    expect(fieldValue(html, 'forderung-titel')).toBe('Frist im 13. Monat');
    expect(fieldValue(html, 'forderung-text')).toBe('Text bleibt.');
    expect(await demandsOf(paperId)).toEqual([]);
    const [paper] = await db.select({ slug: t.paper.slug }).from(t.paper).where(eq(t.paper.id, Number(paperId)));
    for (const path of ['/forderungen', '/forderungen.csv', '/kalender/fristen.ics', `/vorlagen/${paper!.slug}`]) expect((await getPage(path)).status, path).toBe(200);
    expect((await getPage(`/verwaltung/vorlagen/${paperId}`, cookie)).status).toBe(200);
  });

  it('refuses a changed due date 2026-02-31 in the demand editor and keeps the stored one', async () => {
    const paperId = await createPaper('Antrag Forderung bearbeiten');
    const demand = await createDemand(paperId, { dueDate: '2026-06-30' });
    const response = await postForm(`/verwaltung/forderungen/${demand.id}`, 'demands.save', { id: String(demand.id), version: String(demand.version), title: 'Neuer Titel', textMd: 'Neuer Text', dueDate: '2026-02-31' }, cookie);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(fieldError(html, 'feld-dueDate')).toBe('Das Datum 31.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(fieldValue(html, 'feld-dueDate')).toBe('2026-02-31');
    expect(fieldValue(html, 'feld-title')).toBe('Neuer Titel');
    const [row] = await db.select().from(t.demand).where(eq(t.demand.id, demand.id));
    expect(row).toMatchObject({ title: 'Prüfauftrag', dueDate: '2026-06-30', version: demand.version });
  });

  it('refuses a follow-up dated 2026-02-30 and a next due date 2026-13-01, keeping the input', async () => {
    const paperId = await createPaper('Antrag Sachstand mit falschem Datum');
    const demand = await createDemand(paperId);
    const base = { demandId: String(demand.id), demandVersion: String(demand.version), kind: 'reply', textMd: 'Antwort der Verwaltung' };
    const badDate = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.add', { ...base, date: '2026-02-30' }, cookie);
    expect(badDate.status).toBe(422);
    const html = await badDate.text();
    expect(fieldError(html, 'sachstand-datum')).toBe('Das Datum 30.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(fieldValue(html, 'sachstand-datum')).toBe('2026-02-30');
    expect(fieldValue(html, 'sachstand-text')).toBe('Antwort der Verwaltung');
    const badNext = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.add', { ...base, date: '2026-04-01', nextDueDate: '2026-13-01' }, cookie);
    expect(badNext.status).toBe(422);
    const next = await badNext.text();
    expect(fieldError(next, 'sachstand-frist')).toBe('Das Datum 01.13.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(fieldValue(next, 'sachstand-frist')).toBe('2026-13-01');
    expect(await db.select().from(t.followUp).where(eq(t.followUp.demandId, demand.id))).toEqual([]);
  });

  it('refuses a corrected follow-up with a next due date 2026-02-31 and shows the typed value in that follow-up', async () => {
    const paperId = await createPaper('Antrag Sachstand korrigieren');
    const demand = await createDemand(paperId);
    const added = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.add', { demandId: String(demand.id), demandVersion: String(demand.version), date: '2026-04-01', kind: 'reply', textMd: 'Erste Antwort', publish: 'on' }, cookie);
    expect(added.status).toBe(303);
    const [fu] = await db.select().from(t.followUp).where(eq(t.followUp.demandId, demand.id));
    const response = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.edit', { id: String(fu!.id), version: String(fu!.version), date: '2026-04-01', kind: 'progress', textMd: 'Korrigierte Antwort', nextDueDate: '2026-02-31', publish: 'on' }, cookie);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(fieldError(html, `sachstand-${fu!.id}-frist`)).toBe('Das Datum 31.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(fieldValue(html, `sachstand-${fu!.id}-frist`)).toBe('2026-02-31');
    expect(fieldValue(html, `sachstand-${fu!.id}-text`)).toBe('Korrigierte Antwort');
    expect(parseFragment(html).querySelector(`[id="sachstand-${fu!.id}-art"] option[selected]`)?.getAttribute('value')).toBe('progress');
    const [row] = await db.select().from(t.followUp).where(eq(t.followUp.id, fu!.id));
    expect(row).toMatchObject({ textMd: 'Erste Antwort', nextDueDate: null, version: fu!.version });
  });

  it.each([
    ['start', { start: '2026-02-31T17:00' }, 'feld-start', '2026-02-31T17:00', 'Das Datum 31.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.'],
    ['start', { start: '2026-03-10T24:30' }, 'feld-start', '2026-03-10T24:30', 'Die Uhrzeit 24:30 gibt es nicht. Bitte geben Sie eine Uhrzeit von 00:00 bis 23:59 an.'],
    ['end', { start: '2026-03-10T17:00', end: '2026-13-01T19:00' }, 'feld-end', '2026-13-01T19:00', 'Das Datum 01.13.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.'],
  ])('refuses a meeting %s that does not exist and keeps the input', async (_field, times, id, typed, message) => {
    const name = `Sitzung mit falscher Zeit ${typed}`;
    const response = await postForm('/verwaltung/sitzungen/neu', 'meetings.save', { version: '0', bodyId, name, location: 'Kreishaus', ...times, intent: 'publish' }, cookie);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(fieldError(html, id)).toBe(message);
    expect(fieldValue(html, id)).toBe(typed);
    expect(fieldValue(html, 'feld-location')).toBe('Kreishaus');
    expect(await db.select().from(t.meeting).where(eq(t.meeting.name, name))).toEqual([]);
  });

  it('refuses a reply deadline that is no whole number for a body, keeping the input; an empty one is fine', async () => {
    const bad = await postForm('/verwaltung/stammdaten/koerperschaften/neu', 'masterData.save', { masterKind: 'koerperschaften', name: 'Gemeinde Fristenfeld', replyDeadlineDays: 'zehn' }, cookie);
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(fieldError(html, 'feld-replyDeadlineDays')).toBe('Bitte geben Sie eine ganze Zahl an.');
    expect(fieldValue(html, 'feld-replyDeadlineDays')).toBe('zehn');
    expect((await postForm('/verwaltung/stammdaten/koerperschaften/neu', 'masterData.save', { masterKind: 'koerperschaften', name: 'Gemeinde Fristenfeld' }, cookie)).status).toBe(303);
  });

  it('refuses an organization founded on 2025-02-29 and keeps the input', async () => {
    const response = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: 'Beirat ohne Gründungstag', kind: 'committee', startDate: '2025-02-29' }, cookie);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(fieldError(html, 'feld-startDate')).toBe('Das Datum 29.02.2025 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(fieldValue(html, 'feld-startDate')).toBe('2025-02-29');
    expect(fieldValue(html, 'feld-name')).toBe('Beirat ohne Gründungstag');
    expect(await db.select().from(t.organization).where(eq(t.organization.name, 'Beirat ohne Gründungstag'))).toEqual([]);
  });

  it('refuses membership dates that do not exist, new and corrected, keeping the input', async () => {
    const person = await postForm('/verwaltung/stammdaten/personen/neu', 'masterData.save', { masterKind: 'personen', bodyId, name: 'Hanna Datumsprüferin' }, cookie);
    expect(person.status).toBe(303);
    const personId = person.headers.get('location')!.match(/personen\/(\d+)/)![1]!;
    const path = `/verwaltung/stammdaten/personen/${personId}`;
    const bad = await postForm(path, 'memberships.save', { personId, organizationId: seeded.kreistag, role: 'Mitglied', startDate: '2026-02-31' }, cookie);
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(fieldError(html, 'neu-beginn')).toBe('Das Datum 31.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(fieldValue(html, 'neu-beginn')).toBe('2026-02-31');
    expect(fieldValue(html, 'neu-rolle')).toBe('Mitglied');
    expect(await db.select().from(t.membership).where(eq(t.membership.personId, Number(personId)))).toEqual([]);

    expect((await postForm(path, 'memberships.save', { personId, organizationId: seeded.kreistag, role: 'Mitglied', startDate: '2026-01-01' }, cookie)).status).toBe(303);
    const [m] = await db.select().from(t.membership).where(eq(t.membership.personId, Number(personId)));
    const edit = await postForm(path, 'memberships.save', { id: String(m!.id), version: String(m!.version), organizationId: seeded.kreistag, role: 'Vorsitz', startDate: '2026-01-01', endDate: '2026-13-01' }, cookie);
    expect(edit.status).toBe(422);
    const edited = await edit.text();
    expect(fieldError(edited, `ende-${m!.id}`)).toBe('Das Datum 01.13.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.');
    expect(fieldValue(edited, `ende-${m!.id}`)).toBe('2026-13-01');
    expect(fieldValue(edited, `rolle-${m!.id}`)).toBe('Vorsitz');
    const [row] = await db.select().from(t.membership).where(eq(t.membership.id, m!.id));
    expect(row).toMatchObject({ role: 'Mitglied', endDate: null });
  });
});

describe('ids of records that do not exist get a German message and 422, never a 500', () => {
  const missing = '99999';
  it('for papers: body, Federführung and originators', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ bodyId: missing }, 'feld-bodyId'],
      [{ underDirectionOfId: missing }, 'feld-underDirectionOfId'],
      [{ originatorOrganizationIds: missing }, 'feld-originatorOrganizationIds'],
      [{ originatorPersonIds: missing }, 'feld-originatorPersonIds'],
      [{ underDirectionOfId: 'abc' }, 'feld-underDirectionOfId'],
    ];
    for (const [fields, id] of cases) {
      const name = `Antrag mit unbekanntem Bezug ${id}`;
      const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-03-01', name, ...fields }, cookie);
      expect(response.status, id).toBe(422);
      const html = await response.text();
      expect(fieldError(html, id), id).toMatch(/gibt es nicht \(mehr\)|aus der Liste/);
      expect(fieldValue(html, 'feld-name'), id).toBe(name);
      expect(await papersNamed(name), id).toEqual([]);
    }
  });

  it('for an office that was moved to the trash', async () => {
    const office = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: 'Aufgelöstes Amt', kind: 'office' }, cookie);
    const officeId = office.headers.get('location')!.match(/gremien\/(\d+)/)![1]!;
    expect((await postForm(`/verwaltung/stammdaten/gremien/${officeId}`, 'records.trash', { table: 'organization', id: officeId, version: '1' }, cookie)).status).toBe(303);
    const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-03-01', name: 'Antrag an ein aufgelöstes Amt', underDirectionOfId: officeId }, cookie);
    expect(response.status).toBe(422);
    expect(fieldError(await response.text(), 'feld-underDirectionOfId')).toBe('Den gewählten Eintrag gibt es nicht (mehr). Bitte wählen Sie einen Eintrag aus der Liste.');
    expect(await papersNamed('Antrag an ein aufgelöstes Amt')).toEqual([]);
  });

  it('for demands, follow-ups, Beratungsfolge and relations of a paper', async () => {
    const paperId = await createPaper('Antrag für unbekannte Bezüge');
    const demandPost = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId, title: 'Zuständig unbekannt', textMd: 'x', responsibleOrganizationId: missing }, cookie);
    expect(demandPost.status).toBe(422);
    expect(fieldError(await demandPost.text(), 'forderung-zustaendig')).toContain('gibt es nicht (mehr)');
    const wrongPaper = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId: missing, title: 'Vorlage unbekannt', textMd: 'x' }, cookie);
    expect(wrongPaper.status).toBe(422);
    expect(await wrongPaper.text()).toContain('Diesen Datensatz gibt es nicht (mehr).');
    expect(await demandsOf(paperId)).toEqual([]);

    for (const [fields, id] of [[{ organizationId: missing }, 'beratung-gremium'], [{ meetingId: missing }, 'beratung-sitzung'], [{ agendaItemId: missing }, 'beratung-top']] as const) {
      const response = await postForm(`/verwaltung/vorlagen/${paperId}`, 'paperLinks.consult', { paperId, role: 'Vorberatung', ...fields }, cookie);
      expect(response.status, id).toBe(422);
      const html = await response.text();
      expect(fieldError(html, id), id).toContain('gibt es nicht (mehr)');
      expect(fieldValue(html, 'beratung-rolle'), id).toBe('Vorberatung');
    }
    const consultOnMissing = await postForm(`/verwaltung/vorlagen/${paperId}`, 'paperLinks.consult', { paperId: missing, organizationId: seeded.kreistag }, cookie);
    expect(consultOnMissing.status).toBe(422);
    expect(await db.select().from(t.consultation).where(eq(t.consultation.paperId, Number(paperId)))).toEqual([]);

    const relateTo = await postForm(`/verwaltung/vorlagen/${paperId}`, 'paperLinks.relate', { fromPaperId: paperId, toPaperId: missing, kind: 'repliesTo' }, cookie);
    expect(relateTo.status).toBe(422);
    expect(fieldError(await relateTo.text(), 'beziehung-ziel')).toBe('Diese Vorlage gibt es nicht (mehr).');
    const relateFrom = await postForm(`/verwaltung/vorlagen/${paperId}`, 'paperLinks.relate', { fromPaperId: missing, toPaperId: paperId, kind: 'repliesTo' }, cookie);
    expect(relateFrom.status).toBe(422);
    expect(await relateFrom.text()).toContain('Diesen Datensatz gibt es nicht (mehr).');

    const demand = await createDemand(paperId);
    const followUp = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.add', { demandId: missing, demandVersion: '1', date: '2026-04-01', kind: 'reply', textMd: 'x' }, cookie);
    expect(followUp.status).toBe(422);
    expect(await followUp.text()).toContain('Diesen Datensatz gibt es nicht (mehr).');
    const edit = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.edit', { id: missing, version: '1', date: '2026-04-01', kind: 'reply', textMd: 'x' }, cookie);
    expect(edit.status).toBe(422);
    expect(await edit.text()).toContain('Diesen Datensatz gibt es nicht (mehr).');
  });

  it('for meetings, agenda items, master data and memberships', async () => {
    const meetingCases: [Record<string, string>, string][] = [[{ bodyId: missing }, 'feld-bodyId'], [{ organizationIds: missing }, 'feld-organizationIds']];
    for (const [fields, id] of meetingCases) {
      const response = await postForm('/verwaltung/sitzungen/neu', 'meetings.save', { version: '0', bodyId, name: `Sitzung ${id}`, start: '2026-03-10T17:00', ...fields }, cookie);
      expect(response.status, id).toBe(422);
      expect(fieldError(await response.text(), id), id).toContain('gibt es nicht (mehr)');
    }
    const meeting = await postForm('/verwaltung/sitzungen/neu', 'meetings.save', { version: '0', bodyId, name: 'Sitzung für unbekannte Punkte', start: '2026-03-10T17:00' }, cookie);
    const meetingId = meeting.headers.get('location')!.match(/sitzungen\/(\d+)/)![1]!;
    for (const [action, fields] of [['agenda.save', { meetingId: missing, number: 'Ö 1', name: 'x' }], ['agenda.save', { id: missing, version: '1', number: 'Ö 1', name: 'x' }], ['agenda.move', { id: missing, direction: 'up' }]] as const) {
      const response = await postForm(`/verwaltung/sitzungen/${meetingId}`, action, fields, cookie);
      expect(response.status, action).toBe(422);
      expect(await response.text(), action).toContain('Diesen Datensatz gibt es nicht (mehr).');
    }
    for (const [kind, fields, id] of [['gremien', { bodyId: missing, kind: 'committee' }, 'feld-bodyId'], ['gremien', { bodyId, kind: 'committee', parentId: missing }, 'feld-parentId'], ['personen', { bodyId: missing }, 'feld-bodyId']] as const) {
      const response = await postForm(`/verwaltung/stammdaten/${kind}/neu`, 'masterData.save', { masterKind: kind, name: `Unbekannter Bezug ${kind} ${id}`, ...fields }, cookie);
      expect(response.status, `${kind} ${id}`).toBe(422);
      const html = await response.text();
      expect(fieldError(html, id), `${kind} ${id}`).toContain('gibt es nicht (mehr)');
      expect(fieldValue(html, 'feld-name')).toBe(`Unbekannter Bezug ${kind} ${id}`);
    }
    const person = await postForm('/verwaltung/stammdaten/personen/neu', 'masterData.save', { masterKind: 'personen', bodyId, name: 'Paul Bezugsprüfer' }, cookie);
    const personId = person.headers.get('location')!.match(/personen\/(\d+)/)![1]!;
    const membership = await postForm(`/verwaltung/stammdaten/personen/${personId}`, 'memberships.save', { personId, organizationId: missing, role: 'Mitglied' }, cookie);
    expect(membership.status).toBe(422);
    expect(fieldError(await membership.text(), 'neu-gremium')).toContain('gibt es nicht (mehr)');
    expect(await db.select().from(t.membership).where(eq(t.membership.personId, Number(personId)))).toEqual([]);
  });
});

describe('references across bodies are refused', () => {
  const otherBody = /gehört zu einer anderen Körperschaft\. Bitte wählen Sie einen Eintrag der Körperschaft „Landkreis Grafschaft Bentheim“\./;

  it('a Landkreis paper cannot have an Aachen office as Federführung, nor Aachen originators', async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ underDirectionOfId: seeded.auslaenderamt }, 'feld-underDirectionOfId'],
      [{ originatorOrganizationIds: [seeded.gruene, seeded.integrationsrat] }, 'feld-originatorOrganizationIds'],
      [{ originatorPersonIds: seeded.nolte }, 'feld-originatorPersonIds'],
    ];
    for (const [fields, id] of cases) {
      const name = `Antrag mit fremdem Bezug ${id}`;
      const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId, paperType: 'antrag', date: '2026-03-01', name, ...fields }, cookie);
      expect(response.status, id).toBe(422);
      const html = await response.text();
      expect(fieldError(html, id), id).toMatch(otherBody);
      expect(await papersNamed(name), id).toEqual([]);
    }
    expect(await createPaper('Antrag mit eigener Federführung', { underDirectionOfId: seeded.auslaenderbehoerde, originatorOrganizationIds: seeded.gruene })).toMatch(/^\d+$/);
  });

  it('refuses another body\'s organization, meeting or agenda item in the Beratungsfolge and as responsible office', async () => {
    const paperId = await createPaper('Antrag mit fremder Beratung');
    const cases: [Record<string, string>, string][] = [[{ organizationId: seeded.integrationsrat }, 'beratung-gremium'], [{ meetingId: seeded.aachenMeeting }, 'beratung-sitzung'], [{ agendaItemId: seeded.aachenItem }, 'beratung-top']];
    for (const [fields, id] of cases) {
      const response = await postForm(`/verwaltung/vorlagen/${paperId}`, 'paperLinks.consult', { paperId, ...fields }, cookie);
      expect(response.status, id).toBe(422);
      expect(fieldError(await response.text(), id), id).toMatch(/anderen Körperschaft/);
    }
    expect(await db.select().from(t.consultation).where(eq(t.consultation.paperId, Number(paperId)))).toEqual([]);
    const demand = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { paperId, title: 'Fremd zuständig', textMd: 'x', responsibleOrganizationId: seeded.auslaenderamt }, cookie);
    expect(demand.status).toBe(422);
    const html = await demand.text();
    expect(fieldError(html, 'forderung-zustaendig')).toMatch(otherBody);
    expect(parseFragment(html).querySelector('[id="forderung-zustaendig"] option[selected]')?.getAttribute('value')).toBe(seeded.auslaenderamt);
    expect(await demandsOf(paperId)).toEqual([]);
  });

  it('refuses another body\'s committee for a meeting, a membership or a parent organization', async () => {
    const meeting = await postForm('/verwaltung/sitzungen/neu', 'meetings.save', { version: '0', bodyId, name: 'Kreistag mit fremdem Gremium', start: '2026-03-10T17:00', organizationIds: [seeded.kreistag, seeded.integrationsrat] }, cookie);
    expect(meeting.status).toBe(422);
    expect(fieldError(await meeting.text(), 'feld-organizationIds')).toMatch(otherBody);
    expect(await db.select().from(t.meeting).where(eq(t.meeting.name, 'Kreistag mit fremdem Gremium'))).toEqual([]);

    const person = await postForm('/verwaltung/stammdaten/personen/neu', 'masterData.save', { masterKind: 'personen', bodyId, name: 'Greta Kreisgrenze' }, cookie);
    const personId = person.headers.get('location')!.match(/personen\/(\d+)/)![1]!;
    const membership = await postForm(`/verwaltung/stammdaten/personen/${personId}`, 'memberships.save', { personId, organizationId: seeded.integrationsrat, role: 'Mitglied' }, cookie);
    expect(membership.status).toBe(422);
    expect(fieldError(await membership.text(), 'neu-gremium')).toMatch(otherBody);
    const onBehalf = await postForm(`/verwaltung/stammdaten/personen/${personId}`, 'memberships.save', { personId, organizationId: seeded.kreistag, role: 'Mitglied', onBehalfOfId: seeded.integrationsrat }, cookie);
    expect(onBehalf.status).toBe(422);
    expect(await db.select().from(t.membership).where(eq(t.membership.personId, Number(personId)))).toEqual([]);

    const org = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: 'Unterausschuss mit fremdem Dach', kind: 'committee', parentId: seeded.integrationsrat }, cookie);
    expect(org.status).toBe(422);
    expect(fieldError(await org.text(), 'feld-parentId')).toMatch(otherBody);
  });

  it('refuses an organization as its own parent and a circle of parents', async () => {
    const create = async (name: string, parentId = '') => {
      const response = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name, kind: 'committee', parentId }, cookie);
      expect(response.status).toBe(303);
      return response.headers.get('location')!.match(/gremien\/(\d+)/)![1]!;
    };
    const upper = await create('Oberausschuss Kreis');
    const lower = await create('Unterausschuss Kreis', upper);
    const self = await postForm(`/verwaltung/stammdaten/gremien/${upper}`, 'masterData.save', { masterKind: 'gremien', id: upper, version: '1', bodyId, name: 'Oberausschuss Kreis', kind: 'committee', parentId: upper }, cookie);
    expect(self.status).toBe(422);
    expect(fieldError(await self.text(), 'feld-parentId')).toBe('Ein Gremium kann sich nicht selbst übergeordnet sein.');
    const circle = await postForm(`/verwaltung/stammdaten/gremien/${upper}`, 'masterData.save', { masterKind: 'gremien', id: upper, version: '1', bodyId, name: 'Oberausschuss Kreis', kind: 'committee', parentId: lower }, cookie);
    expect(circle.status).toBe(422);
    expect(fieldError(await circle.text(), 'feld-parentId')).toContain('„Unterausschuss Kreis“ ist diesem Gremium bereits untergeordnet');
    const [row] = await db.select().from(t.organization).where(eq(t.organization.id, Number(upper)));
    expect(row).toMatchObject({ parentId: null, version: 1 });
  });
});

describe('a due date before the paper\'s date needs a confirmation', () => {
  it('refuses it with a German message and a checkbox, and saves it once the clerk confirms', async () => {
    const paperId = await createPaper('Antrag mit früher Frist', { date: '2026-03-01' });
    const fields = { paperId, title: 'Frühe Frist', textMd: 'Bis Februar.', dueDate: '2026-02-15' };
    const refused = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', fields, cookie);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(fieldError(html, 'forderung-frist-bestaetigen')).toBe('Die Frist 15.02.2026 liegt vor dem Datum der Vorlage (01.03.2026). Bitte prüfen Sie die Frist. Ist sie richtig, bestätigen Sie das mit dem Kästchen.');
    expect(parseFragment(html).querySelector('label[for="forderung-frist-bestaetigen"]')?.textContent).toBe('Frist liegt vor dem Datum der Vorlage – trotzdem speichern');
    expect(fieldValue(html, 'forderung-frist')).toBe('2026-02-15');
    expect(await demandsOf(paperId)).toEqual([]);
    // Without the message the checkbox is not offered.
    expect((await getPage(`/verwaltung/vorlagen/${paperId}`, cookie)).html).not.toContain('forderung-frist-bestaetigen');

    const confirmed = await postForm(`/verwaltung/vorlagen/${paperId}`, 'demands.save', { ...fields, confirmDueDate: 'on' }, cookie);
    expect(confirmed.status).toBe(303);
    const [demand] = await demandsOf(paperId);
    expect(demand).toMatchObject({ dueDate: '2026-02-15' });
    // Saving the demand again with the confirmed date needs no second confirmation; a new early date does.
    const again = await postForm(`/verwaltung/forderungen/${demand!.id}`, 'demands.save', { id: String(demand!.id), version: String(demand!.version), title: 'Frühe Frist (geprüft)', textMd: 'Bis Februar.', dueDate: '2026-02-15' }, cookie);
    expect(again.status).toBe(303);
    const earlier = await postForm(`/verwaltung/forderungen/${demand!.id}`, 'demands.save', { id: String(demand!.id), version: String(demand!.version + 1), title: 'Frühe Frist (geprüft)', textMd: 'Bis Februar.', dueDate: '2026-01-15' }, cookie);
    expect(earlier.status).toBe(422);
    expect(parseFragment(await earlier.text()).querySelector('label[for="feld-confirmDueDate"]')?.textContent).toBe('Frist liegt vor dem Datum der Vorlage – trotzdem speichern');
  });

  it('a follow-up\'s next due date before its own date needs a confirmation too', async () => {
    const paperId = await createPaper('Antrag mit früher Wiedervorlage');
    const demand = await createDemand(paperId);
    const fields = { demandId: String(demand.id), demandVersion: String(demand.version), date: '2026-04-10', kind: 'promise', textMd: 'Zusage bis Anfang April.', nextDueDate: '2026-04-01' };
    const refused = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.add', fields, cookie);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(fieldError(html, 'sachstand-frist-bestaetigen')).toBe('Die nächste Frist 01.04.2026 liegt vor dem Datum des Sachstands (10.04.2026). Bitte prüfen Sie die Frist. Ist sie richtig, bestätigen Sie das mit dem Kästchen.');
    expect(parseFragment(html).querySelector('label[for="sachstand-frist-bestaetigen"]')?.textContent).toBe('Nächste Frist liegt vor dem Datum des Sachstands – trotzdem speichern');
    expect(fieldValue(html, 'sachstand-text')).toBe('Zusage bis Anfang April.');
    expect(await db.select().from(t.followUp).where(eq(t.followUp.demandId, demand.id))).toEqual([]);
    const confirmed = await postForm(`/verwaltung/forderungen/${demand.id}`, 'followUps.add', { ...fields, confirmNextDueDate: 'on' }, cookie);
    expect(confirmed.status).toBe(303);
    expect(await db.select().from(t.followUp).where(and(eq(t.followUp.demandId, demand.id), eq(t.followUp.nextDueDate, '2026-04-01')))).toHaveLength(1);
  });
});

describe('actions that do not exist', () => {
  it('a page form with an unknown _action gets 404 with a German message and changes nothing', async () => {
    const paperId = await createPaper('Antrag für unbekannte Aktion');
    for (const action of ['does.notExist', 'papers.delete', 'papers']) {
      const response = await postForm(`/verwaltung/vorlagen/${paperId}`, action, { id: paperId, name: 'Umbenannt' }, cookie);
      expect(response.status, action).toBe(404);
      const html = await response.text();
      expect(html, action).toContain('Diese Aktion gibt es nicht. Bitte laden Sie die Seite neu');
      expect(html, action).toContain('Es wurde nichts gespeichert.');
    }
    expect(await papersNamed('Umbenannt')).toEqual([]);
  });

  it('an RPC call to an unknown action gets 404 with a German message', async () => {
    const response = await fetch(serverUrl('/_actions/does.notExist'), { method: 'POST', headers: { Origin: inject('baseUrl'), Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Diese Aktion gibt es nicht.') });
  });

  it('a post to an action that is no form (broken JSON, for instance) gets 415 with a German message, not a 500', async () => {
    for (const [type, body] of [['application/json', '{bad'], ['application/json', '{"name":"x"}'], ['text/plain', 'a=1']] as const) {
      const response = await fetch(serverUrl('/_actions/papers.save'), { method: 'POST', headers: { Origin: inject('baseUrl'), Cookie: cookie, 'Content-Type': type }, body });
      expect(response.status, `${type} ${body}`).toBe(415);
      expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('nur Formulardaten') });
    }
    const anonymous = await fetch(serverUrl('/_actions/auth.login'), { method: 'POST', headers: { Origin: inject('baseUrl'), 'Content-Type': 'application/json' }, body: '{bad' });
    expect(anonymous.status).toBe(415);
  });

  it('an anonymous post to an unknown action gets the same 404', async () => {
    const response = await postForm('/vorlagen', 'does.notExist', {});
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Diese Aktion gibt es nicht.');
  });
});
