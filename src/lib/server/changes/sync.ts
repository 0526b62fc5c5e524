// Learning of other instances' saves: the change log is polled (CHANGE_POLL_MS, default 1000) and each new change
// is applied here. Changes this process recorded itself were applied when they were saved and are skipped.
import { applyChange } from './apply';
import { changesSince, latestChangeId, pruneChanges, EVERYTHING } from './log';
import { startReconciling } from '@/lib/server/search/reindex';

/** How often the log is read; also the longest another instance's save may take to show here. */
function pollMs(): number {
  const ms = Number(process.env.CHANGE_POLL_MS ?? 1000);
  return Number.isFinite(ms) && ms >= 50 ? ms : 1000;
}

const BATCH = 500;
const PRUNE_EVERY_MS = 10 * 60_000;
const KEEP_MS = 24 * 60 * 60_000;

let lastSeen: number | null = null;
const ownChanges = new Set<number>();
let started: Promise<void> | null = null;
let lastPrune = 0;
let polling: Promise<void> | null = null;

/** Notes a change this process recorded and applied itself, so that polling does not apply it twice. */
export function noteOwnChange(id: number): void {
  ownChanges.add(id);
}

async function poll(): Promise<void> {
  try {
    if (lastSeen === null) {
      lastSeen = await latestChangeId();
      return;
    }
    const changes = await changesSince(lastSeen, BATCH);
    if (changes.length === BATCH) {
      // Far behind (a bulk import): starting over is cheaper than applying each change.
      applyChange([EVERYTHING]);
      lastSeen = await latestChangeId();
      ownChanges.clear();
      return;
    }
    const tags = new Set<string>();
    for (const change of changes) {
      if (!ownChanges.delete(change.id)) change.tags.forEach((tag) => tags.add(tag));
      lastSeen = change.id;
    }
    if (tags.size) applyChange([...tags]);
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      await pruneChanges(KEEP_MS);
    }
  } catch (error) {
    // Unknown what changed meanwhile: nothing cached may be trusted.
    applyChange([EVERYTHING]);
    console.warn('Das Änderungsprotokoll konnte nicht gelesen werden; der Seiten-Cache wurde geleert:', error instanceof Error ? error.message : error);
  }
}

/** The newest change of the log this process has applied (null before its first read). */
export function appliedChangeId(): number | null {
  return lastSeen;
}

/** Reads the change log once now (the poll loop does this on its own; tests and shutdown call it directly). */
export function pollChanges(): Promise<void> {
  polling ??= poll().finally(() => (polling = null));
  return polling;
}

/**
 * Starts polling the change log in this process; resolves once the first read has fixed where this process starts
 * following (idempotent, cheap to await on every request). The timer never keeps the process alive. Also starts
 * reconciling the search index with the log (saves another process logged but did not live to index).
 */
export function startChangeSync(): Promise<void> {
  started ??= (() => {
    setInterval(() => void pollChanges(), pollMs()).unref();
    startReconciling();
    return pollChanges();
  })();
  return started;
}
