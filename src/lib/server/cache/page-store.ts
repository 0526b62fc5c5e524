// The page cache of this process: rendered public pages by URL, with their tags, dropped by tag on every change.
import { LRUCache } from 'lru-cache';

/** A rendered page as the cache keeps it. */
export interface CachedPage {
  status: number;
  /** Response headers as rendered, without Set-Cookie and the cache's own headers. */
  headers: [string, string][];
  body: Buffer;
  /** The same body gzip-compressed, once compressed (off the event loop, after the page was stored). */
  gzipped?: Buffer;
  /** Strong validator of the body: `"<hash>"`; the gzip variant is `"<hash>-gz"`. */
  etag: string;
  tags: string[];
  /** When the page must be rendered again anyway (ms since 1970): the end of the day, a meeting's start. */
  expiresAt: number;
}

/** Most bytes all cached pages may take (PAGE_CACHE_MB, default 64). */
function maxBytes(): number {
  const mb = Number(process.env.PAGE_CACHE_MB ?? 64);
  return (Number.isFinite(mb) && mb > 0 ? mb : 64) * 1024 * 1024;
}

/** Largest page the cache keeps; bigger ones (a long CSV export) are rendered each time. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

const pages = new LRUCache<string, CachedPage>({
  maxSize: maxBytes(),
  sizeCalculation: (page) => page.body.length + (page.gzipped?.length ?? 0) + 512,
});

/** Counts invalidations: a render that saw another number when it started may hold old data and is not stored. */
let generation = 0;

/** The current invalidation generation; read before rendering, pass to storePage. */
export function currentGeneration(): number {
  return generation;
}

/** The cached page for a key, unless it expired. */
export function cachedPage(key: string, now = Date.now()): CachedPage | undefined {
  const page = pages.get(key);
  if (!page) return undefined;
  if (page.expiresAt <= now) {
    pages.delete(key);
    return undefined;
  }
  return page;
}

/** Stores a rendered page, unless something was invalidated since its render began (it may show older data). */
export function storePage(key: string, page: CachedPage, renderedInGeneration: number): boolean {
  if (renderedInGeneration !== generation || page.body.length > MAX_PAGE_BYTES) return false;
  pages.set(key, page);
  return true;
}

/** Records the gzip variant of a stored page, if the page is still the one that was compressed. */
export function addGzipped(key: string, page: CachedPage, gzipped: Buffer): void {
  if (pages.peek(key) !== page) return;
  page.gzipped = gzipped;
  // Re-set so the size accounting includes the compressed copy.
  pages.set(key, page);
}

/** Drops every page carrying one of `tags` (`*` drops all); returns how many were dropped. */
export function invalidatePages(tags: Iterable<string>): number {
  generation += 1;
  const wanted = new Set(tags);
  if (wanted.has('*')) {
    const count = pages.size;
    pages.clear();
    return count;
  }
  // Collected first: deleting while the LRU iterates would skip entries.
  const doomed: string[] = [];
  for (const [key, page] of pages.entries()) if (page.tags.some((tag) => wanted.has(tag))) doomed.push(key);
  for (const key of doomed) pages.delete(key);
  return doomed.length;
}

/** Empties the cache (tests; the app drops everything with the tag `*`). */
export function clearPages(): void {
  invalidatePages(['*']);
}
