// Reconciling the search index with the change log (src/lib/server/search/reconcile.ts) on the seed corpus: saves
// logged but never reindexed (the saving process died) are brought in by rebuilding only their partitions; a log
// pruned beyond the index's mark, or an index from another database, rebuilds everything.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { lt } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { buildAll, rebuildPartitions } from '@/lib/server/search/indexer';
import { reconcile } from '@/lib/server/search/reconcile';
import { readManifest, staleBundlesRemoved } from '@/lib/server/search/store';
import { searchAllPartitions } from '@/lib/server/search/query';
import { insertPaper } from '../support/database';
import { tmpDir } from '../support/paths';

// Tiny partitions, so that the seed corpus is cut into several, as a big corpus would be.
process.env.SEARCH_PARTITION_SIZE = '5';
const dir = path.join(process.env.DATA_DIR ?? tmpDir, 'search');

/** Logs a change as the app's afterSave does (the page-cache tags of a paper save). */
async function logSave(paperId: number): Promise<number> {
  const [row] = await getDb().insert(t.contentChange).values({ tags: `paper:${paperId},paper,demand,followUp,file,consultation,body:1`, createdAt: Date.now() }).returning({ id: t.contentChange.id });
  return row!.id;
}

const urls = async (term: string) => (await searchAllPartitions(term)).map((h) => h.url);
const dirs = () => Object.fromEntries(readManifest(dir)!.partitions.map((p) => [p.id, p.dir]));

beforeEach(async () => {
  await staleBundlesRemoved();
  fs.rmSync(dir, { recursive: true, force: true });
  await buildAll(getDb().$client, { dir });
});
afterAll(async () => {
  await staleBundlesRemoved();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reconciling the index with the change log', () => {
  it('indexes a logged save that was never reindexed, rebuilding only its partition', async () => {
    const before = dirs();
    const paper = await insertPaper({ name: 'Bienenweide Emlichheim', textMd: 'Der Kreistag berät die Bienenweide.', date: '2014-06-01' });
    const change = await logSave(paper.id);
    expect(await urls('Bienenweide')).not.toContain(`/vorlagen/${paper.slug}`);

    const result = await reconcile(getDb().$client, { dir });
    expect(result).toEqual({ done: 'partitions', partitions: ['2014'], reconciledTo: change });
    expect(await urls('Bienenweide')).toContain(`/vorlagen/${paper.slug}`);
    const after = dirs();
    expect(Object.keys(after).filter((id) => after[id] !== before[id])).toEqual(['2014']);
    // Nothing new but the swap's own `search` change: a second run only moves the mark past it.
    expect(await reconcile(getDb().$client, { dir })).toEqual({ done: 'nothing', reconciledTo: change + 1 });
    expect(dirs()).toEqual(after);
  });

  it('skips a partition that the saving process rebuilt after the change, and only moves the mark', async () => {
    const paper = await insertPaper({ name: 'Kopfweidenpflege', date: '2014-06-02' });
    const change = await logSave(paper.id);
    await rebuildPartitions(getDb().$client, [readManifest(dir)!.partitions.find((p) => p.id === '2014')!], dir);
    const before = dirs();
    // The rebuild logged its own swap (`search`) after the save: the mark moves past both.
    expect((await reconcile(getDb().$client, { dir })).done).toBe('nothing');
    expect(dirs()).toEqual(before);
    expect(readManifest(dir)!.reconciledTo).toBeGreaterThan(change);
  });

  it('leaves changes younger than the grace period to the process that saved them', async () => {
    const paper = await insertPaper({ name: 'Streuobstwiese Uelsen', date: '2014-06-03' });
    await logSave(paper.id);
    const mark = readManifest(dir)!.reconciledTo;
    expect(await reconcile(getDb().$client, { dir, graceMs: 60_000 })).toEqual({ done: 'nothing', reconciledTo: mark });
    expect(await urls('Streuobstwiese')).not.toContain(`/vorlagen/${paper.slug}`);
  });

  it('rebuilds everything when the log was pruned beyond the index, and says so', async () => {
    const paper = await insertPaper({ name: 'Heckenschutzprogramm', date: '2014-06-04' });
    const change = await logSave(paper.id);
    await logSave(paper.id);
    // The first unreconciled change is gone (pruned), so the log cannot tell what it touched.
    await getDb().delete(t.contentChange).where(lt(t.contentChange.id, change + 1));
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => void warned.push(message);
    try {
      expect((await reconcile(getDb().$client, { dir })).done).toBe('everything');
    } finally {
      console.warn = warn;
    }
    expect(warned.join('\n')).toContain('Das Änderungsprotokoll reicht nicht mehr bis zum Stand des Suchindex zurück');
    expect(await urls('Heckenschutzprogramm')).toContain(`/vorlagen/${paper.slug}`);
  });

  it('rebuilds everything when the index knows changes the database does not (another database)', async () => {
    const manifest = readManifest(dir)!;
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, reconciledTo: (manifest.reconciledTo ?? 0) + 1000 }));
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect((await reconcile(getDb().$client, { dir })).done).toBe('everything');
    } finally {
      console.warn = warn;
    }
  });
});
