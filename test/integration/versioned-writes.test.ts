// The one write helper on a real database: optimistic locking that merges changes to different fields and refuses
// only the same field changed by two people; multi-statement writes that roll back as a whole; the seed import and
// the account administration writing through it.
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as t from '@db/schema';
import { idBySlug, testDb, uniqueSlug } from '../support/database';
import { insertTestUsers } from '../support/users';
import { insertVersioned, refuse, updateVersioned, writeTransaction } from '@/lib/server/history/versioned-writes';
import { savePaper } from '@/lib/server/papers/save';
import { setTrashed } from '@/lib/server/history/records';
import { upsertRow, type ImportStats } from '@/lib/server/seed/upsert';
import { createSession, validateSessionToken } from '@/lib/server/auth/session';
import { setPassword, setUserRole } from '@/lib/server/auth/users';
import { paperSchema } from '@/lib/validation/forms';

const revisionsOf = (table: string, id: number) =>
  testDb().select().from(t.revision).where(and(eq(t.revision.tableName, table), eq(t.revision.rowId, id))).orderBy(asc(t.revision.id));

/** A person saved through the helper at version 1, as a clerk's form would load it. */
async function newPerson(userId: number) {
  const bodyId = await idBySlug(t.body, 'staedteregion-aachen');
  return writeTransaction((tx) => insertVersioned<typeof t.person.$inferSelect>(tx, t.person, { bodyId, slug: uniqueSlug('person'), name: 'Erika Muster', position: 'Sachgebietsleitung', descriptionMd: 'Zuständig für Integration.' }, userId));
}

/** A clerk's save of a person based on `version`, with the editor's fields, merged with what was saved since. */
function savePerson(id: number, version: number, values: Record<string, unknown>, userId: number, confirmedVersion: number | null = null) {
  return writeTransaction((tx) => updateVersioned<typeof t.person.$inferSelect>(tx, t.person, id, version, values, userId, { merge: true, confirmedVersion }));
}

const personRow = async (id: number) => (await testDb().select().from(t.person).where(eq(t.person.id, id)))[0]!;

