// Back-office saves: a revision per save, optimistic locking, publishing, trash, restore, follow-up status rules.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as t from '@db/schema';
import { idBySlug, testDb } from '../support/database';
import { insertTestUsers } from '../support/users';
import { savePaper } from '@/lib/server/papers/save';
import { addFollowUp, editFollowUp, saveDemand } from '@/lib/server/tracking/save';
import { listTrash, restoreVersion, setTrashed } from '@/lib/server/history/records';
import { listRevisions } from '@/lib/server/history/revisions';
import { diffSnapshots } from '@/lib/diff';
import { getPaper } from '@/lib/server/papers/read';
import { paperSchema, demandSchema, followUpEditSchema, followUpSchema } from '@/lib/validation/forms';

async function newPaper(userId: number, overrides: Record<string, string> = {}) {
  const bodyId = String(await idBySlug(t.body, 'landkreis-grafschaft-bentheim'));
  const input = paperSchema.parse({ bodyId, name: 'Antrag auf Sprachkurse', paperType: 'antrag', date: '2026-11-01', textMd: 'Der Kreistag möge beschließen …', ...overrides });
  const result = await savePaper(input, userId);
  if (!result.ok) throw new Error('save failed');
  return result;
}

const revisionsOf = (table: string, id: number) => testDb().select().from(t.revision).where(and(eq(t.revision.tableName, table), eq(t.revision.rowId, id)));

