// Worker task: builds one search index partition (records from the database, Pagefind bundle) for the reindexer
// (src/lib/server/search/index-worker.ts). Opens its own database connection for the task and closes it afterwards.
import { createClient } from '@libsql/client';
import { buildPartition } from '@/lib/server/search/indexer';
import type { Partition } from '@/lib/server/search/partitions';

/** What to build, and where the records come from. */
export interface IndexTask {
  databaseUrl: string;
  authToken: string | undefined;
  dir: string;
  plan: Omit<Partition, 'dir'>;
}

/** Runs one partition build in a worker thread. */
export default async function indexPartition(task: IndexTask): Promise<Partition> {
  const client = createClient({ url: task.databaseUrl, authToken: task.databaseUrl.startsWith('file:') ? undefined : task.authToken });
  try {
    return await buildPartition(client, task.dir, task.plan);
  } finally {
    client.close();
  }
}
