// `npm run bench:tracker -- --papers 10000`: times the tracker's queries on a synthetic database and prints a table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as t from '@db/schema';
import { openDatabase } from '@/lib/server/db';
import { applyMigrations } from '@/lib/server/migrate';

const { values } = parseArgs({ options: { papers: { type: 'string', default: '2000,10000' }, runs: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false } } });
const sizes = values.papers.split(',').map(Number);
const runs = Number(values.runs);
const statuses = ['eingereicht', 'in_beratung', 'beschlossen', 'in_umsetzung', 'umgesetzt', 'erfuellt', 'abgelehnt'] as const;

/** A small deterministic random generator, so every run builds the same database. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function buildDatabase(file: string, paperCount: number) {
  const url = `file:${file}`;
  const db = openDatabase(url);
  await applyMigrations(db);
  const rnd = random(42);
  const published = '2026-01-01T00:00:00.000Z';
  const [body] = await db.insert(t.body).values({ slug: 'stadt', name: 'Stadt Beispielstadt', publishedAt: published, replyDeadlineDays: 42 }).returning();
  const orgs = await db.insert(t.organization).values(
    Array.from({ length: 20 }, (_, i) => ({ bodyId: body!.id, slug: `org-${i}`, name: `Gremium ${i}`, kind: (i < 5 ? 'group' : i < 10 ? 'office' : 'committee') as 'group' | 'office' | 'committee', publishedAt: published })),
  ).returning();
  for (let start = 0; start < paperCount; start += 500) {
    await db.transaction(async (tx) => {
      const papers = await tx.insert(t.paper).values(Array.from({ length: Math.min(500, paperCount - start) }, (_, k) => {
        const i = start + k;
        const year = 2010 + Math.floor(rnd() * 16);
        return { bodyId: body!.id, slug: `p-${i}`, reference: `${i}/${year}`, name: `Antrag ${i}`, paperType: 'antrag' as const, date: `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`, publishedAt: published };
      })).returning({ id: t.paper.id, date: t.paper.date });
      await tx.insert(t.paperOriginator).values(papers.map((p) => ({ paperId: p.id, organizationId: orgs[Math.floor(rnd() * 5)]!.id })));
      const demands = await tx.insert(t.demand).values(papers.flatMap((p) => [1, 2, 3].map((ordinal) => ({
        paperId: p.id, ordinal, title: `Forderung ${ordinal}`, textMd: 'Text', textHtml: '<p>Text</p>', status: statuses[Math.floor(rnd() * statuses.length)]!,
        responsibleOrganizationId: orgs[5 + Math.floor(rnd() * 5)]!.id, publishedAt: published,
      })))).returning({ id: t.demand.id });
      await tx.insert(t.followUp).values(demands.flatMap((d) => (rnd() < 0.6 ? [{ demandId: d.id, date: '2024-05-01', kind: 'promise' as const, textMd: 'Zusage', textHtml: '<p>Zusage</p>', nextDueDate: `202${4 + Math.floor(rnd() * 4)}-06-30`, publishedAt: published }] : [])));
    });
  }
  db.$client.close();
  return url;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

const table: Record<string, Record<string, string>> = {};
for (const papers of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratsfaden-bench-'));
  process.env.DATABASE_URL = await buildDatabase(path.join(dir, 'bench.db'), papers);
  const { closeDb } = await import('@/lib/server/db');
  const { loadTrackedDemands } = await import('@/lib/server/tracking/load');
  const { filterDemands, sortByUrgency, demandsCsv } = await import('@/lib/server/tracking/filter');
  const { allTrackedDemands } = await import('@/lib/server/tracking/cache');
  const { statusFeed } = await import('@/lib/server/feeds/atom');
  const { demandsOfPapers } = await import('@/lib/server/tracking/demand-lists');
  const { getDemand } = await import('@/lib/server/tracking/demand-detail');
  closeDb();
  const column = `${papers} Anträge / ${papers * 3} Forderungen`;
  const all = await loadTrackedDemands();
  table['Tracker: alle Forderungen laden (ms)'] = { ...table['Tracker: alle Forderungen laden (ms)'], [column]: (await time(() => loadTrackedDemands())).toFixed(0) };
  await allTrackedDemands();
  table['Tracker aus dem Speicher (ms)'] = { ...table['Tracker aus dem Speicher (ms)'], [column]: (await time(() => allTrackedDemands())).toFixed(2) };
  table['Atom-Feed aller Statusänderungen (ms)'] = { ...table['Atom-Feed aller Statusänderungen (ms)'], [column]: (await time(() => statusFeed('https://x', '/f', {}, 'alle'))).toFixed(1) };
  table['Filter „überfällig“ + Sortierung (ms)'] = { ...table['Filter „überfällig“ + Sortierung (ms)'], [column]: (await time(async () => sortByUrgency(filterDemands(all, { overdue: true })))).toFixed(1) };
  table['CSV aller Forderungen (ms)'] = { ...table['CSV aller Forderungen (ms)'], [column]: (await time(async () => demandsCsv(all, 'https://x'))).toFixed(0) };
  table['Forderungen einer Vorlage (ms)'] = { ...table['Forderungen einer Vorlage (ms)'], [column]: (await time(() => demandsOfPapers([Math.ceil(papers / 2)]))).toFixed(1) };
  table['Seite einer Forderung (ms)'] = { ...table['Seite einer Forderung (ms)'], [column]: (await time(() => getDemand(Math.ceil(papers)))).toFixed(1) };
  table['Heap nach dem Laden (MB)'] = { ...table['Heap nach dem Laden (MB)'], [column]: (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0) };
  closeDb();
  if (values.keep) console.log(`Datenbank behalten: ${process.env.DATABASE_URL}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`Beschlusskontrolle – Median aus ${runs} Läufen, Node ${process.version}`);
console.table(table);