describe('saving papers', () => {
  it('creates a draft with a create revision naming the user, invisible to the public', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const saved = await newPaper(clerk);
    expect(saved.published).toBe(false);
    const [paper] = await testDb().select().from(t.paper).where(eq(t.paper.id, saved.id));
    expect(paper!.textHtml).toBe('<p>Der Kreistag möge beschließen …</p>\n');
    expect(await getPaper(paper!.slug)).toBeNull();
    const revisions = await revisionsOf('paper', saved.id);
    expect(revisions).toMatchObject([{ version: 1, action: 'create', userId: clerk }]);
    expect((revisions[0]!.snapshot as { name: string }).name).toBe('Antrag auf Sprachkurse');
  });

  it('appends a revision on every save and refuses a save based on an old version', async () => {
    const { clerk, admin } = await insertTestUsers(testDb());
    const saved = await newPaper(clerk);
    const base = { id: String(saved.id), bodyId: String(saved.bodyId), paperType: 'antrag', date: '2026-11-01' };
    const first = await savePaper(paperSchema.parse({ ...base, version: '1', name: 'Fassung der Sachbearbeitung' }), clerk);
    expect(first).toMatchObject({ ok: true, version: 2 });
    const stale = await savePaper(paperSchema.parse({ ...base, version: '1', name: 'Fassung der Administration' }), admin);
    expect(stale.ok).toBe(false);
    if (!stale.ok && stale.reason === 'conflict') expect(stale.current).toMatchObject({ version: 2, name: 'Fassung der Sachbearbeitung' });
    const [row] = await testDb().select().from(t.paper).where(eq(t.paper.id, saved.id));
    expect(row).toMatchObject({ version: 2, name: 'Fassung der Sachbearbeitung' });
    expect((await revisionsOf('paper', saved.id)).map((r) => r.version)).toEqual([1, 2]);
  });

  it('publishes the paper together with its draft demands', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const saved = await newPaper(clerk);
    for (const title of ['Erste', 'Zweite', 'Dritte']) {
      const r = await saveDemand(demandSchema.parse({ paperId: String(saved.id), title, textMd: `${title} Forderung` }), clerk);
      expect(r.ok).toBe(true);
    }
    const published = await savePaper(paperSchema.parse({ id: String(saved.id), version: '1', bodyId: String(saved.bodyId), paperType: 'antrag', date: '2026-11-01', name: 'Antrag auf Sprachkurse', intent: 'publish' }), clerk);
    expect(published).toMatchObject({ ok: true, published: true });
    const [paper] = await testDb().select().from(t.paper).where(eq(t.paper.id, saved.id));
    const detail = await getPaper(paper!.slug);
    expect(detail?.demands.map((d) => [d.ordinal, d.title])).toEqual([[1, 'Erste'], [2, 'Zweite'], [3, 'Dritte']]);
    expect((await revisionsOf('paper', saved.id)).at(-1)?.action).toBe('publish');
  });

  it('moves a paper to the trash (gone from public pages) and back', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const saved = await newPaper(clerk, { intent: 'publish' });
    const [paper] = await testDb().select().from(t.paper).where(eq(t.paper.id, saved.id));
    expect(await getPaper(paper!.slug)).not.toBeNull();
    expect((await setTrashed('paper', saved.id, 1, true, clerk)).ok).toBe(true);
    expect(await getPaper(paper!.slug)).toBeNull();
    expect((await listTrash()).map((i) => i.id)).toContain(saved.id);
    expect((await setTrashed('paper', saved.id, 2, false, clerk)).ok).toBe(true);
    expect(await getPaper(paper!.slug)).not.toBeNull();
    expect((await revisionsOf('paper', saved.id)).map((r) => r.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('restores an earlier version as a new version, keeping the history', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const saved = await newPaper(clerk);
    await savePaper(paperSchema.parse({ id: String(saved.id), version: '1', bodyId: String(saved.bodyId), paperType: 'antrag', date: '2026-11-01', name: 'Verschlimmbessert', textMd: 'Falsch' }), clerk);
    const restored = await restoreVersion('paper', saved.id, 2, 1, clerk);
    expect(restored.ok).toBe(true);
    const [row] = await testDb().select().from(t.paper).where(eq(t.paper.id, saved.id));
    expect(row).toMatchObject({ version: 3, name: 'Antrag auf Sprachkurse', textHtml: '<p>Der Kreistag möge beschließen …</p>\n' });
    expect((await listRevisions('paper', saved.id)).map((r) => `${r.version}:${r.action}`)).toEqual(['1:create', '2:update', '3:restore']);
    expect((await restoreVersion('user', 1, 1, 1, clerk)).ok).toBe(false);
  });

  it('keeps the originators in each version: a restore brings back those of that version, the comparison names them', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const greens = await idBySlug(t.organization, 'gruene-kreistagsfraktion-grafschaft-bentheim');
    const council = await idBySlug(t.organization, 'kreistag-grafschaft-bentheim');
    const saved = await newPaper(clerk, { originatorOrganizationIds: String(greens) });
    await savePaper(paperSchema.parse({ id: String(saved.id), version: '1', bodyId: String(saved.bodyId), paperType: 'antrag', date: '2026-11-01', name: 'Antrag auf Sprachkurse', textMd: 'Der Kreistag möge beschließen …', originatorOrganizationIds: String(council) }), clerk);
    const originators = async () => (await testDb().select().from(t.paperOriginator).where(eq(t.paperOriginator.paperId, saved.id))).map((o) => o.organizationId);
    expect(await originators()).toEqual([council]);
    const [v1, v2] = await listRevisions('paper', saved.id);
    const diff = diffSnapshots(v1!.snapshot, v2!.snapshot);
    expect(diff.map((d) => d.field)).toEqual(['originators']);
    const text = (kind: string) => diff[0]!.parts.filter((p) => p.kind === kind).map((p) => p.value).join('');
    expect(text('removed')).toContain('BÜNDNIS 90/DIE GRÜNEN');
    expect(text('added')).toContain('des Landkreises Grafschaft Bentheim');

    expect((await restoreVersion('paper', saved.id, 2, 1, clerk)).ok).toBe(true);
    expect(await originators()).toEqual([greens]);
    expect((await listRevisions('paper', saved.id)).at(-1)!.snapshot).toMatchObject({ version: 3, originatorOrganizationIds: [greens] });
    // A restore refused for an old version leaves the originators alone.
    expect((await restoreVersion('paper', saved.id, 2, 2, clerk)).ok).toBe(false);
    expect(await originators()).toEqual([greens]);
  });
});

