// Pagefind's browser API as the search page and the server-side search use it, and the options both must share:
// the server renders the first page of hits, and the browser keeps it only if its own search finds the same list.
import { referenceQuery, referenceRank, searchRanking, type ReferenceQuery } from './search-ranking';
import { EXCERPT_LENGTH, OLDER_STEP, PAGE_SIZE, filterQuery, type FilterQuery, type SearchState, type Sort } from './search-view';

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

/** A partition as the search planning needs it (manifest entry). */
export interface PartitionRef {
  id: string;
  from: string;
  to: string;
}

/** The partitions a search runs on, and how it adds older ones: the browser merges them, the server opens an instance over the new set. */
export interface SearchScope {
  /** Partitions not searched yet, newest first. */
  readonly older: readonly PartitionRef[];
  /** Adds these older partitions to the ones searched. */
  add: (chosen: PartitionRef[]) => Promise<void>;
  /** Loads what the first search of a term needs (index chunks, filter chunks). */
  prepare: (term: string | null, filters: FilterQuery) => Promise<unknown>;
  /** Searches the partitions added so far. */
  search: (term: string | null, filters: FilterQuery) => Promise<PagefindResponse>;
}

/** What a search found: the overall response, and the term it was found with (for paging by date). */
export interface Found {
  q: string;
  term: string | null;
  filters: FilterQuery;
  overall: PagefindResponse;
  reference: ReferenceQuery | null;
}

/** Whether a partition covers one of these years. */
export const coversYear = (years: readonly string[]) => (p: PartitionRef) => years.some((y) => p.from.slice(0, 4) <= y && y <= p.to.slice(0, 4));

/** How many top hits are checked for a reference match (their data is loaded). */
const REFERENCE_HEAD = 50;

/** Whether one of the first hits carries the number a reference query asks for. */
async function hasReferenceHit(reference: ReferenceQuery, results: PagefindResult[]): Promise<boolean> {
  const metas = await Promise.all(results.slice(0, REFERENCE_HEAD).map(async (r) => (await r.data()).meta));
  return metas.some((meta) => referenceRank(reference, meta) !== null);
}

/**
 * Runs the search a state asks for on as few partitions as answer it, the same way in the browser and on the
 * server (so the browser finds the server's list and keeps it): the newest partition, those of a year filter or of
 * the year a Drucksachen-Nr. names, all for `zeitraum=alle`; then older ones, a few more at each step, while there
 * are fewer than a page of hits (for a number: until the record carrying it is found). A Drucksachen-Nr. is
 * searched as one exact word (see search-ranking.ts); when nothing carries it, as the words typed.
 */
export async function findResults(scope: SearchScope, s: SearchState): Promise<Found> {
  const filters = filterQuery(s);
  const reference = s.q ? referenceQuery(s.q) : null;
  const years = [...(s.filters.year ?? []), ...(reference?.years ?? [])];
  const first = s.all ? [...scope.older] : scope.older.filter(coversYear(years));
  if (first.length) await scope.add(first);

  const run = async (term: string | null, enough: (r: PagefindResponse) => boolean | Promise<boolean>) => {
    await scope.prepare(term, filters);
    let overall = await scope.search(term, filters);
    for (let step = OLDER_STEP; scope.older.length && !(await enough(overall)); step *= 2) {
      await scope.add(scope.older.slice(0, step));
      overall = await scope.search(term, filters);
    }
    return overall;
  };
  const full = (r: PagefindResponse) => r.results.length >= PAGE_SIZE;
  if (reference) {
    const term = `"${reference.word}"`;
    const overall = await run(term, async (r) => full(r) || hasReferenceHit(reference, r.results));
    if (overall.results.length) return { q: s.q, term, filters, overall, reference };
  }
  const term = s.q || null;
  return { q: s.q, term, filters, overall: await run(term, full), reference: null };
}

/** For a Drucksachen-Nr., the records carrying it first: the paper with exactly that number, then its demands, then close numbers. */
async function referenceFirst(reference: ReferenceQuery | null, results: PagefindResult[]): Promise<PagefindResult[]> {
  if (!reference) return results;
  const head = results.slice(0, REFERENCE_HEAD);
  const ranks = await Promise.all(head.map(async (r) => referenceRank(reference, (await r.data()).meta) ?? 9));
  const order = head.map((r, i) => ({ r, rank: ranks[i]!, i })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  return [...order.map((o) => o.r), ...results.slice(REFERENCE_HEAD)];
}

/**
 * One page of date-sorted results. Pagefind sorts within each partition; partitions do not overlap in time, so
 * the global order is partition by partition. Counts per partition come from the synthetic `teil` filter of the
 * overall search; only the partitions covering the page are searched again.
 */
async function datePage(pf: PagefindInstance, partitions: readonly PartitionRef[], { term, filters, overall }: Found, sort: 'neueste' | 'aelteste', offset: number): Promise<PagefindResult[]> {
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
export function resultPage(pf: PagefindInstance, partitions: readonly PartitionRef[], found: Found, sort: Sort, offset: number): Promise<PagefindResult[]> {
  if (sort === 'relevanz') return referenceFirst(found.reference, found.overall.results).then((r) => r.slice(offset, offset + PAGE_SIZE));
  return datePage(pf, partitions, found, sort, offset);
}
