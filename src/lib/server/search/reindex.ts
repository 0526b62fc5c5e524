// Keeps the index fresh after saves: changes are collected for a short moment (a clerk's save often
// touches several rows), then the touched partitions are rebuilt in the background, one run at a time,
// and swapped in atomically. The request that saved never waits for this, and the records are read and indexed in
// a worker thread (./index-worker.ts): about half a second of CPU per partition that would otherwise stall every reader.
// Saves that a process logged but did not live to index are found by reconciliation (./reconcile.ts), run here too:
// once when the process starts following the change log, then every SEARCH_RECONCILE_SECONDS.
import type { ContentChange } from '@/lib/server/changes/report';
import { getDb } from '@/lib/server/db';
import { anchorsOf, partitionsFor } from './affected';
import { buildAll, rebuildPartitions } from './indexer';
import { buildPartitionOffThread } from './index-worker';
import { reconcile } from './reconcile';
import { readManifest, searchDir } from './store';

/** Wait after the last change before rebuilding, to batch the rows of one save (SEARCH_REINDEX_DELAY_MS, default 250). */
function delayMs(): number {
  const ms = Number(process.env.SEARCH_REINDEX_DELAY_MS ?? 250);
  return Number.isFinite(ms) && ms >= 0 ? ms : 250;
}

/** How often reconciliation runs, and how old a logged change must be before it takes it up (SEARCH_RECONCILE_SECONDS, default 60). */
function reconcileEveryMs(): number {
  const seconds = Number(process.env.SEARCH_RECONCILE_SECONDS ?? 60);
  return (Number.isFinite(seconds) && seconds >= 1 ? seconds : 60) * 1000;
}

let pending: ContentChange[] = [];
let timer: NodeJS.Timeout | null = null;
let running: Promise<void> | null = null;
let idleWaiters: (() => void)[] = [];
/** A reconciliation asked for, with the age a change must have to be taken up (null: none asked for). */
let reconcileGraceMs: number | null = null;
let reconciling = false;

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

async function runReconcile(graceMs: number): Promise<void> {
  const result = await reconcile(getDb().$client, { dir: searchDir(), graceMs, build: buildPartitionOffThread });
  if (result.done === 'partitions') console.log(`Suchindex: nicht indexierte Änderungen nachgeholt (Teile ${result.partitions.join(', ')}).`);
}

function drain(): void {
  timer = null;
  if (running) return;
  if (pending.length) {
    const batch = pending;
    pending = [];
    running = run(batch).catch((error) => console.error('Suchindex: Aktualisierung nach dem Speichern fehlgeschlagen.', error));
  } else if (reconcileGraceMs !== null) {
    const grace = reconcileGraceMs;
    reconcileGraceMs = null;
    running = runReconcile(grace).catch((error) => console.error('Suchindex: Abgleich mit dem Änderungsprotokoll fehlgeschlagen.', error));
  } else return;
  void running.finally(() => {
    running = null;
    if (pending.length) schedule();
    else if (reconcileGraceMs !== null) drain();
    else {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((w) => w());
    }
  });
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(drain, delayMs());
}

/** Queues a reindex for a committed change; returns at once. */
export function queueReindex(change: ContentChange): void {
  pending.push(change);
  schedule();
}

/** Asks for a reconciliation of changes logged at least `graceMs` ago; it runs when no reindex is due. */
export function queueReconcile(graceMs = 0): void {
  reconcileGraceMs = reconcileGraceMs === null ? graceMs : Math.min(reconcileGraceMs, graceMs);
  if (!timer && !running) drain();
}

/**
 * Reconciles the index with the change log now (whatever was saved but not indexed before a process died) and
 * then every SEARCH_RECONCILE_SECONDS, changes at least that old (idempotent; the timer never keeps the process alive).
 */
export function startReconciling(): void {
  if (reconciling) return;
  reconciling = true;
  queueReconcile(0);
  const every = reconcileEveryMs();
  setInterval(() => queueReconcile(every), every).unref();
}

/** Resolves when no change is waiting and no rebuild is running (for tests and orderly shutdown). */
export function reindexIdle(): Promise<void> {
  if (!timer && !running && !pending.length && reconcileGraceMs === null) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}
