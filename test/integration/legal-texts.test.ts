// The seed's legal texts: placeholders for every seed body, imported once; a re-seed never overwrites an admin's
// text. And the sitemap's pages on a real database: bounded, in id order, without drafts or trashed records.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { importContent } from '@/lib/server/seed/import';
import { saveLegalText } from '@/lib/server/legal/save';
import { publicLegalTexts } from '@/lib/server/legal/read';
import { sectionPage, sectionPages } from '@/lib/server/sitemap/read';
import { editedContent } from '../support/content';
import { contentRoot } from '../support/paths';
import { idBySlug, insertDeletedPaper, insertDraftPaper, insertPaper, testDb } from '../support/database';
import { insertAccount } from '../support/users';

const BENTHEIM = 'landkreis-grafschaft-bentheim';

async function textOf(kind: 'impressum' | 'datenschutz' | 'barrierefreiheit') {
  const bodyId = await idBySlug(t.body, BENTHEIM);
  const [row] = await testDb().select().from(t.legalText).where(and(eq(t.legalText.bodyId, bodyId), eq(t.legalText.kind, kind)));
  return row!;
}

describe('legal texts from content/', () => {
  it('gives every seed body all three texts, marked as placeholders', async () => {
    for (const kind of ['impressum', 'datenschutz', 'barrierefreiheit'] as const) {
      const entries = await publicLegalTexts(kind);
      expect(entries.map((e) => e.body.slug)).toEqual([BENTHEIM, 'staedteregion-aachen']);
      for (const entry of entries) expect(entry.text, `${kind} ${entry.body.slug}`).toMatchObject({ placeholder: true, version: 1 });
    }
    expect(await textOf('barrierefreiheit')).toMatchObject({ conformance: 'teilweise', preparedOn: '2026-01-15', feedbackEmail: 'barrierefreiheit@grafschaft-bentheim.example' });
    expect((await textOf('barrierefreiheit')).enforcementHtml).toContain('Schlichtungs- oder Durchsetzungsstelle des Landes Niedersachsen');
  });

  it('leaves an admin\'s text alone on a re-seed, even when content/ changed its placeholder', async () => {
    const admin = await insertAccount(testDb(), { email: 'rechtstexte@ratsfaden.test', name: 'Ada Recht', role: 'admin', password: 'Rechtstexte-Integration-1' });
    const seeded = await textOf('impressum');
    const saved = await saveLegalText({ bodyId: seeded.bodyId, kind: 'impressum', version: seeded.version, textMd: 'Unser eigenes Impressum', conformance: null, preparedOn: null, feedbackEmail: null, feedbackPhone: null, enforcementMd: null }, admin.id);
    expect(saved.ok).toBe(true);
    const mine = await textOf('impressum');
    expect(mine).toMatchObject({ textMd: 'Unser eigenes Impressum', textHtml: '<p>Unser eigenes Impressum</p>\n', placeholder: false, version: 2 });

    const again = await importContent(testDb(), contentRoot);
    expect(again.created).toBe(0);
    const { root } = editedContent(`${BENTHEIM}/legal/impressum.md`, (s) => s.replace('## Herausgeber', '## Herausgeberin'));
    const edited = await importContent(testDb(), root);
    expect(edited.created + edited.updated).toBe(0);
    expect(await textOf('impressum')).toEqual(mine);
  });

  it('refuses a legal text file with an unknown status of conformance, naming the file', async () => {
    const { root, file } = editedContent(`${BENTHEIM}/legal/barrierefreiheit.md`, (s) => s.replace('conformance: teilweise', 'conformance: meistens'));
    const error = await importContent(testDb(), root).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toContain(`Die Inhaltsdatei ${file} ist ungültig`);
    expect(error?.message).toContain('- conformance: Bitte einen dieser Werte angeben: vollstaendig, teilweise, nicht.');
  });
});

describe('sitemap pages', () => {
  it('cuts a section into pages of fixed id ranges, skipping empty ones and leaving out drafts and trashed papers', async () => {
    const published = [await insertPaper(), await insertPaper(), await insertPaper()];
    const draft = await insertDraftPaper();
    const trashed = await insertDeletedPaper();
    const later = await insertPaper();
    const size = 2;
    const pages = await sectionPages('vorlagen', size);
    const listed = (await Promise.all(pages.map((page) => sectionPage('vorlagen', page, size)))).map((records) => records.map((r) => r.path));
    // Every page holds at most `size` URLs and none is empty.
    for (const page of listed) expect(page.length).toBeGreaterThan(0);
    for (const page of listed) expect(page.length).toBeLessThanOrEqual(size);
    const all = listed.flat();
    for (const paper of [...published, later]) expect(all).toContain(`/vorlagen/${paper.slug}`);
    expect(all).not.toContain(`/vorlagen/${draft.slug}`);
    expect(all).not.toContain(`/vorlagen/${trashed.slug}`);
    // Pages follow the ids: page n holds ids n·size+1 … (n+1)·size.
    expect(pages).toEqual([...new Set([...pages])].sort((a, b) => a - b));
    const pageOfLater = Math.floor((later.id - 1) / size);
    expect(pages).toContain(pageOfLater);
    expect((await sectionPage('vorlagen', pageOfLater, size)).map((r) => r.path)).toContain(`/vorlagen/${later.slug}`);
    // A page of only a draft and a trashed paper is not listed.
    if (Math.floor((draft.id - 1) / size) === Math.floor((trashed.id - 1) / size)) expect(pages).not.toContain(Math.floor((draft.id - 1) / size));
  });

  it('dates each URL by the record\'s last change', async () => {
    const paper = await insertPaper({ updatedAt: '2025-05-05T10:00:00.000Z' });
    const records = await sectionPage('vorlagen', Math.floor((paper.id - 1) / 10_000));
    expect(records).toContainEqual({ path: `/vorlagen/${paper.slug}`, lastmod: '2025-05-05T10:00:00.000Z' });
  });
});
