// Moving a record to another body (Körperschaft) after it was saved: while records of the old body still point to
// it, the save is refused with a German message next to the body field and nothing is written; without such
// references it goes through. A paper's later date that existing due dates fall before needs a confirmation.
// Every record here is this file's own, created through the back-office forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { clerkSetup, getPage, postForm } from '../support/back-office';
import { parseFragment } from '../support/html';
import { uniqueName } from '../support/unique';

let db: Database;
let cookie: string;
/** Landkreis Grafschaft Bentheim (where the records start) and Städteregion Aachen (where they are moved to). */
let bentheim: string;
let aachen: string;
let bentheimName: string;

beforeAll(async () => {
  ({ db, cookie, bodyId: bentheim } = await clerkSetup('landkreis-grafschaft-bentheim'));
  const [other] = await db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'staedteregion-aachen'));
  aachen = String(other!.id);
  bentheimName = (await db.select({ name: t.body.name }).from(t.body).where(eq(t.body.id, Number(bentheim))))[0]!.name;
});

afterAll(() => db?.$client.close());

/** The text of the error next to the field with this element id, or null. */
function fieldError(html: string, id: string): string | null {
  return parseFragment(html).querySelector(`[id="${id}-fehler"]`)?.textContent ?? null;
}

const idFrom = (response: Response, segment: string) => Number(response.headers.get('location')!.match(new RegExp(`${segment}/(\\d+)`))![1]);

/** Creates a paper of the Landkreis through the form and returns its stored row. */
async function createPaper(name: string, date = '2026-03-01') {
  const response = await postForm('/verwaltung/vorlagen/neu', 'papers.save', { version: '0', bodyId: bentheim, paperType: 'antrag', date, name, intent: 'save' }, cookie);
  expect(response.status).toBe(303);
  return paperRow(idFrom(response, 'vorlagen'));
}

const paperRow = async (id: number) => (await db.select().from(t.paper).where(eq(t.paper.id, id)))[0]!;

/** Posts the paper editor for `paper` with its stored values and the given changes. */
function savePaperForm(paper: typeof t.paper.$inferSelect, changes: Record<string, string>) {
  return postForm(`/verwaltung/vorlagen/${paper.id}`, 'papers.save', { id: String(paper.id), version: String(paper.version), bodyId: String(paper.bodyId), paperType: paper.paperType, date: paper.date, name: paper.name, intent: 'save', ...changes }, cookie);
}

/** Creates an organization or person of the Landkreis through the master-data form and returns its id. */
async function createMaster(kind: 'gremien' | 'personen', fields: Record<string, string>): Promise<number> {
  const response = await postForm(`/verwaltung/stammdaten/${kind}/neu`, 'masterData.save', { masterKind: kind, bodyId: bentheim, intent: 'publish', ...fields }, cookie);
  expect(response.status).toBe(303);
  return idFrom(response, kind);
}

/** Adds a membership of the person in the organization through the person's editor. */
async function addMembership(personId: number, organizationId: number) {
  const response = await postForm(`/verwaltung/stammdaten/personen/${personId}`, 'memberships.save', { personId: String(personId), organizationId: String(organizationId), role: 'Mitglied', startDate: '2025-01-01' }, cookie);
  expect(response.status).toBe(303);
}

describe('moving a paper to another body', () => {
  it('is refused while its Beratungsfolge and a demand name a committee of the old body, and nothing is saved', async () => {
    const committee = await createMaster('gremien', { name: uniqueName('Ausschuss für Kreisstraßen'), kind: 'committee' });
    const paper = await createPaper(uniqueName('Antrag Radweg an der Kreisstraße'));
    const consult = await postForm(`/verwaltung/vorlagen/${paper.id}`, 'paperLinks.consult', { paperId: String(paper.id), organizationId: String(committee), role: 'Vorberatung' }, cookie);
    expect(consult.status).toBe(303);
    const demand = await postForm(`/verwaltung/vorlagen/${paper.id}`, 'demands.save', { paperId: String(paper.id), title: 'Prüfauftrag', textMd: 'Die Verwaltung möge prüfen.', responsibleOrganizationId: String(committee) }, cookie);
    expect(demand.status).toBe(303);

    const moved = await savePaperForm(paper, { bodyId: aachen, name: `${paper.name} (verschoben)` });
    expect(moved.status).toBe(422);
    const html = await moved.text();
    expect(fieldError(html, 'feld-bodyId')).toBe(
      `Diese Vorlage hat noch 1 Beratung in Gremien oder Sitzungen und 1 Forderung mit zuständiger Stelle der Körperschaft „${bentheimName}“. Bitte entfernen Sie diese zuerst oder legen Sie die Vorlage neu an.`,
    );
    // The form keeps what was typed.
    expect(html).toContain(`${paper.name} (verschoben)`);
    expect(await paperRow(paper.id)).toMatchObject({ bodyId: Number(bentheim), name: paper.name, version: paper.version });
  });

  it('goes through when nothing of the old body points to it', async () => {
    const paper = await createPaper(uniqueName('Anfrage Schulbus'));
    const moved = await savePaperForm(paper, { bodyId: aachen });
    expect(moved.status).toBe(303);
    expect(await paperRow(paper.id)).toMatchObject({ bodyId: Number(aachen), version: paper.version + 1 });
  });
});

