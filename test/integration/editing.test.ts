// Back-office saves: a revision per save, optimistic locking, publishing, trash, restore, follow-up status rules.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as t from '../../db/schema/index';
import { idBySlug, testDb } from '../support/database';
import { insertTestUsers } from '../support/users';
import { savePaper } from '../../src/lib/server/admin/papers';
import { addFollowUp, saveDemand } from '../../src/lib/server/admin/tracking';
import { listTrash, restoreVersion, setTrashed } from '../../src/lib/server/admin/records';
import { listRevisions } from '../../src/lib/server/history';
import { getPaper } from '../../src/lib/server/papers';
import { paperSchema, demandSchema, followUpSchema } from '../../src/lib/validation/forms';

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

  it('refuses a follow-up written against an old version of the demand', async () => {
    const { clerk } = await insertTestUsers(testDb());
    const demandId = await demandOfNewPaper(clerk);
    await saveDemand(demandSchema.parse({ id: String(demandId), version: '1', title: 'Geändert', textMd: 'Neu' }), clerk);
    const result = await addFollowUp(followUpSchema.parse({ demandId: String(demandId), demandVersion: '1', date: '2026-11-20', kind: 'progress', textMd: 'Stand' }), clerk);
    expect(result).toMatchObject({ ok: false, reason: 'conflict' });
  });
});