describe('follow-ups', () => {
  async function demandOfNewPaper(userId: number) {
    const saved = await newPaper(userId, { intent: 'publish' });
    const r = await saveDemand(demandSchema.parse({ paperId: String(saved.id), title: 'Sprachkurse', textMd: 'Bitte anbieten' }), userId);
    if (!r.ok) throw new Error('demand failed');
    return r.id;
  }

  it('changes the demand status along the status graph and records who wrote it', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    const result = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: '1', date: '2026-11-20', kind: 'reply', textMd: 'Die Verwaltung prüft.', statusAfter: 'in_beratung', publish: 'on' }), clerk);
    expect(result).toMatchObject({ ok: true, statusChanged: true });
    const [demand] = await testDb().select().from(t.demand).where(eq(t.demand.id, demandId));
    expect(demand).toMatchObject({ status: 'in_beratung', version: 2 });
    const [fu] = await testDb().select().from(t.followUp).where(eq(t.followUp.demandId, demandId));
    expect(fu).toMatchObject({ authorId: clerk, textHtml: '<p>Die Verwaltung prüft.</p>\n' });
  });

  it('refuses a transition outside the graph with the German message and saves nothing', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    const result = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: '1', date: '2026-11-20', kind: 'reply', textMd: 'Schon erledigt.', statusAfter: 'umgesetzt' }), clerk);
    expect(result).toMatchObject({ ok: false, reason: 'invalid', field: 'statusAfter' });
    if (!result.ok && result.reason === 'invalid') expect(result.error).toContain('Erlaubt sind: „In Beratung“');
    expect(await testDb().select().from(t.followUp).where(eq(t.followUp.demandId, demandId))).toHaveLength(0);
  });

  it('adds a follow-up although someone else edited the demand\'s title since the form was loaded', async () => {
    const { clerk, admin } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    await saveDemand(demandSchema.parse({ id: String(demandId), version: '1', title: 'Geändert', textMd: 'Neu' }), admin);
    const plain = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: '1', date: '2026-11-20', kind: 'progress', textMd: 'Stand' }), clerk);
    expect(plain).toMatchObject({ ok: true, statusChanged: false });
    const withStatus = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: '1', date: '2026-11-21', kind: 'reply', textMd: 'Wird beraten', statusAfter: 'in_beratung' }), clerk);
    expect(withStatus).toMatchObject({ ok: true, statusChanged: true });
    expect((await testDb().select({ title: t.demand.title, status: t.demand.status }).from(t.demand).where(eq(t.demand.id, demandId)))[0]).toEqual({ title: 'Geändert', status: 'in_beratung' });
  });

  it('refuses a status change chosen from a status someone else changed meanwhile, naming both, and saves nothing', async () => {
    const { clerk, admin } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    // Both loaded version 1 (status „eingereicht“); the admin reports first.
    expect(await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: '1', date: '2026-11-20', kind: 'reply', textMd: 'Ohne Umsetzung erledigt', statusAfter: 'erledigt_ohne_umsetzung' }), admin)).toMatchObject({ ok: true });
    const late = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: '1', date: '2026-11-21', kind: 'reply', textMd: 'In Beratung', statusAfter: 'in_beratung' }), clerk);
    expect(late).toMatchObject({ ok: false, reason: 'conflict', conflict: { version: 2, changedBy: 'Ada Admin', fields: [{ name: 'statusAfter', theirs: 'erledigt_ohne_umsetzung', mine: 'in_beratung' }] } });
    expect(await testDb().select().from(t.followUp).where(eq(t.followUp.demandId, demandId))).toHaveLength(1);
    // Stating the status the other person already set is no conflict.
    const same = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: '1', date: '2026-11-21', kind: 'reply', textMd: 'Auch erledigt', statusAfter: 'erledigt_ohne_umsetzung' }), clerk);
    expect(same).toMatchObject({ ok: true, statusChanged: false });
  });

  const statusOf = async (demandId: number) => (await testDb().select({ status: t.demand.status, version: t.demand.version }).from(t.demand).where(eq(t.demand.id, demandId)))[0]!;
  async function follow(clerk: number, demandId: number, date: string, statusAfter: string) {
    const { version } = await statusOf(demandId);
    const result = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: String(version), date, kind: 'reply', textMd: `Stand vom ${date}`, statusAfter, publish: 'on' }), clerk);
    if (!result.ok) throw new Error(`follow-up failed: ${JSON.stringify(result)}`);
    return result.id;
  }
  const followUpVersion = async (id: number) => (await testDb().select({ version: t.followUp.version }).from(t.followUp).where(eq(t.followUp.id, id)))[0]!.version;

  it('trashing a follow-up undoes its status change, taking it out of the trash redoes it', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    await follow(clerk, demandId, '2026-11-10', 'in_beratung');
    const decided = await follow(clerk, demandId, '2026-11-12', 'beschlossen');
    expect((await statusOf(demandId)).status).toBe('beschlossen');

    const trashed = await setTrashed('follow_up', decided, await followUpVersion(decided), true, clerk);
    expect(trashed).toMatchObject({ ok: true, demandStatusOf: demandId });
    expect((await statusOf(demandId)).status).toBe('in_beratung');

    await setTrashed('follow_up', decided, await followUpVersion(decided), false, clerk);
    expect((await statusOf(demandId)).status).toBe('beschlossen');
    // Both changes are in the demand's history, under the clerk's name.
    const revisions = await revisionsOf('demand', demandId);
    expect(revisions.map((r) => (r.snapshot as { status: string }).status).slice(-2)).toEqual(['in_beratung', 'beschlossen']);
  });

  it('trashing the only status-changing follow-up returns the demand to where it started', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    const only = await follow(clerk, demandId, '2026-11-10', 'erledigt_ohne_umsetzung');
    await setTrashed('follow_up', only, await followUpVersion(only), true, clerk);
    expect((await statusOf(demandId)).status).toBe('eingereicht');
  });

  it('refuses a status change dated before the last one, with a German message naming its date', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    await follow(clerk, demandId, '2026-11-10', 'in_beratung');
    const { version } = await statusOf(demandId);
    const result = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: String(version), date: '2026-11-01', kind: 'reply', textMd: 'Nachgetragen', statusAfter: 'beschlossen' }), clerk);
    expect(result).toMatchObject({ ok: false, reason: 'invalid', field: 'date' });
    if (!result.ok && result.reason === 'invalid') expect(result.error).toContain('10.11.2026');
    expect((await statusOf(demandId)).status).toBe('in_beratung');
    // Without a status change, an older entry is fine.
    const plain = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: String(version), date: '2026-11-01', kind: 'progress', textMd: 'Nachgetragen' }), clerk);
    expect(plain).toMatchObject({ ok: true, statusChanged: false });
  });

  it('re-dating a follow-up lets the newest statement decide the status', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    const first = await follow(clerk, demandId, '2026-11-10', 'in_beratung');
    await follow(clerk, demandId, '2026-11-12', 'abgelehnt');
    const moved = await editFollowUp(followUpEditSchema.parse({ id: String(first), version: String(await followUpVersion(first)), date: '2026-11-15', kind: 'reply', textMd: 'Stand', publish: 'on' }), clerk);
    expect(moved).toMatchObject({ ok: true, statusChanged: true });
    expect((await statusOf(demandId)).status).toBe('in_beratung');
    // Restoring the follow-up's first version brings its old date back, and with it the later statement's status.
    expect((await restoreVersion('follow_up', first, await followUpVersion(first), 1, clerk)).ok).toBe(true);
    expect((await statusOf(demandId)).status).toBe('abgelehnt');
  });

  it('restoring an earlier version of a demand keeps the status its follow-ups set', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    await follow(clerk, demandId, '2026-11-10', 'in_beratung');
    const { version } = await statusOf(demandId);
    const restored = await restoreVersion('demand', demandId, version, 1, clerk);
    expect(restored.ok).toBe(true);
    expect((await statusOf(demandId)).status).toBe('in_beratung');
  });
});
