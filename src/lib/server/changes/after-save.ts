// Route-cache tags of public pages and their invalidation after a save, together with the content-change hook.
import type { ActionAPIContext } from 'astro:actions';
import { contentChanged, type ContentChange } from '@/lib/server/changes/report';

/** Cache tags a change touches: the record itself, and the tracker for anything demands are made of. */
export function tagsFor(change: ContentChange, extra: string[] = []): string[] {
  const table = change.table.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const tags = [`${table}:${change.id}`, ...extra];
  if (change.table === 'demand' || change.table === 'follow_up' || change.table === 'paper') tags.push('tracker');
  return [...new Set(tags)];
}

/**
 * Call after a save's transaction committed: reports the change (search index and other consumers) and
 * purges the route cache for the touched tags. Never throws: a failed purge must not turn a save into an error.
 */
export async function afterSave(context: Pick<ActionAPIContext, 'cache'>, change: ContentChange, extraTags: string[] = []): Promise<void> {
  contentChanged(change);
  try {
    if (context.cache?.enabled) await context.cache.invalidate({ tags: tagsFor(change, extraTags) });
  } catch (error) {
    console.warn('Der Seiten-Cache konnte nicht geleert werden:', error);
  }
}
