// Worker task: Pagefind searches over the index in the folder the request names (src/lib/server/search/pagefind-node.ts).
// The Pagefind instances stay in the worker thread between tasks.
import { allHits, firstPage, warmUp, type SearchHit, type ServerResult } from '@/lib/server/search/pagefind-node';
import type { FilterQuery, SearchState } from '@/lib/search-view';

/** What a search task is asked to do. */
export type SearchTask =
  | { op: 'firstPage'; dir: string; state: SearchState }
  | { op: 'allHits'; dir: string; term: string | null; filters: FilterQuery }
  | { op: 'warmUp'; dir: string };

/** Runs one search task in a worker thread. */
export default async function search(task: SearchTask): Promise<ServerResult | SearchHit[] | null> {
  switch (task.op) {
    case 'firstPage':
      return firstPage(task.dir, task.state);
    case 'allHits':
      return allHits(task.dir, task.term, task.filters);
    case 'warmUp':
      warmUp(task.dir);
      return null;
  }
}