describe('optimistic locking with field-by-field merge', () => {
  it('merges a save based on an old version when the other person changed different fields', async () => {
    const { clerk, admin } = await insertTestUsers(testDb());
    const person = await newPerson(clerk);
    const loaded = { name: person.name, position: person.position, descriptionMd: person.descriptionMd };
    expect(await savePerson(person.id, 1, { ...loaded, name: 'Dr. Erika Muster' }, admin)).toMatchObject({ ok: true, merged: false });
    // The clerk still has version 1 open and changes only the position.
    const merged = await savePerson(person.id, 1, { ...loaded, position: 'Fachbereichsleitung' }, clerk);
    expect(merged).toMatchObject({ ok: true, merged: true });
    expect(await personRow(person.id)).toMatchObject({ version: 3, name: 'Dr. Erika Muster', position: 'Fachbereichsleitung', descriptionMd: 'Zuständig für Integration.' });
    expect((await revisionsOf('person', person.id)).map((r) => [r.version, r.userId, (r.snapshot as { name: string }).name])).toEqual([[1, clerk, 'Erika Muster'], [2, admin, 'Dr. Erika Muster'], [3, clerk, 'Dr. Erika Muster']]);
  });

  it('refuses the same field changed by both, with both values and who saved, and writes nothing', async () => {
    const { clerk, admin } = await insertTestUsers(testDb());
    const person = await newPerson(clerk);
    const loaded = { name: person.name, position: person.position };
    await savePerson(person.id, 1, { ...loaded, position: 'Amtsleitung' }, admin);
    const refused = await savePerson(person.id, 1, { ...loaded, name: 'Erika M.', position: 'Fachbereichsleitung' }, clerk);
    expect(refused).toMatchObject({ ok: false, reason: 'conflict', conflict: { version: 2, changedById: admin, changedBy: 'Ada Admin', fields: [{ name: 'position', theirs: 'Amtsleitung', mine: 'Fachbereichsleitung' }] } });
    if (!refused.ok && refused.reason === 'conflict') expect(refused.conflict.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await personRow(person.id)).toMatchObject({ version: 2, name: 'Erika Muster', position: 'Amtsleitung' });
    expect(await revisionsOf('person', person.id)).toHaveLength(2);
  });

  it('saves the clerk\'s value in a conflicting field once they confirm the comparison, keeping the other changes', async () => {
    const { clerk, admin } = await insertTestUsers(testDb());
    const person = await newPerson(clerk);
    const loaded = { name: person.name, position: person.position, descriptionMd: person.descriptionMd };
    await savePerson(person.id, 1, { ...loaded, position: 'Amtsleitung', descriptionMd: 'Neu beschrieben.' }, admin);
    const mine = { ...loaded, position: 'Fachbereichsleitung' };
    expect((await savePerson(person.id, 1, mine, clerk)).ok).toBe(false);
    // Confirmed against version 2: the clerk's position wins, the admin's description stays.
    expect(await savePerson(person.id, 1, mine, clerk, 2)).toMatchObject({ ok: true, merged: true });
    expect(await personRow(person.id)).toMatchObject({ version: 3, position: 'Fachbereichsleitung', descriptionMd: 'Neu beschrieben.' });
    // A confirmation of an older comparison does not cover a newer change.
    await savePerson(person.id, 3, { ...loaded, position: 'Fachbereichsleitung', descriptionMd: 'Neu beschrieben.', name: 'E. Muster' }, admin);
    await savePerson(person.id, 4, { name: 'E. Muster', position: 'Amtsleitung', descriptionMd: 'Neu beschrieben.' }, admin);
    expect(await savePerson(person.id, 1, mine, clerk, 2)).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('merges a paper\'s originators like its fields: another clerk\'s new originator survives a save of the text', async () => {
    const { clerk, admin } = await insertTestUsers(testDb());
    const bodyId = String(await idBySlug(t.body, 'landkreis-grafschaft-bentheim'));
    const greens = String(await idBySlug(t.organization, 'gruene-kreistagsfraktion-grafschaft-bentheim'));
    const base = { bodyId, name: 'Antrag Zusammenführung', paperType: 'antrag', date: '2026-11-01', textMd: 'Ursprung' };
    const created = await savePaper(paperSchema.parse(base), clerk);
    if (!created.ok) throw new Error('save failed');
    const edit = { ...base, id: String(created.id), version: '1' };
    expect(await savePaper(paperSchema.parse({ ...edit, originatorOrganizationIds: greens }), admin)).toMatchObject({ ok: true, merged: false });
    expect(await savePaper(paperSchema.parse({ ...edit, textMd: 'Neue Begründung' }), clerk)).toMatchObject({ ok: true, merged: true, version: 3 });
    const [paper] = await testDb().select().from(t.paper).where(eq(t.paper.id, created.id));
    expect(paper).toMatchObject({ textMd: 'Neue Begründung', textHtml: '<p>Neue Begründung</p>\n' });
    const originators = await testDb().select({ organizationId: t.paperOriginator.organizationId }).from(t.paperOriginator).where(eq(t.paperOriginator.paperId, created.id));
    expect(originators.map((o) => String(o.organizationId))).toEqual([greens]);
    // Both changed the text: refused, and the HTML stays the one of the stored text.
    const refused = await savePaper(paperSchema.parse({ ...edit, textMd: 'Dritte Fassung' }), admin);
    expect(refused).toMatchObject({ ok: false, reason: 'conflict', conflict: { fields: [{ name: 'textMd', theirs: 'Neue Begründung', mine: 'Dritte Fassung' }] } });
  });

  it('keeps a strict write (moving to the trash) refused after any change in between', async () => {
    const { clerk, admin } = await insertTestUsers(testDb());
    const person = await newPerson(clerk);
    await savePerson(person.id, 1, { name: person.name, position: 'Amtsleitung' }, admin);
    expect(await setTrashed('person', person.id, 1, true, clerk)).toMatchObject({ ok: false, reason: 'conflict', conflict: { version: 2, fields: [] } });
    expect((await personRow(person.id)).deletedAt).toBeNull();
  });
});

describe('transactions', () => {
  it('rolls back everything a write did before it was refused', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const bodyId = await idBySlug(t.body, 'staedteregion-aachen');
    const slug = uniqueSlug('zurueckgerollt');
    const result = await writeTransaction(async (tx) => {
      const row = await insertVersioned(tx, t.person, { bodyId, slug, name: 'Wird zurückgerollt' }, clerk);
      refuse({ ok: false, reason: 'not-found', row });
    });
    expect(result).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await testDb().select().from(t.person).where(eq(t.person.slug, slug))).toHaveLength(0);
    expect((await testDb().select().from(t.revision).where(eq(t.revision.tableName, 'person'))).filter((r) => (r.snapshot as { slug?: string }).slug === slug)).toHaveLength(0);
  });

  it('rolls back and rethrows when a later statement fails', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const bodyId = await idBySlug(t.body, 'staedteregion-aachen');
    const slug = uniqueSlug('fehlschlag');
    const failing = writeTransaction(async (tx) => {
      await insertVersioned(tx, t.person, { bodyId, slug, name: 'Erste Zeile' }, clerk);
      // The same slug again violates the unique index.
      await insertVersioned(tx, t.person, { bodyId, slug, name: 'Zweite Zeile' }, clerk);
    });
    await expect(failing).rejects.toThrow();
    expect(await testDb().select().from(t.person).where(eq(t.person.slug, slug))).toHaveLength(0);
  });
});