describe('every kind of reference is counted (each query runs, none fails)', () => {
  it('refuses a paper with a relation to and a follow-up citing a paper of the old body', async () => {
    const motion = await createPaper(uniqueName('Antrag mit Antwort'));
    const reply = await createPaper(uniqueName('Antwort der Verwaltung'));
    expect((await postForm(`/verwaltung/vorlagen/${reply.id}`, 'paperLinks.relate', { fromPaperId: String(reply.id), toPaperId: String(motion.id), kind: 'repliesTo' }, cookie)).status).toBe(303);
    expect((await postForm(`/verwaltung/vorlagen/${motion.id}`, 'demands.save', { paperId: String(motion.id), title: 'Prüfung', textMd: 'Bitte prüfen.' }, cookie)).status).toBe(303);
    const [demand] = await db.select().from(t.demand).where(eq(t.demand.paperId, motion.id));
    expect((await postForm(`/verwaltung/forderungen/${demand!.id}`, 'followUps.add', { demandId: String(demand!.id), demandVersion: String(demand!.version), date: '2026-03-10', kind: 'reply', textMd: 'Antwort liegt vor.', sourcePaperId: String(reply.id), publish: 'on' }, cookie)).status).toBe(303);

    for (const paper of [motion, reply]) {
      const moved = await savePaperForm(await paperRow(paper.id), { bodyId: aachen });
      expect(moved.status, paper.name).toBe(422);
      expect(fieldError(await moved.text(), 'feld-bodyId'), paper.name).toContain(`der Körperschaft „${bentheimName}“`);
      expect((await paperRow(paper.id)).bodyId).toBe(Number(bentheim));
    }
  });

  it('refuses a meeting with a Beratungsfolge step of the old body, and moves one without', async () => {
    const committee = await createMaster('gremien', { name: uniqueName('Ausschuss Sitzungsumzug'), kind: 'committee' });
    const meetingFields = (name: string) => ({ version: '0', bodyId: bentheim, name, start: '2026-12-10T17:00', intent: 'save' });
    const withStep = await postForm('/verwaltung/sitzungen/neu', 'meetings.save', meetingFields(uniqueName('Sitzung mit Beratung')), cookie);
    const plain = await postForm('/verwaltung/sitzungen/neu', 'meetings.save', meetingFields(uniqueName('Sitzung ohne Bezüge')), cookie);
    const [withStepId, plainId] = [idFrom(withStep, 'sitzungen'), idFrom(plain, 'sitzungen')];
    const paper = await createPaper(uniqueName('Vorlage für die Sitzung'));
    expect((await postForm(`/verwaltung/vorlagen/${paper.id}`, 'paperLinks.consult', { paperId: String(paper.id), organizationId: String(committee), meetingId: String(withStepId), role: 'Entscheidung' }, cookie)).status).toBe(303);

    const move = async (id: number) => {
      const [row] = await db.select().from(t.meeting).where(eq(t.meeting.id, id));
      return postForm(`/verwaltung/sitzungen/${id}`, 'meetings.save', { id: String(id), version: String(row!.version), bodyId: aachen, name: row!.name, start: '2026-12-10T17:00', intent: 'save' }, cookie);
    };
    const refused = await move(withStepId);
    expect(refused.status).toBe(422);
    expect(fieldError(await refused.text(), 'feld-bodyId')).toContain(`der Körperschaft „${bentheimName}“`);
    expect((await move(plainId)).status).toBe(303);
    expect((await db.select({ bodyId: t.meeting.bodyId }).from(t.meeting).where(eq(t.meeting.id, plainId)))[0]!.bodyId).toBe(Number(aachen));
  });

  it('refuses an office that directs a paper and is responsible for a demand of the old body', async () => {
    const name = uniqueName('Amt Umzug');
    const office = await createMaster('gremien', { name, kind: 'office' });
    const paper = await createPaper(uniqueName('Vorlage mit Federführung'));
    expect((await savePaperForm(paper, { underDirectionOfId: String(office) })).status).toBe(303);
    expect((await postForm(`/verwaltung/vorlagen/${paper.id}`, 'demands.save', { paperId: String(paper.id), title: 'Umsetzung', textMd: 'Bitte umsetzen.', responsibleOrganizationId: String(office) }, cookie)).status).toBe(303);
    const [row] = await db.select().from(t.organization).where(eq(t.organization.id, office));
    const moved = await postForm(`/verwaltung/stammdaten/gremien/${office}`, 'masterData.save', { masterKind: 'gremien', id: String(office), version: String(row!.version), bodyId: aachen, name, kind: 'office', intent: 'publish' }, cookie);
    expect(moved.status).toBe(422);
    expect(fieldError(await moved.text(), 'feld-bodyId')).toContain(`der Körperschaft „${bentheimName}“`);
  });
});

