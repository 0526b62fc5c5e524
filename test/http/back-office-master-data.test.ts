// Bodies, organizations, people and memberships through the back office, and what the public then sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import { clerkSetup, getPage, postForm } from '../support/back-office';

let db: Database;
let cookie: string;
let bodyId: string;

beforeAll(async () => {
  ({ db, cookie, bodyId } = await clerkSetup('staedteregion-aachen'));
});
afterAll(() => db?.$client.close());

const idFrom = (response: Response) => Number(response.headers.get('location')!.match(/\/(\d+)\?/)![1]);

describe('master data', () => {
  it('creates an organization, refusing it without its kind, and publishes it', async () => {
    const missing = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: 'Ausschuss für Teilhabe (Test)' }, cookie);
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Bitte füllen Sie das Feld „Art“ aus.');
    const org = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: 'Ausschuss für Teilhabe (Test)', kind: 'committee', descriptionMd: 'Berät über **Teilhabe**.', intent: 'publish' }, cookie);
    expect(org.status).toBe(303);
    const [row] = await db.select().from(t.organization).where(eq(t.organization.id, idFrom(org)));
    expect(row).toMatchObject({ kind: 'committee', descriptionHtml: '<p>Berät über <strong>Teilhabe</strong>.</p>\n' });
    expect((await getPage(`/gremien/${row!.slug}`)).status).toBe(200);
  });

  it('creates a person, adds a membership and shows both publicly', async () => {
    const [org] = await db.select().from(t.organization).where(eq(t.organization.slug, 'integrationsrat-staedteregion-aachen'));
    const person = await postForm('/verwaltung/stammdaten/personen/neu', 'masterData.save', { masterKind: 'personen', bodyId, name: 'Dr. Erika Teststein', givenName: 'Erika', familyName: 'Teststein', intent: 'publish' }, cookie);
    expect(person.status).toBe(303);
    const personId = idFrom(person);
    const membership = await postForm(`/verwaltung/stammdaten/personen/${personId}`, 'memberships.save', { personId: String(personId), organizationId: String(org!.id), role: 'Mitglied', startDate: '2025-01-01', votingRight: 'on' }, cookie);
    expect(membership.status).toBe(303);
    const bad = await postForm(`/verwaltung/stammdaten/personen/${personId}`, 'memberships.save', { personId: String(personId), organizationId: String(org!.id), role: 'Vorsitz', startDate: '2025-01-01', endDate: '2024-01-01' }, cookie);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Das Ende darf nicht vor dem Beginn liegen.');
    const [row] = await db.select().from(t.person).where(eq(t.person.id, personId));
    const page = await getPage(`/personen/${row!.slug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Dr. Erika Teststein');
    expect(page.html).toContain('Integrationsrat');
    const editor = await getPage(`/verwaltung/stammdaten/personen/${personId}`, cookie);
    expect(editor.html).toContain('Mitgliedschaft „Integrationsrat der StädteRegion Aachen“ speichern');
  });

  it('keeps who sent a member when the membership is edited, as the form shows and posts it', async () => {
    const [committee] = await db.select().from(t.organization).where(eq(t.organization.slug, 'integrationsrat-staedteregion-aachen'));
    const group = await postForm('/verwaltung/stammdaten/gremien/neu', 'masterData.save', { masterKind: 'gremien', bodyId, name: 'Fraktion Entsendung (Test)', kind: 'group', intent: 'publish' }, cookie);
    const person = await postForm('/verwaltung/stammdaten/personen/neu', 'masterData.save', { masterKind: 'personen', bodyId, name: 'Paul Entsandt', intent: 'publish' }, cookie);
    const personId = idFrom(person);
    const fields = { personId: String(personId), organizationId: String(committee!.id), role: 'Mitglied', startDate: '2025-01-01', onBehalfOfId: String(idFrom(group)) };
    expect((await postForm(`/verwaltung/stammdaten/personen/${personId}`, 'memberships.save', fields, cookie)).status).toBe(303);
    const [created] = await db.select().from(t.membership).where(eq(t.membership.personId, personId));
    expect(created!.onBehalfOfId).toBe(idFrom(group));
    // The editor posts the field back as it shows it; a change of role alone leaves the sending group in place.
    const editor = await getPage(`/verwaltung/stammdaten/personen/${personId}`, cookie);
    expect(editor.html).toMatch(new RegExp(`<option value="${idFrom(group)}" selected>Fraktion Entsendung \\(Test\\)</option>`));
    const edited = await postForm(`/verwaltung/stammdaten/personen/${personId}`, 'memberships.save', { ...fields, id: String(created!.id), version: String(created!.version), role: 'Vorsitz' }, cookie);
    expect(edited.status).toBe(303);
    const [after] = await db.select().from(t.membership).where(eq(t.membership.id, created!.id));
    expect(after).toMatchObject({ role: 'Vorsitz', onBehalfOfId: idFrom(group) });
  });

  it('lists every kind for clerks', async () => {
    for (const kind of ['koerperschaften', 'gremien', 'personen']) {
      expect((await getPage(`/verwaltung/stammdaten/${kind}`, cookie)).status, kind).toBe(200);
      expect((await getPage(`/verwaltung/stammdaten/${kind}/neu`, cookie)).status, kind).toBe(200);
    }
    expect((await getPage('/verwaltung/stammdaten/unbekannt', cookie)).status).toBe(404);
  });
});
