// Pagefind in Node, for the search page's first page of hits (./query.ts). Runs in a worker thread of the pool
// (src/lib/server/workers/search.task.ts), never on the request thread: Pagefind's WebAssembly search takes tens
// of milliseconds of CPU at a large corpus, and a worker keeps its instances (and their loaded chunks) between tasks.
//
// The server runs Pagefind's own browser code (the bundle's pagefind.js and WebAssembly) in Node, on the same
// partitions in the same order as the browser's search (src/scripts/search.ts): the newest partition first,
// older ones for `zeitraum=alle` and year filters, then more when there are fewer than a page of hits. So the
// browser, when it takes over, finds the same list and keeps it. Index files are read from DATA_DIR/search
// through a fetch stub that answers only a private, made-up origin. Pagefind instances are kept between
// requests, keyed by their bundle folders (bundles never change; a swapped manifest names new folders).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LRUCache } from 'lru-cache';
import { INITIAL_PARTITIONS, PAGE_SIZE, hitView, statusText, type FilterQuery, type HitView, type SearchState } from '@/lib/search-view';
import { findResults, instanceOptions, mergeOptions, resultPage, type PagefindInstance, type PagefindModule, type SearchScope } from '@/lib/pagefind';
import type { Partition } from './partitions';
import { readManifest } from './store';


/** The first page of hits as the search page shows it. */
export interface ServerResult {
  status: string;
  hits: HitView[];
  page: number;
  pageCount: number;
  /** Whether older partitions were left out (the reader may include them). */
  olderLeft: boolean;
}

/** The search folder the tasks name (one per process, except in tests); instances belong to it. */
let dir = '';

/** Switches to the search folder a task names; another folder than before drops the instances of the old one. */
function useDir(searchDir: string): void {
  if (searchDir === dir) return;
  dir = searchDir;
  instances.clear();
  modulePromise = null;
  watcher?.close();
  watcher = null;
}

/** A made-up origin only the fetch stub answers; nothing is ever sent over the network for it. */
const ORIGIN = 'http://suchindex.ratsfaden.invalid';

let stubbed = false;
function stubFetch(): void {
  if (stubbed) return;
  stubbed = true;
  const real = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!href.startsWith(`${ORIGIN}/`)) return real(input, init);
    const relative = decodeURIComponent(new URL(href).pathname.slice(1));
    // Bundle files only (p/<bundle>/…): the same names /suchindex/ serves, nothing outside the search folder.
    if (!/^p\/[A-Za-z0-9._-]+\/(?:(?:index|fragment|filter)\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(relative) || relative.split('/').includes('..')) {
      return new Response('not found', { status: 404 });
    }
    try {
      return new Response(new Uint8Array(await fs.promises.readFile(path.join(dir, relative))));
    } catch {
      return new Response('not found', { status: 404 });
    }
  }) as typeof fetch;
}

const base = (p: Partition) => `${ORIGIN}/${p.dir}/`;

/** Pagefind's script, imported once (from the first bundle it was needed for) and used for every bundle. */
let modulePromise: Promise<PagefindModule> | null = null;
function pagefindModule(p: Partition): Promise<PagefindModule> {
  modulePromise ??= (import(/* @vite-ignore */ pathToFileURL(path.join(dir, p.dir, 'pagefind.js')).href) as Promise<PagefindModule>).catch((error: unknown) => {
    modulePromise = null;
    throw error;
  });
  return modulePromise;
}

/** Instances by their bundle folders in merge order; the least recently used goes first when a seventh is needed. */
const instances = new LRUCache<string, Promise<PagefindInstance>>({
  max: 6,
  dispose: (instance, _key, reason) => {
    // An evicted instance may still be searching for a request: freed a while later. A failed one is only forgotten.
    if (reason === 'evict') setTimeout(() => void instance.then((pf) => pf.destroy()).catch(() => undefined), 60_000).unref();
  },
});

