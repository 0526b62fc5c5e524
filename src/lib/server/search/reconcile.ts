// Reconciling the index with the change log (decision record 0011): a save is reindexed in the background by the
// process that saved it; if that process died first (kill -9, a crash, a power cut), the save is in the database and
// the log but not in the index. Any instance finds such saves here, at its start and then periodically: the changes
// after the manifest's `reconciledTo`, traced to the partitions they touch; a partition whose bundle was built
// before the change (its `changeId` is older) is rebuilt. Only when the log no longer reaches back that far, or a
// name every partition shows changed, is everything rebuilt.
import type { Client } from '@libsql/client';
import type { ContentChange } from '@/lib/server/changes/report';
import { kindOf } from '@/lib/server/changes/tags';
import { recordChangeWith } from '@/lib/server/changes/log';
import { anchorsOf, partitionNeeds, type Anchor } from './affected';
import { buildAll, buildPartition, newestChange, type PartitionBuilder } from './indexer';
import { fullBuildRunning } from './lock';
import { holds, mergeRebuilt, samePartition } from './merge';
import { readManifest, searchDir, swapManifest, type Manifest } from './store';
import type { Partition } from './partitions';

/** What a reconciliation did. */
export type Reconciled =
  | { done: 'nothing'; reconciledTo: number }
  | { done: 'partitions'; partitions: string[]; reconciledTo: number }
  | { done: 'everything'; reason: string }
  | { done: 'skipped'; reason: string };

/** Tables whose rows the change log names by record tag (`paper:12`), keyed by the tag's kind. */
const indexedKinds = new Map<string, ContentChange['table']>(
  (['paper', 'meeting', 'agenda_item', 'demand', 'follow_up', 'file', 'consultation'] as const).map((table) => [kindOf(table), table]),
);
/** A bare kind tag means a row of that kind was saved: these names are shown in records of every partition. */
const everywhere = new Set(['body', 'organization', 'person']);

/**
 * What a logged change touched in the index, from its page-cache tags: 'all' for a body, organization or person,
 * else the records it names (its own and the ones shown with it: more than strictly needed, never less).
 * `*` alone (an import or test writing rows directly) drops page caches only; `search` is the index's own swap.
 */
export function changesOfTags(tags: string[]): ContentChange[] | 'all' {
  if (tags.some((tag) => everywhere.has(tag))) return 'all';
  const changes: ContentChange[] = [];
  for (const tag of tags) {
    const [kind, id] = tag.split(':');
    const table = kind ? indexedKinds.get(kind) : undefined;
    if (table && id && /^\d+$/.test(id)) changes.push({ table, id: Number(id), action: 'update' });
  }
  return changes;
}

async function scalar(client: Client, sql: string, args: (number | string)[] = []): Promise<number | null> {
  const value = (await client.execute({ sql, args })).rows[0]?.[0];
  return value === null || value === undefined ? null : Number(value);
}

/**
 * How far an index from before `reconciledTo` was kept is taken to be reconciled: the last change logged a minute
 * before its manifest was written (its reindex had read the records by then), or just before the oldest change kept.
 */
async function legacyMark(client: Client, manifest: Manifest): Promise<number> {
  const before = await scalar(client, 'SELECT max(id) FROM content_change WHERE created_at <= ?', [Date.parse(manifest.updatedAt) - 60_000]);
  if (before !== null) return before;
  return Math.max(0, ((await scalar(client, 'SELECT min(id) FROM content_change')) ?? 1) - 1);
}

async function rebuildEverything(client: Client, dir: string, build: PartitionBuilder | undefined, reason: string): Promise<Reconciled> {
  console.warn(`Suchindex: ${reason} Der Suchindex wird vollständig neu aufgebaut.`);
  const manifest = await buildAll(client, { dir, build, exclusive: true });
  return manifest ? { done: 'everything', reason } : { done: 'skipped', reason: 'Ein anderer Prozess baut den Suchindex gerade vollständig neu.' };
}

/**
 * Brings the index in `dir` up to date with every change logged at least `graceMs` ago (0 at start-up: all of them;
 * periodically a minute, so that the saving instance's own reindex goes first). Safe to run in several instances at
 * once: bundles are merged by their change marks (./merge.ts), and `reconciledTo` only moves once what it covers is in.
 */
