// How a public page asks to be cached: the tags of what it shows (docs/decisions/0008-page-cache.md).
import { berlinToday } from '@/lib/dates';

/** What a page declared for the cache; read by the middleware after rendering. */
export interface PageCacheRequest {
  tags: string[];
  /** When the page changes without a save (a meeting's start passes); the end of the Berlin day at the latest. */
  expiresAt?: number;
}

/**
 * Marks the page being rendered as public and cacheable, showing the records and lists `tags` name
 * (`paper:12`, `paper`, see changes/tags.ts). Only anonymous 200 responses are stored; drafts never reach here.
 */
export function cachePublicPage(context: { locals: App.Locals }, tags: Iterable<string>, options: { expiresAt?: number | Date | null } = {}): void {
  const expiresAt = options.expiresAt instanceof Date ? options.expiresAt.getTime() : options.expiresAt ?? undefined;
  context.locals.pageCache = { tags: [...new Set(tags)], expiresAt };
}

/** Longest a page stays cached without a save (PAGE_CACHE_SECONDS, default 3600): bounds what a lost log entry costs. */
function maxAgeMs(): number {
  const seconds = Number(process.env.PAGE_CACHE_SECONDS ?? 3600);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000;
}

/** Start of the next Berlin day, in ms: dates shown as "overdue" or "today" change then. */
export function nextBerlinMidnight(now = Date.now()): number {
  const today = berlinToday(new Date(now));
  // Berlin is one or two hours ahead of UTC: the first full hour whose Berlin date differs is the new day.
  let probe = Math.ceil(now / 3_600_000) * 3_600_000;
  while (berlinToday(new Date(probe)) === today) probe += 3_600_000;
  return probe;
}

/** When a page stored now expires, given what it declared. */
export function expiryOf(request: PageCacheRequest, now = Date.now()): number {
  return Math.min(request.expiresAt ?? Infinity, nextBerlinMidnight(now), now + maxAgeMs());
}
