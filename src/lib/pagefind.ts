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
  if (!s.q) return { q: s.q, term: null, filters, overall: await run(null, full), reference: null };
  // Hits that only match a much shorter prefix of a typed word are dropped before they count towards a page.
  let checked: PagefindResponse | null = null;
  let matched: Matched | null = null;
  const strict = async (r: PagefindResponse) => {
    if (checked !== r) [checked, matched] = [r, await withoutShortPrefixes(scope, s.q, filters, r)];
    return matched!;
  };
  matched = await strict(await run(s.q, async (r) => full((await strict(r)).response)));
  return { q: s.q, term: matched.term, filters, overall: matched.response, reference: null };
}

/** A word as Pagefind compares it for German: lowercase, without diacritics, "ae"/"oe"/"ue" as the umlaut they spell, only letters and digits. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/(?<!q)([aou])e/g, '$1')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words of a query as typed (searched one by one) and folded (compared with the words a hit marks). */
export function queryWords(q: string): { typed: string; folded: string }[] {
  const words = q.split(/\s+/).map((typed) => ({ typed, folded: foldWord(typed) }));
  return words.filter((w, i) => w.folded && words.findIndex((o) => o.folded === w.folded) === i);
}

/**
 * How many leading letters an indexed word must share with a query word of this length to count as a match: four
 * (or the whole word when shorter). A fixed four, not a share of the length, because German compounds fall back
 * on their first part: "Radwegekonzept" should still find "Radweg"; only a match on 1–3 letters ("X" of "XSS",
 * "der") is noise.
 */
export function requiredPrefix(n: number): number {
  return Math.min(n, 4);
}

/** Whether an indexed word (as written in the record) matches a folded query word closely enough. */
export function closeMatch(queryWord: string, indexed: string): boolean {
  const word = foldWord(indexed);
  const need = requiredPrefix(queryWord.length);
  let i = 0;
  while (i < need && i < word.length && word[i] === queryWord[i]) i++;
  return i >= need;
}

/** The words Pagefind marked in an excerpt (the indexed words a hit matched). */
function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>(.*?)<\/mark>/gs)].flatMap((m) => m[1]!.split(/\s+/));
}

/** Whether a hit of a one-word search matched that word closely (by its marks; by its meta fields when the text has none). */
async function matchesClosely(word: string, hit: PagefindResult): Promise<boolean> {
  const d = await hit.data();
  const marked = markedWords(d.excerpt);
  const candidates = marked.length ? marked : Object.values(d.meta).flatMap((v) => v.split(/\s+/));
  return candidates.some((w) => closeMatch(word, w));
}

/** A search's response with the term it was found with. */
interface Matched {
  term: string;
  response: PagefindResponse;
}

const EMPTY: PagefindResponse = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };

/** A response without hits, its facet counts zero. */
function noHits(r: PagefindResponse): PagefindResponse {
  const zero = (f: Record<string, Record<string, number>>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Object.fromEntries(Object.keys(v).map((x) => [x, 0]))]));
  return { results: [], unfilteredResultCount: 0, filters: zero(r.filters), totalFilters: r.totalFilters };
}

/**
 * Pagefind answers a word it does not hold with the longest prefix it holds, down to one letter ("Xylophon…"
 * finds "x"). Each word is checked per partition with hits (a partition's index holds its own words): the top hit
 * of a search for the word alone must mark a word sharing `requiredPrefix` leading letters with it. Words that
 * match nowhere are dropped from the term (as Pagefind drops words it has no prefix of), partitions where a word
 * matched only a short prefix are left out (`teil` filter); no word left, no hits. When every word matches (the
 * usual case) the response is kept as it is: the extra one-word searches load no index chunks (the query's own
 * are loaded), and the top hit's fragment is usually on the first page already.
 */
async function withoutShortPrefixes(scope: SearchScope, q: string, filters: FilterQuery, overall: PagefindResponse): Promise<Matched> {
  const words = queryWords(q);
  const parts = Object.entries(overall.filters.teil ?? {})
    .filter(([, n]) => n > 0)
    .map(([id]) => id);
  if (!words.length || !parts.length) return { term: q, response: overall };
  // For each partition with hits: per word, null (no hits there), true (a close match) or false (a short prefix only).
  const verdicts = await Promise.all(
    parts.map((teil) =>
      Promise.all(
        words.map(async (w) => {
          const r = words.length === 1 && parts.length === 1 ? overall : await scope.search(w.typed, { ...filters, teil });
          return r.results.length ? matchesClosely(w.folded, r.results[0]!) : null;
        }),
      ),
    ),
  );
  if (verdicts.every((v) => v.every((x) => x !== false))) return { term: q, response: overall };
  const kept = parts.filter((_, i) => !verdicts[i]!.includes(false));
  const keptWords = words.filter((_, j) => kept.some((id) => verdicts[parts.indexOf(id)]![j] === true));
  if (!keptWords.length) return { term: q, response: noHits(overall) };
  const term = keptWords.map((w) => w.typed).join(' ');
  const response = await scope.search(term, kept.length === parts.length ? filters : { ...filters, teil: { any: kept } });
  return { term, response };
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