/** A Pagefind instance over these partitions, merged in this order (as the browser merges them). */
function instanceFor(parts: Partition[]): Promise<PagefindInstance> {
  const key = parts.map((p) => p.dir).join('|');
  const known = instances.get(key);
  if (known) return known;
  const created = (async () => {
    stubFetch();
    const module = await pagefindModule(parts[0]!);
    const [primary, ...rest] = parts;
    const pf = module.createInstance(instanceOptions(base(primary!), primary!.id));
    await pf.init();
    await Promise.all(rest.map((p) => pf.mergeIndex(base(p), mergeOptions(p.id))));
    // Every search of the browser's page loads the filter chunks (for the facet counts) first.
    await pf.filters();
    return pf;
  })();
  created.catch(() => {
    if (instances.peek(key) === created) instances.delete(key);
  });
  instances.set(key, created);
  return created;
}

/** The partitions with records, newest first, from the current manifest. */
function currentPartitions(): Partition[] {
  return (readManifest(dir)?.partitions ?? []).filter((p) => p.records > 0);
}

let watcher: fs.FSWatcher | null = null;
/** Warms up again whenever a new manifest is swapped in (a save rebuilt a partition), so the next reader does not wait. */
function watchManifest(): void {
  if (watcher) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
      if (name !== 'manifest.json') return;
      clearTimeout(timer);
      timer = setTimeout(warmUpInstances, 50);
      timer.unref();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = null;
    });
  } catch {
    // No search folder yet: the next task warms up.
    watcher = null;
  }
}

/** Starts Pagefind on the newest partitions of the index in `searchDir`, so the first query does not wait for it (errors are ignored). */
export function warmUp(searchDir: string): void {
  useDir(searchDir);
  warmUpInstances();
}

function warmUpInstances(): void {
  watchManifest();
  try {
    const parts = currentPartitions();
    if (parts.length) instanceFor(parts.slice(0, INITIAL_PARTITIONS)).catch(() => undefined);
  } catch {
    // An unreadable manifest: the page reports it when searched.
  }
}

/**
 * The first page of hits for a state with a query or filters, as the browser's search page would show it, from the
 * index in `searchDir`; null when there is nothing to search for or no index.
 */
export async function firstPage(searchDir: string, s: SearchState): Promise<ServerResult | null> {
  const hasFilters = Object.keys(s.filters).length > 0;
  if (!s.q && !hasFilters) return null;
  useDir(searchDir);
  watchManifest();
  const parts = currentPartitions();
  if (!parts.length) return null;
  // The partitions the browser loads for this state, in the same steps (src/scripts/search.ts, render()).
  let loaded = parts.slice(0, INITIAL_PARTITIONS);
  let older = parts.slice(INITIAL_PARTITIONS);
  const scope: SearchScope = {
    get older() {
      return older;
    },
    add: async (chosen) => {
      loaded = [...loaded, ...older.filter((p) => chosen.includes(p))];
      older = older.filter((p) => !chosen.includes(p));
    },
    prepare: async (term, filters) => (term ? (await instanceFor(loaded)).preload(term, { filters }) : undefined),
    search: async (term, filters) => (await instanceFor(loaded)).search(term, { filters }),
  };
  const found = await findResults(scope, s);
  const { overall } = found;
  const pf = await instanceFor(loaded);
  const total = overall.results.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(s.page, pageCount);
  const offset = (page - 1) * PAGE_SIZE;
  const pageResults = await resultPage(pf, loaded, found, s.sort, offset);
  const data = await Promise.all(pageResults.map((r) => r.data()));
  return { status: statusText(s.q, total, page, pageCount), hits: data.map(hitView), page, pageCount, olderLeft: older.length > 0 };
}

/** A hit with the data the search page shows of it. */
export interface SearchHit {
  url: string;
  title: string;
  kind: string;
  excerpt: string;
}

/** Every hit over all partitions of the index in `searchDir`, merged newest first, in ranking order (for tests and tools). */
export async function allHits(searchDir: string, term: string | null, filters: FilterQuery = {}): Promise<SearchHit[]> {
  useDir(searchDir);
  const parts = currentPartitions();
  if (!parts.length) return [];
  const response = await (await instanceFor(parts)).search(term, { filters });
  return Promise.all(
    response.results.map(async (r) => {
      const d = await r.data();
      return { url: d.url, title: d.meta.title ?? '', kind: d.meta.kind ?? '', excerpt: d.excerpt };
    }),
  );
}
