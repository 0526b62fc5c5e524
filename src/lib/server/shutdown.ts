// Hands the app's orderly shutdown to scripts/serve.mjs: once the server takes no more requests and the last one is
// answered, a running index rebuild (and one queued by the last saves) finishes and swaps in, then the worker
// threads and the database connection close. Whatever is still unindexed after a hard kill, start-up reconciles.
import { reindexIdle } from '@/lib/server/search/reindex';
import { closeWorkerPool } from '@/lib/server/workers/pool';
import { closeDb } from '@/lib/server/db';

/** The symbol scripts/serve.mjs looks up on globalThis when it is asked to stop. */
const SHUTDOWN = Symbol.for('ratsfaden.shutdown');

async function finishBackgroundWork(): Promise<void> {
  await reindexIdle();
  await closeWorkerPool();
  closeDb();
}

/** Registers the app's shutdown step (idempotent). */
export function registerShutdown(): void {
  (globalThis as Record<symbol, unknown>)[SHUTDOWN] = finishBackgroundWork;
}
