// The search page's first page of hits, found on the server: /suche?q=… renders them into its HTML, so a
// reader sees results as soon as the page arrives (the browser would otherwise first load the page, then its
// script, then start Pagefind, then search) and search works without JavaScript.
//
// Pagefind's WebAssembly search costs tens of milliseconds of CPU per query at a large corpus, so it runs in the
// worker pool (src/lib/server/workers, decision 0009), never on the request thread: these functions only send the
// task and await its answer. A failed, timed-out or refused task rejects with a WorkerTaskError (German message).
import type { FilterQuery, SearchState } from '@/lib/search-view';
import { workerPool } from '@/lib/server/workers/pool';
import type { SearchTask } from '@/lib/server/workers/search.task';
import type { SearchHit, ServerResult } from './pagefind-node';
import { searchDir } from './store';

export type { SearchHit, ServerResult } from './pagefind-node';

const SEARCH_TASK = new URL('../workers/search.task.ts', import.meta.url);

const run = <T>(task: SearchTask) => workerPool().run<T>(SEARCH_TASK, task);

/**
 * The first page of hits for a state with a query or filters, as the browser's search page would show it;
 * null when there is nothing to search for or no index.
 */
export async function searchOnServer(state: SearchState): Promise<ServerResult | null> {
  if (!state.q && !Object.keys(state.filters).length) return null;
  return run<ServerResult | null>({ op: 'firstPage', dir: searchDir(), state });
}

/** Every hit over all partitions, merged newest first, in ranking order (for tests and tools; pages use searchOnServer). */
export function searchAllPartitions(term: string | null, filters: FilterQuery = {}): Promise<SearchHit[]> {
  return run<SearchHit[]>({ op: 'allHits', dir: searchDir(), term, filters });
}

/** Starts Pagefind in a worker on the newest partitions, so the first query does not wait for it (errors are ignored). */
export function warmUp(): void {
  run({ op: 'warmUp', dir: searchDir() }).catch(() => undefined);
}