describe('writers that go through the helper', () => {
  it('the seed import creates at version 1, bumps the version only for a real change, each with an import revision', async () => {
    const bodyId = await idBySlug(t.body, 'staedteregion-aachen');
    const slug = uniqueSlug('import');
    const stats: ImportStats = { created: 0, updated: 0, unchanged: 0 };
    const upsert = (name: string) => writeTransaction((tx) => upsertRow(tx, t.person, eq(t.person.slug, slug), { bodyId, slug, name, position: null }, stats, { publishedAt: '2026-01-01T00:00:00.000Z' }));
    const id = await upsert('Importierte Person');
    await upsert('Importierte Person');
    await upsert('Importierte Person, umbenannt');
    expect(stats).toEqual({ created: 1, unchanged: 1, updated: 1 });
    expect(await personRow(id)).toMatchObject({ version: 2, name: 'Importierte Person, umbenannt', publishedAt: '2026-01-01T00:00:00.000Z' });
    expect((await revisionsOf('person', id)).map((r) => [r.version, r.action, r.userId])).toEqual([[1, 'import', null], [2, 'import', null]]);
  });

  it('an admin\'s password reset bumps the account\'s version, ends its sessions and logs no hash, in one write', async () => {
    const { admin, clerk } = await insertTestUsers(testDb());
    const { token } = await createSession(clerk);
    expect(await setPassword(clerk, 'Ein-ganz-neues-Passwort-2031', admin)).toEqual({ ok: true });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await setUserRole(clerk, 'admin', admin)).toEqual({ ok: true, changed: true });
    const [account] = await testDb().select({ version: t.user.version }).from(t.user).where(eq(t.user.id, clerk));
    expect(account!.version).toBe(3);
    const revisions = await revisionsOf('user', clerk);
    expect(revisions.map((r) => [r.version, r.action, r.userId])).toEqual([[2, 'update', admin], [3, 'update', admin]]);
    expect(JSON.stringify(revisions.map((r) => r.snapshot))).not.toMatch(/argon2|passwordHash/);
  });
});
