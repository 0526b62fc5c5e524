// What a save touched, and the background work that follows it in the saving process (the search index).
import { queueReindex } from '@/lib/server/search/reindex';
/** What a save touched: the table, the row, and its body (for partitioned work such as the search index). */
export interface ContentChange {
  table: 'body' | 'organization' | 'person' | 'membership' | 'meeting' | 'agenda_item' | 'paper' | 'consultation' | 'file' | 'demand' | 'follow_up' | 'legal_text';
  id: number;
  bodyId?: number;
  action: 'create' | 'update' | 'delete' | 'restore' | 'publish' | 'unpublish';
}

/**
 * Starts the background work of a committed change: the touched search partitions are rebuilt and swapped in.
 * Called by afterSave (which also drops cached pages and derived values); tests call it directly.
 */
export function contentChanged(change: ContentChange): void {
  queueReindex(change);
}
