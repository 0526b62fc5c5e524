// A crash right after a save: the save is acknowledged and in the database, but the process dies before its
// background reindex runs. After a restart on the same data the saved text must be found by search, and only the
// partition the save touched is rebuilt (no full rebuild). The servers reindex after a save only after ten minutes
// here (SEARCH_REINDEX_DELAY_MS), so the crash always comes first; periodic reconciliation is off
// (SEARCH_RECONCILE_SECONDS), so only the start-up reconciliation can bring the save in.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, max } from 'drizzle-orm';
import * as t from '@db/schema';
import { buildAll } from '@/lib/server/search/indexer';
import type { Manifest } from '@/lib/server/search/store';
import { insertAccount } from '../support/users';
import { startDeployment, type Deployment, signIn } from '../support/instances';
import { uniqueToken } from '../support/unique';

let deployment: Deployment;
let base: string;
let cookie: string;
let bodyId: string;
const searchDir = () => path.join(deployment.dataDir, 'search');
const manifest = () => JSON.parse(fs.readFileSync(path.join(searchDir(), 'manifest.json'), 'utf8')) as Manifest;

beforeAll(async () => {
  deployment = await startDeployment('search-reconcile', 1, { SEARCH_REINDEX_DELAY_MS: '600000', SEARCH_RECONCILE_SECONDS: '3600' });
  base = deployment.instances[0]!.baseUrl;
  // The index, built with the real indexer; tiny partitions cut the seed corpus into several, as on a big corpus.
  const size = process.env.SEARCH_PARTITION_SIZE;
  process.env.SEARCH_PARTITION_SIZE = '5';
  try {
    await buildAll(deployment.db.$client, { dir: searchDir() });
  } finally {
    if (size === undefined) delete process.env.SEARCH_PARTITION_SIZE;
    else process.env.SEARCH_PARTITION_SIZE = size;
  }
  const clerk = await insertAccount(deployment.db, { email: 'abgleich-klerk@example.org', name: 'Klara Abgleich', role: 'clerk', password: 'Abgleich-Test-Passwort-1' });
  cookie = await signIn(base, clerk);
  const [body] = await deployment.db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
  bodyId = String(body!.id);
});

afterAll(async () => {
  await deployment?.stop();
  expect(deployment ? deployment.errors() : []).toEqual([]);
});

describe('search after a crash', () => {
  it('a paper saved just before kill -9 is found after the restart, and only its partition was rebuilt', async () => {
    const before = manifest();
    expect(before.partitions.length, 'the seed corpus is cut into several partitions').toBeGreaterThan(1);
    const word = `Abgleichwort${uniqueToken().replace(/[^a-z0-9]/gi, '')}`;
    const date = '2022-12-20';
    const url = new URL(`${base}/verwaltung/vorlagen/neu`);
    url.searchParams.set('_action', 'papers.save');
    const saved = await fetch(url, {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: cookie },
      body: new URLSearchParams({ version: '0', bodyId, paperType: 'antrag', date, name: `Antrag zum ${word}`, textMd: `Der Kreistag möge das ${word} prüfen.`, intent: 'publish' }),
    });
    expect(saved.status, 'the save is acknowledged').toBe(303);
    await deployment.crash(0);
    const id = Number(saved.headers.get('location')!.match(/vorlagen\/(\d+)/)![1]);
    const [paper] = await deployment.db.select({ slug: t.paper.slug }).from(t.paper).where(eq(t.paper.id, id));
    const [logged] = await deployment.db.select({ id: max(t.contentChange.id) }).from(t.contentChange);
    expect(manifest().partitions.map((p) => p.dir), 'the crashed process did not reindex').toEqual(before.partitions.map((p) => p.dir));

    await deployment.restart(0);
    // The timeout only stops a hang; the start-up reconciliation rebuilds one small partition.
    await expect.poll(async () => (await (await fetch(`${base}/suche?q=${word}`)).text()).includes(`/vorlagen/${paper!.slug}"`), { interval: 250, timeout: 120_000 }).toBe(true);

    const after = manifest();
    const covering = before.partitions.find((p) => p.from <= date && date <= p.to)!;
    const changed = after.partitions.filter((p) => !before.partitions.some((q) => q.dir === p.dir)).map((p) => p.id);
    expect(changed, 'only the partition holding the saved date was rebuilt').toEqual([covering.id]);
    expect(after.partitions.map((p) => p.id)).toEqual(before.partitions.map((p) => p.id));
    expect(after.reconciledTo, 'the index is reconciled up to the save').toBeGreaterThanOrEqual(logged!.id!);
    // A server restart and a poll that may take its full guard: beyond the default hang guard.
  }, 240_000);
});
