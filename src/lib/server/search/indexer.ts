// Builds the partitioned index: everything (search:index, npm start), or only some partitions (after a save).
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@libsql/client';
import { recordChangeWith } from '@/lib/server/changes/log';
import { writeBundle } from './bundle';
import { markFullBuild } from './lock';
import { mergeFullBuild, mergeRebuilt } from './merge';
import { countRecordsByDay, loadRecords } from './records';
import { planPartitions, type Partition } from './partitions';
import { newBundleDir, readManifest, searchDir, swapManifest, writeKeys, type Manifest } from './store';

/** The page-cache tag of pages showing search results; every swap of the manifest touches it. */
const SEARCH_TAG = 'search';

/** Progress of a build: partitions and records done so far out of the total. */
export interface BuildProgress {
  partition: string;
  partitionsDone: number;
  partitions: number;
  recordsDone: number;
  records: number;
}

/** Builds one partition's bundle into `dir`; returns it with its new folder and record count. */
export type PartitionBuilder = (dir: string, plan: Omit<Partition, 'dir'>) => Promise<Partition>;

/**
 * The newest change in the change log (0 when it is empty or missing). Read before records are loaded, every save up
 * to it is in what is loaded: a save's transaction commits before its change is logged.
 */
export async function newestChange(client: Client): Promise<number> {
  try {
    const result = await client.execute('SELECT max(id) FROM content_change');
    return Number(result.rows[0]?.[0] ?? 0);
  } catch {
    return 0;
  }
}

/** Builds one partition's bundle from the database; returns it with its new folder, record count and change mark. */
export async function buildPartition(client: Client, dir: string, plan: Omit<Partition, 'dir' | 'changeId'>): Promise<Partition> {
  const changeId = await newestChange(client);
  const records = await loadRecords(client, plan.from, plan.to);
  const bundle = newBundleDir(plan.id);
  if (records.length) {
    await writeBundle(records, path.join(dir, bundle));
    writeKeys(dir, bundle, records.map((r) => r.key));
  }
  return { id: plan.id, from: plan.from, to: plan.to, records: records.length, dir: bundle, changeId };
}

/**
 * Rebuilds the whole index from the database, partition by partition (each in a fresh Pagefind
 * process, so memory stays bounded by the largest partition), then swaps the manifest once.
 * With `exclusive` it returns null at once when another process is running a full build of the same folder.
 */
export async function buildAll(client: Client, options: { dir?: string; onProgress?: (p: BuildProgress) => void; build?: PartitionBuilder; exclusive: true }): Promise<Manifest | null>;
export async function buildAll(client: Client, options?: { dir?: string; onProgress?: (p: BuildProgress) => void; build?: PartitionBuilder; exclusive?: false }): Promise<Manifest>;
export async function buildAll(client: Client, options: { dir?: string; onProgress?: (p: BuildProgress) => void; build?: PartitionBuilder; exclusive?: boolean } = {}): Promise<Manifest | null> {
  const dir = options.dir ?? searchDir();
  const build = options.build ?? ((d, plan) => buildPartition(client, d, plan));
  const marker = markFullBuild(dir, { exclusive: options.exclusive });
  if (!marker) return null;
  try {
    // Every save up to here is in what the partitions load below: the index is reconciled up to it.
    const reconciledTo = await newestChange(client);
    const plans = planPartitions(await countRecordsByDay(client));
    const total = plans.reduce((n, p) => n + p.records, 0);
    const built: Partition[] = [];
    let recordsDone = 0;
    options.onProgress?.({ partition: '', partitionsDone: 0, partitions: plans.length, recordsDone: 0, records: total });
    for (const plan of plans) {
      const partition = await build(dir, plan);
      built.push(partition);
      marker.touch();
      recordsDone += partition.records;
      options.onProgress?.({ partition: plan.id, partitionsDone: built.length, partitions: plans.length, recordsDone, records: total });
    }
    marker.release();
    const manifest = (await swapManifest(dir, (latest) => ({ partitions: mergeFullBuild(latest?.partitions ?? [], built), reconciledTo })))!;
    await recordChangeWith(client, [SEARCH_TAG]);
    return manifest;
  } finally {
    marker.release();
  }
}

/**
 * Rebuilds the partitions planned (creating whole-year ones that do not exist yet) and merges them into the latest
 * manifest (./merge.ts: a newer rebuild by another process is kept). Without a manifest it builds everything.
 * Returns the manifest now in place and the rebuilt partitions that went into it.
 */
export async function rebuildPartitions(client: Client, plans: Omit<Partition, 'dir'>[], dir = searchDir(), build?: PartitionBuilder): Promise<{ manifest: Manifest; merged: Partition[] }> {
  const current = readManifest(dir);
  if (!current) {
    const manifest = await buildAll(client, { dir, build });
    return { manifest, merged: manifest.partitions };
  }
  const rebuilt: Partition[] = [];
  for (const plan of plans) rebuilt.push(await (build ?? ((d, p) => buildPartition(client, d, p)))(dir, plan));
  let merged: Partition[] = [];
  const manifest = await swapManifest(dir, (latest) => {
    const result = mergeRebuilt((latest ?? current).partitions, rebuilt);
    merged = result.merged;
    return merged.length ? { partitions: result.partitions, reconciledTo: (latest ?? current).reconciledTo } : null;
  });
  if (merged.length) await recordChangeWith(client, [SEARCH_TAG]);
  return { manifest: manifest ?? current, merged };
}
