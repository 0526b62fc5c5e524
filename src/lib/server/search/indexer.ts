// Builds the partitioned index: everything (search:index, npm start), or only some partitions (after a save).
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@libsql/client';
import { recordChangeWith } from '@/lib/server/changes/log';
import { writeBundle } from './bundle';
import { countRecordsByDay, loadRecords } from './records';
import { planPartitions, type Partition } from './partitions';
import { markBuilding, newBundleDir, readManifest, searchDir, swapManifest, writeKeys, type Manifest } from './store';

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

/** Builds one partition's bundle from the database; returns it with its new folder and record count. */
export async function buildPartition(client: Client, dir: string, plan: Omit<Partition, 'dir'>): Promise<Partition> {
  const records = await loadRecords(client, plan.from, plan.to);
  const bundle = newBundleDir(plan.id);
  if (records.length) {
    await writeBundle(records, path.join(dir, bundle));
    writeKeys(dir, bundle, records.map((r) => r.key));
  }
  return { ...plan, records: records.length, dir: bundle };
}

/**
 * Rebuilds the whole index from the database, partition by partition (each in a fresh Pagefind
 * process, so memory stays bounded by the largest partition), then swaps the manifest once.
 */
export async function buildAll(client: Client, options: { dir?: string; onProgress?: (p: BuildProgress) => void; build?: PartitionBuilder } = {}): Promise<Manifest> {
  const dir = options.dir ?? searchDir();
  const build = options.build ?? ((d, plan) => buildPartition(client, d, plan));
  fs.mkdirSync(dir, { recursive: true });
  markBuilding(dir, true);
  try {
    const plans = planPartitions(await countRecordsByDay(client));
    const total = plans.reduce((n, p) => n + p.records, 0);
    const built: Partition[] = [];
    let recordsDone = 0;
    options.onProgress?.({ partition: '', partitionsDone: 0, partitions: plans.length, recordsDone: 0, records: total });
    for (const plan of plans) {
      const partition = await build(dir, plan);
      built.push(partition);
      recordsDone += partition.records;
      options.onProgress?.({ partition: plan.id, partitionsDone: built.length, partitions: plans.length, recordsDone, records: total });
    }
    markBuilding(dir, false);
    const manifest = swapManifest(dir, built);
    await recordChangeWith(client, [SEARCH_TAG]);
    return manifest;
  } finally {
    markBuilding(dir, false);
  }
}

/**
 * Rebuilds only the partitions with these ids (creating whole-year ones that do not exist yet) and
 * swaps them into the current manifest. Without a manifest it builds everything.
 */
export async function rebuildPartitions(client: Client, plans: Omit<Partition, 'dir'>[], dir = searchDir(), build?: PartitionBuilder): Promise<Manifest> {
  const current = readManifest(dir);
  if (!current) return buildAll(client, { dir, build });
  const rebuilt = new Map<string, Partition>();
  for (const plan of plans) rebuilt.set(plan.id, await (build ?? ((d, p) => buildPartition(client, d, p)))(dir, plan));
  // Re-read: only this process swaps incrementally, but a full build may have finished meanwhile.
  const latest = readManifest(dir) ?? current;
  const kept = latest.partitions.filter((p) => !rebuilt.has(p.id));
  const manifest = swapManifest(dir, [...kept, ...rebuilt.values()]);
  await recordChangeWith(client, [SEARCH_TAG]);
  return manifest;
}
