// Partition builds after a save, off the request thread: the records of a partition (some 3,000 at 100k papers, each
// reduced from Markdown to text) cost about half a second of CPU, which on the event loop would stall every reader.
// A pool of its own with one thread and a long time limit, so searches never wait behind indexing (decision 0009).
import { databaseAuthToken, databaseUrl } from '@/lib/server/config';
import { createWorkerPool, type WorkerPool } from '@/lib/server/workers/pool';
import type { IndexTask } from '@/lib/server/workers/index.task';
import type { Partition } from './partitions';
import type { PartitionBuilder } from './indexer';

const INDEX_TASK = new URL('../workers/index.task.ts', import.meta.url);

let pool: WorkerPool | null = null;

/** Builds one partition's bundle in the indexing thread, reading the records over a connection of its own. */
export const buildPartitionOffThread: PartitionBuilder = (dir, plan) => {
  pool ??= createWorkerPool({ threads: 1, timeoutMs: 15 * 60_000, idleMs: 60_000, maxQueue: 10_000 });
  const task: IndexTask = { databaseUrl: databaseUrl(), authToken: databaseAuthToken(), dir, plan };
  return pool.run<Partition>(INDEX_TASK, task);
};
