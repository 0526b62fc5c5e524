// Full-text search on the seed corpus: the index is built from the worker's database with the real indexer,
// and queried over all partitions with Pagefind's own search code, as the server and the browser run it.
import fs from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { contentChanged } from '@/lib/server/changes/report';
import { buildAll } from '@/lib/server/search/indexer';
import { reindexIdle } from '@/lib/server/search/reindex';
import { searchAllPartitions, searchOnServer } from '@/lib/server/search/query';
import { readState } from '@/lib/search-view';
import { readManifest, removeStaleBundles, searchDir, staleBundlesRemoved } from '@/lib/server/search/store';
import { agendaItemByNumber, idBySlug, insertDemand, insertDraftPaper, insertNonPublicAgendaItem, insertPaper } from '../support/database';

// Tiny partitions, so that the seed corpus (3 records in 2014, 7 in 2022) is cut into two, as a big corpus would be.
process.env.SEARCH_PARTITION_SIZE = '5';

const REPORT = '/vorlagen/3-2-0076-2014';
const MOTION = '/vorlagen/antrag-gruene-2014-03-05-willkommenskultur';
const TOP_13 = '/sitzungen/2022-02-02-integrationsrat#top-oe-13';

const urls = async (term: string | null, filters?: Record<string, string>) => (await searchAllPartitions(term, filters)).map((h) => h.url);
/** The first page of hits as /suche shows it (the browser's script pages with the same findResults and resultPage). */
const page = async (query: string) => (await searchOnServer(readState(new URLSearchParams(query))))!;

// Later test files in this worker must not find an index to keep fresh.
afterAll(async () => {
  await reindexIdle();
  await staleBundlesRemoved();
  fs.rmSync(searchDir(), { recursive: true, force: true });
});

async function rebuild(): Promise<void> {
  fs.rmSync(searchDir(), { recursive: true, force: true });
  await buildAll(getDb().$client);
}

