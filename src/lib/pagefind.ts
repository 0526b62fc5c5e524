// Pagefind's browser API as the search page and the server-side search use it, and the options both must share:
// the server renders the first page of hits, and the browser keeps it only if its own search finds the same list.
import { referencePattern, searchRanking } from './search-ranking';
import { EXCERPT_LENGTH, PAGE_SIZE, type FilterQuery, type Sort } from './search-view';

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

/** For a query that is a Drucksachen-Nr., the records carrying exactly that number first. */
async function referenceFirst(q: string, results: PagefindResult[]): Promise<PagefindResult[]> {
  if (!referencePattern.test(q)) return results;
  const head = results.slice(0, 50);
  const refs = await Promise.all(head.map(async (r) => (await r.data()).meta.reference === q));
  return [...head.filter((_, i) => refs[i]), ...head.filter((_, i) => !refs[i]), ...results.slice(50)];
}

/**
 * One page of date-sorted results. Pagefind sorts within each partition; partitions do not overlap in time, so
 * the global order is partition by partition. Counts per partition come from the synthetic `teil` filter of the
 * overall search; only the partitions covering the page are searched again.
 */
async function datePage(pf: PagefindInstance, partitions: readonly { id: string; from: string }[], term: string | null, filters: FilterQuery, overall: PagefindResponse, sort: 'neueste' | 'aelteste', offset: number): Promise<PagefindResult[]> {
  const counts = overall.filters.teil ?? {};
  const ordered = [...partitions].sort((a, b) => (sort === 'neueste' ? b.from.localeCompare(a.from) : a.from.localeCompare(b.from)));
  const out: PagefindResult[] = [];
  let skip = offset;
  for (const p of ordered) {
    const n = counts[p.id] ?? 0;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const r = await pf.search(term, { filters: { ...filters, teil: p.id }, sort: { date: sort === 'neueste' ? 'desc' : 'asc' } });
    out.push(...r.results.slice(skip, skip + PAGE_SIZE - out.length));
    skip = 0;
    if (out.length >= PAGE_SIZE) break;
  }
  return out;
}

/**
 * The results of one page in the order the search page shows them: by relevance (a Drucksachen-Nr. first) or by
 * date across the merged partitions. The browser and the server both page with this, so their lists agree.
 */
export function resultPage(pf: PagefindInstance, partitions: readonly { id: string; from: string }[], q: string, filters: FilterQuery, overall: PagefindResponse, sort: Sort, offset: number): Promise<PagefindResult[]> {
  if (sort === 'relevanz') return referenceFirst(q, overall.results).then((r) => r.slice(offset, offset + PAGE_SIZE));
  return datePage(pf, partitions, q || null, filters, overall, sort, offset);
}