describe('moving master data to another body', () => {
  it('refuses an organization with memberships of the old body\'s people', async () => {
    const name = uniqueName('Fraktion Umzug');
    const organization = await createMaster('gremien', { name, kind: 'group' });
    const person = await createMaster('personen', { name: uniqueName('Greta Gremial') });
    await addMembership(person, organization);
    const [row] = await db.select().from(t.organization).where(eq(t.organization.id, organization));

    const moved = await postForm(`/verwaltung/stammdaten/gremien/${organization}`, 'masterData.save', { masterKind: 'gremien', id: String(organization), version: String(row!.version), bodyId: aachen, name, kind: 'group', intent: 'publish' }, cookie);
    expect(moved.status).toBe(422);
    expect(fieldError(await moved.text(), 'feld-bodyId')).toBe(
      `Dieses Gremium hat noch 1 Mitgliedschaft von Personen der Körperschaft „${bentheimName}“. Bitte entfernen Sie diese zuerst oder legen Sie das Gremium neu an.`,
    );
    expect((await db.select().from(t.organization).where(eq(t.organization.id, organization)))[0]).toMatchObject({ bodyId: Number(bentheim), version: row!.version });
  });

  it('refuses a person with memberships in the old body\'s organizations', async () => {
    const organization = await createMaster('gremien', { name: uniqueName('Ausschuss Umzug'), kind: 'committee' });
    const name = uniqueName('Paul Pendler');
    const person = await createMaster('personen', { name });
    await addMembership(person, organization);
    const [row] = await db.select().from(t.person).where(eq(t.person.id, person));

    const moved = await postForm(`/verwaltung/stammdaten/personen/${person}`, 'masterData.save', { masterKind: 'personen', id: String(person), version: String(row!.version), bodyId: aachen, name, intent: 'publish' }, cookie);
    expect(moved.status).toBe(422);
    expect(fieldError(await moved.text(), 'feld-bodyId')).toBe(
      `Diese Person hat noch 1 Mitgliedschaft in Gremien der Körperschaft „${bentheimName}“. Bitte entfernen Sie diese zuerst oder legen Sie die Person neu an.`,
    );
    expect((await db.select().from(t.person).where(eq(t.person.id, person)))[0]).toMatchObject({ bodyId: Number(bentheim), version: row!.version });
  });
});

describe('a paper date moved after existing due dates', () => {
  it('asks for the confirmation checkbox, then saves once it is ticked', async () => {
    const paper = await createPaper(uniqueName('Antrag Ortsumgehung'), '2026-03-01');
    const demand = await postForm(`/verwaltung/vorlagen/${paper.id}`, 'demands.save', { paperId: String(paper.id), title: 'Bericht bis April', textMd: 'Die Verwaltung berichtet.', dueDate: '2026-04-15' }, cookie);
    expect(demand.status).toBe(303);
    // Without a refusal the checkbox is not offered.
    expect((await getPage(`/verwaltung/vorlagen/${paper.id}`, cookie)).html).not.toContain('name="confirmDueDates"');

    const later = await savePaperForm(paper, { date: '2026-05-01' });
    expect(later.status).toBe(422);
    const html = await later.text();
    expect(fieldError(html, 'feld-confirmDueDates')).toBe(
      'Eine Forderung dieser Vorlage hat eine Frist vor dem neuen Datum der Vorlage (01.05.2026): 15.04.2026. Bitte prüfen Sie das Datum und die Fristen. Sind sie richtig, bestätigen Sie das mit dem Kästchen.',
    );
    expect(parseFragment(html).querySelector('label[for="feld-confirmDueDates"]')?.textContent).toBe('Fristen liegen vor dem Datum der Vorlage – trotzdem speichern');
    expect(await paperRow(paper.id)).toMatchObject({ date: '2026-03-01', version: paper.version });

    const confirmed = await savePaperForm(paper, { date: '2026-05-01', confirmDueDates: 'on' });
    expect(confirmed.status).toBe(303);
    expect(await paperRow(paper.id)).toMatchObject({ date: '2026-05-01', version: paper.version + 1 });
  });
});
