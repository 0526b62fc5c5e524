// The one place every save reports to: after a clerk's change, caches and the search index follow.
import { queueReindex } from '@/lib/server/search/reindex';
import { dropDerivedValues } from '@/lib/server/changes/derived';
/** What a save touched: the table, the row, and its body (for partitioned work such as the search index). */
export interface ContentChange {
  table: 'body' | 'organization' | 'person' | 'membership' | 'meeting' | 'agenda_item' | 'paper' | 'consultation' | 'file' | 'demand' | 'follow_up';
  id: number;
  bodyId?: number;
  action: 'create' | 'update' | 'delete' | 'restore' | 'publish' | 'unpublish';
}

/**
 * Reports a committed change. Called by every action after its transaction, never before.
 * Each consumer (search index, …) is wired in here so that there is only one way to announce a save.
 */
export function contentChanged(change: ContentChange): void {
  dropDerivedValues();
  // Search: the touched partitions are rebuilt in the background and swapped in atomically.
  queueReindex(change);
}
