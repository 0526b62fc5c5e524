// Pagefind's browser API as the search page and the server-side search use it, and the options both must share:
// the server renders the first page of hits, and the browser keeps it only if its own search finds the same list.
import { searchRanking } from './search-ranking';
import { EXCERPT_LENGTH, type FilterQuery } from './search-view';

/** One hit; its data (URL, excerpt, meta) is loaded on demand. */
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}

/** The answer to a search. */
export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

/** One Pagefind instance over one or more merged bundles. */
export interface PagefindInstance {
  init: () => Promise<void>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  preload: (term: string, options?: { filters?: FilterQuery }) => Promise<void>;
  search: (term: string | null, options?: { filters?: FilterQuery; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindResponse>;
  destroy: () => Promise<void>;
}

/** A bundle's pagefind.js module. */
export interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindInstance;
}

/** Options of a merged partition; its synthetic `teil` filter counts hits per partition. */
export function mergeOptions(partitionId: string): Record<string, unknown> {
  return { language: 'de', metaCacheTag: 'v1', ranking: searchRanking, mergeFilter: { teil: partitionId } };
}

/** Options of the instance opened on the primary (newest) partition at `basePath`. */
export function instanceOptions(basePath: string, partitionId: string): Record<string, unknown> {
  return { ...mergeOptions(partitionId), basePath, excerptLength: EXCERPT_LENGTH, noWorker: true };
}