describe('Search relevance on the seed corpus', () => {
  beforeEach(rebuild);

  it('finds the Mitteilungsvorlage by an inflected form of a word in it ("Ausländerbehörden")', async () => {
    const hits = await urls('Ausländerbehörden');
    expect(hits).toContain(REPORT);
    expect(hits).toContain(MOTION);
    // Stemming, not only literal matches: a plural that occurs nowhere in the corpus finds the singular.
    expect(await urls('Willkommenskulturen')).toContain(REPORT);
  });

  it('finds a document that has only the base form when searching an inflected form', async () => {
    const paper = await insertPaper({ name: 'Bericht der Kreisverwaltung', textMd: 'Die Ausländerbehörde meldet einen Personalengpass.', date: '2015-01-10' });
    await rebuild();
    expect(await urls('Ausländerbehörden')).toContain(`/vorlagen/${paper.slug}`);
  });

  it('finds a record by a misspelt or cut-off long word with a real stem, not by a word sharing only its first letters', async () => {
    const paper = await insertPaper({ name: 'Zanderteich Sanierung', textMd: 'Der Xanthippenweg und der Zanderteich werden saniert. XSS im Formular.', date: '2022-06-01' });
    const url = `/vorlagen/${paper.slug}`;
    await rebuild();
    // Typo tolerance for long stems stays: a cut-off word, "ae"/"oe" for the umlauts, an inflected form.
    expect(await urls('Ausländerbehörd')).toContain(REPORT);
    expect((await page('q=Ausländerbehörd')).hits.map((h) => h.url)).toContain(REPORT);
    expect((await page('q=Auslaenderbehoerden')).hits.map((h) => h.url)).toContain(REPORT);
    expect((await page('q=Zanderteichs')).hits.map((h) => h.url)).toContain(url);
    // A compound whose first part is indexed still finds it (German compounds fall back on their first word).
    expect((await page('q=Zanderteichsanierungsplan')).hits.map((h) => h.url)).toContain(url);
    // Words sharing only 1–3 leading letters with indexed words ("X…" with "XSS", "Zan…" with "Zanderteich") find nothing.
    for (const q of ['Xylophonkonzertsaal', 'Zanzibarhafen', 'Derxylophonkonzertsaal']) {
      const result = await page(`q=${q}`);
      expect(result.hits).toEqual([]);
      expect(result.status).toBe(`Keine Treffer für „${q}“.`);
    }
    // Another word of the query still finds its records; the one without a close match is left out.
    expect((await page('q=Xylophonkonzertsaal Zanderteich')).hits.map((h) => h.url)).toContain(url);
  });

  it('finds a person named only in the minutes ("Joeris"), the agenda item first', async () => {
    const hits = await urls('Joeris');
    expect(hits[0]).toBe(TOP_13);
    // The other hits are the meeting itself and the demands whose follow-ups quote Herr Joeris' promises.
    expect(hits.filter((u) => !u.startsWith('/sitzungen/2022-02-02-integrationsrat') && !u.startsWith('/forderungen/'))).toEqual([]);
    expect(hits.some((u) => u.startsWith('/forderungen/'))).toBe(true);
  });

  it('finds a paper by its Drucksachen-Nr. "3.2/0076/2014"', async () => {
    const hits = await searchAllPartitions('3.2/0076/2014');
    const report = hits.find((h) => h.url === REPORT);
    expect(report?.excerpt).toContain('<mark>3.2/0076/2014</mark>');
  });

  it('puts the paper with a Drucksachen-Nr. first, also when newer records numbered "3." fill a page of the newest partition', async () => {
    // Pagefind answered "3.2/0076/2014" (one word, "3200762014") in a partition without it with its prefix "3": the
    // demands numbered "3." filled the first page from the newest partition, and the 2014 paper was never searched.
    for (let i = 1; i <= 12; i++) {
      const paper = await insertPaper({ name: `Quokkasteg Bauabschnitt ${i}`, textMd: 'Das Geländer wird erneuert.', date: `2022-05-${String(10 + i).padStart(2, '0')}` });
      await insertDemand({ paperId: paper.id, ordinal: 3, title: `Geländer am Quokkasteg ${i} erneuern` });
    }
    const budget = await insertPaper({ name: 'Haushaltssatzung', reference: 'DS 12/2020', textMd: 'Die Haushaltssatzung wird beschlossen.', date: '2020-06-01' });
    await rebuild();
    expect((await urls('3.2/0076/2014'))[0]).not.toBe(REPORT);
    const firstHit = async (q: string) => (await page(`q=${encodeURIComponent(q)}`)).hits[0]?.url;
    for (const q of ['3.2/0076/2014', '0076/2014', '2/0076/2014']) expect(await firstHit(q), q).toBe(REPORT);
    for (const q of ['DS 12/2020', 'ds 12/2020', '12/2020']) expect(await firstHit(q), q).toBe(`/vorlagen/${budget.slug}`);
    const report = await page(`q=${encodeURIComponent('3.2/0076/2014')}`);
    expect(report.hits[0]!.meta).toContain('3.2/0076/2014');
    expect(report.hits.map((h) => h.title).filter((t) => t.startsWith('3. '))).toEqual([]);
    // A number nothing carries is searched as typed.
    expect((await page(`q=${encodeURIComponent('9.9/9999/2099')}`)).status).toMatch(/Treffer/);
  });

  it('shows excerpts as plain text: no Markdown syntax and no HTML that a clerk typed into the source', async () => {
    const paper = await insertPaper({
      name: 'Sichere Schulwege',
      date: '2022-05-03',
      textMd: '## Begründung\n\nDie **Schulwegsicherung** ist laut [Lageplan](https://example.org/plan.pdf) _dringend_ &amp; teuer.\n\n<script>alert(1)</script>\n\n- Zebrastreifen <b>sofort</b> markieren',
    });
    await rebuild();
    const hit = (await page('q=Zebrastreifen')).hits.find((h) => h.url === `/vorlagen/${paper.slug}`)!;
    expect(hit.excerpt).toContain('<mark>Zebrastreifen</mark>');
    const text = hit.excerpt.replace(/<\/?mark>/g, '');
    expect(text).toContain('Begründung Die Schulwegsicherung ist laut Lageplan dringend &amp; teuer.');
    expect(text).toContain('Zebrastreifen sofort markieren');
    expect(text).not.toMatch(/\*\*|##|\]\(|https:|_dringend_|&lt;|&amp;amp;|script|alert|<b>/);
  });

  it('narrows results with filters: kind, paper type, body, year, demand status', async () => {
    expect((await urls('Willkommenskultur', { kind: 'Vorlage' })).sort()).toEqual([REPORT, MOTION].sort());
    expect(await urls('Willkommenskultur', { paperType: 'Mitteilungsvorlage' })).toEqual([REPORT]);
    expect(await urls('Joeris', { body: 'Landkreis Grafschaft Bentheim' })).toEqual([]);
    expect(await urls('Joeris', { body: 'StädteRegion Aachen', kind: 'Tagesordnungspunkt' })).toEqual([TOP_13]);
    expect(await urls('Willkommenskultur', { year: '2022' })).toEqual([]);
    const declined = await urls(null, { kind: 'Forderung', demandStatus: 'Von der Verwaltung abgelehnt' });
    expect(declined).toEqual(['/forderungen/1']);
  });

  it('never finds a draft, a deleted paper or a non-public agenda item, nor the demands raised in it', async () => {
    const draft = await insertDraftPaper({ name: 'Willkommenskultur Entwurf', textMd: 'Willkommenskultur und Joeris im Entwurf' });
    const deleted = await insertPaper({ name: 'Willkommenskultur gelöscht', textMd: 'Willkommenskultur und Joeris', deletedAt: new Date().toISOString() });
    const secret = await insertNonPublicAgendaItem({ name: 'Personalangelegenheit Willkommenskultur', minutesMd: 'Vertraulich: Willkommenskultur und Joeris' });
    const secretDemand = await insertDemand({ agendaItemId: secret.id, title: 'Geheime Forderung zur Willkommenskultur', textMd: 'Joeris' });
    await rebuild();
    const found = [...(await urls('Willkommenskultur')), ...(await urls('Joeris')), ...(await urls('Vertraulich'))];
    expect(found).not.toContain(`/vorlagen/${draft.slug}`);
    expect(found).not.toContain(`/vorlagen/${deleted.slug}`);
    expect(found.filter((u) => u.includes('top-n-') || u.endsWith(`/forderungen/${secretDemand.id}`))).toEqual([]);
    expect(found).toContain(REPORT);
    // The seeded non-public item "N 2" stays out too, while the public "Ö 13" is in.
    const n2 = await agendaItemByNumber('2022-02-02-integrationsrat', 'N 2');
    expect(await urls(n2.name)).not.toContain('/sitzungen/2022-02-02-integrationsrat#top-n-2');
  });
});

describe('Search stays fresh after a save', () => {
  beforeEach(rebuild);

  it('a new published paper is found after contentChanged, and only its partition is rebuilt', async () => {
    const before = readManifest()!;
    const paper = await insertPaper({ name: 'Radschnellweg Nordhorn', textMd: 'Der Kreistag berät den Radschnellweg.', date: '2022-05-01' });
    contentChanged({ table: 'paper', id: paper.id, action: 'create' });
    await reindexIdle();
    expect(await urls('Radschnellweg')).toEqual([`/vorlagen/${paper.slug}`]);
    const after = readManifest()!;
    const dir = (m: typeof after, id: string) => m.partitions.find((p) => p.id === id)?.dir;
    expect(dir(after, '2022')).not.toBe(dir(before, '2022'));
    expect(dir(after, '2014')).toBe(dir(before, '2014'));
  });

  it('an update moves a record, an unpublish removes it, a non-public switch hides minutes', async () => {
    const db = getDb();
    const reportId = await idBySlug(t.paper, '3-2-0076-2014');
    await db.update(t.paper).set({ date: '2022-06-01', name: 'Umbenannte Mitteilungsvorlage Quokka' }).where(eq(t.paper.id, reportId));
    contentChanged({ table: 'paper', id: reportId, action: 'update' });
    await reindexIdle();
    expect(await urls('Quokka')).toEqual([REPORT]);
    expect(await urls('Quokka', { year: '2022' })).toEqual([REPORT]);

    await db.update(t.paper).set({ publishedAt: null }).where(eq(t.paper.id, reportId));
    contentChanged({ table: 'paper', id: reportId, action: 'unpublish' });
    await reindexIdle();
    expect(await urls('Quokka')).toEqual([]);

    const top13 = await agendaItemByNumber('2022-02-02-integrationsrat', 'Ö 13');
    await db.update(t.agendaItem).set({ public: false }).where(eq(t.agendaItem.id, top13.id));
    contentChanged({ table: 'agenda_item', id: top13.id, action: 'update' });
    await reindexIdle();
    expect(await urls('Joeris')).toEqual([]);
  });

  it('a replaced bundle stays readable during the grace period and is removed in the background after it', async () => {
    const before = readManifest()!;
    const old = before.partitions.find((p) => p.id === '2022')!.dir;
    const paper = await insertPaper({ name: 'Wombatbahn Lingen', textMd: 'Die Wombatbahn fährt.', date: '2022-05-02' });
    contentChanged({ table: 'paper', id: paper.id, action: 'create' });
    await reindexIdle();
    await staleBundlesRemoved();
    // Browsers that loaded the previous manifest may still fetch from the old bundle for a while.
    expect(fs.existsSync(`${searchDir()}/${old}/pagefind-entry.json`)).toBe(true);
    await removeStaleBundles(searchDir(), readManifest()!, 0);
    expect(fs.existsSync(`${searchDir()}/${old}`)).toBe(false);
    expect(fs.existsSync(`${searchDir()}/keys/${old.slice(2)}.json`)).toBe(false);
    expect(await urls('Wombatbahn')).toEqual([`/vorlagen/${paper.slug}`]);
  });
});
