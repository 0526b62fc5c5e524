// What this process does when data changed, whether the save was its own or another instance's.
import { invalidatePages } from '@/lib/server/cache/page-store';
import { dropDerivedValues } from '@/lib/server/changes/derived';

/** Drops the cached pages carrying one of `tags`, and every derived value (counts, facets, the tracker's list). */
export function applyChange(tags: string[]): void {
  invalidatePages(tags);
  dropDerivedValues();
}
