// Hands the page cache's Node fast path to scripts/serve.mjs, which owns the HTTP server outside Astro's bundle.
import { serveCachedNode } from './http';

/** The symbol scripts/serve.mjs looks up on globalThis for each request. */
const FAST_PATH = Symbol.for('ratsfaden.pageCache.fastPath');

/** Registers the fast path (idempotent); from then on repeat views of cached pages never enter Astro. */
export function registerFastPath(): void {
  (globalThis as Record<symbol, unknown>)[FAST_PATH] = serveCachedNode;
}