export async function reconcile(client: Client, options: { dir?: string; graceMs?: number; build?: PartitionBuilder } = {}): Promise<Reconciled> {
  const dir = options.dir ?? searchDir();
  const manifest = readManifest(dir);
  // No index yet: `npm start` and `npm run search:index` build the first one.
  if (!manifest) return { done: 'skipped', reason: 'Es gibt noch keinen Suchindex.' };
  if (fullBuildRunning(dir)) return { done: 'skipped', reason: 'Der Suchindex wird gerade vollständig neu aufgebaut.' };
  const newest = await newestChange(client);
  const upTo = options.graceMs ? ((await scalar(client, 'SELECT max(id) FROM content_change WHERE created_at <= ?', [Date.now() - options.graceMs])) ?? 0) : newest;
  const from = manifest.reconciledTo ?? (await legacyMark(client, manifest));
  if (newest < from) return rebuildEverything(client, dir, options.build, `Der Suchindex kennt Änderungen bis Nr. ${from}, die Datenbank nur bis Nr. ${newest} (eine andere oder zurückgesetzte Datenbank?).`);
  if (upTo <= from) return { done: 'nothing', reconciledTo: from };
  const oldestKept = (await scalar(client, 'SELECT min(id) FROM content_change')) ?? newest;
  if (oldestKept > from + 1) return rebuildEverything(client, dir, options.build, `Das Änderungsprotokoll reicht nicht mehr bis zum Stand des Suchindex zurück (ältester Eintrag Nr. ${oldestKept}, Index bis Nr. ${from}).`);

  const rows = (await client.execute({ sql: 'SELECT id, tags FROM content_change WHERE id > ? AND id <= ? ORDER BY id', args: [from, upTo] })).rows;
  const markOf = (p: Partition) => p.changeId ?? from;
  // The newest change per record; a record's anchors are looked up once, as it is now.
  const newestPerRecord = new Map<string, { change: ContentChange; changeId: number }>();
  for (const row of rows) {
    const changeId = Number(row.id);
    const changes = changesOfTags(String(row.tags).split(',').filter(Boolean));
    if (changes === 'all') {
      if (manifest.partitions.some((p) => markOf(p) < changeId)) return rebuildEverything(client, dir, options.build, `Seit dem letzten Stand des Suchindex wurde eine Körperschaft, ein Gremium oder eine Person geändert (Änderung Nr. ${changeId}).`);
      continue;
    }
    for (const change of changes) newestPerRecord.set(`${change.table}:${change.id}`, { change, changeId });
  }
  const touched: { anchors: Anchor[]; changeId: number }[] = [];
  for (const { change, changeId } of newestPerRecord.values()) {
    const anchors = await anchorsOf(client, change);
    if (anchors !== 'all') touched.push({ anchors, changeId });
  }
  const needs = partitionNeeds(manifest, dir, touched);
  const stale = needs.filter(({ plan, need }) => {
    const current = manifest.partitions.find((p) => samePartition(p, plan));
    return !current || markOf(current) < need;
  });
  const build = options.build ?? ((d: string, plan: Omit<Partition, 'dir'>) => buildPartition(client, d, plan));
  const rebuilt: Partition[] = [];
  for (const { plan } of stale) rebuilt.push(await build(dir, plan));

  let merged: Partition[] = [];
  let reconciledTo = from;
  await swapManifest(dir, (latest) => {
    if (!latest) return null;
    const result = mergeRebuilt(latest.partitions, rebuilt);
    merged = result.merged;
    const latestFrom = latest.reconciledTo ?? from;
    // Every partition a change up to `upTo` touched must now be built after it; a full build swapped in meanwhile
    // (which lowers `reconciledTo`) or a rebuild that could not go in leaves the mark for the next round.
    const complete = latestFrom >= from && needs.every(({ plan, need }) => holds(result.partitions, plan, need) || holdsUnder(result.partitions, plan, from, need));
    reconciledTo = complete ? Math.max(latestFrom, upTo) : latestFrom;
    if (!merged.length && reconciledTo === latest.reconciledTo) return null;
    return { partitions: result.partitions, reconciledTo };
  });
  if (merged.length) await recordChangeWith(client, ['search']);
  return merged.length ? { done: 'partitions', partitions: merged.map((p) => p.id), reconciledTo } : { done: 'nothing', reconciledTo };
}

/** A partition of an index from before change marks were kept counts as built at `from`. */
function holdsUnder(partitions: Partition[], plan: Pick<Partition, 'id' | 'from' | 'to'>, from: number, need: number): boolean {
  const p = partitions.find((q) => samePartition(q, plan));
  return !!p && p.changeId === undefined && from >= need;
}
