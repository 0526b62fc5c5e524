// Keeps the index fresh after saves: changes are collected for a short moment (a clerk's save often
// touches several rows), then the touched partitions are rebuilt in the background, one run at a time,
// and swapped in atomically. The request that saved never waits for this, and the records are read and indexed in
// a worker thread (./index-worker.ts): about half a second of CPU per partition that would otherwise stall every reader.
import type { ContentChange } from '@/lib/server/changes/report';
import { getDb } from '@/lib/server/db';
import { anchorsOf, partitionsFor } from './affected';
import { buildAll, rebuildPartitions } from './indexer';
import { buildPartitionOffThread } from './index-worker';
import { readManifest, searchDir } from './store';

/** Wait after the last change before rebuilding, to batch the rows of one save. */
const DEBOUNCE_MS = 250;

let pending: ContentChange[] = [];
let timer: NodeJS.Timeout | null = null;
let running: Promise<void> | null = null;
let idleWaiters: (() => void)[] = [];

async function run(changes: ContentChange[]): Promise<void> {
  const client = getDb().$client;
  const dir = searchDir();
  const manifest = readManifest(dir);
  // No index yet: nothing to keep fresh. `npm start` and `npm run search:index` build the first one.
  if (!manifest) return;
  const anchors = [];
  for (const change of changes) {
    const found = await anchorsOf(client, change);
    if (found === 'all') {
      await buildAll(client, { dir, build: buildPartitionOffThread });
      return;
    }
    anchors.push(...found);
  }
  const plans = partitionsFor(manifest, dir, anchors);
  if (plans.length) await rebuildPartitions(client, plans, dir, buildPartitionOffThread);
}

function drain(): void {
  timer = null;
  if (running) return;
  const batch = pending;
  pending = [];
  running = run(batch)
    .catch((error) => console.error('Suchindex: Aktualisierung nach dem Speichern fehlgeschlagen.', error))
    .finally(() => {
      running = null;
      if (pending.length) schedule();
      else {
        const waiters = idleWaiters;
        idleWaiters = [];
        waiters.forEach((w) => w());
      }
    });
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(drain, DEBOUNCE_MS);
}

/** Queues a reindex for a committed change; returns at once. */
export function queueReindex(change: ContentChange): void {
  pending.push(change);
  schedule();
}

/** Resolves when no change is waiting and no rebuild is running (for tests and orderly shutdown). */
export function reindexIdle(): Promise<void> {
  if (!timer && !running && !pending.length) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}
