// Exact counts for paginated lists, per filter combination, kept until the next change of the data: a list page
// counts its rows once per change, not on every request. Bounded, so that crawlers trying every combination of
// filters cannot fill the memory.
import { LRUCache } from 'lru-cache';
import { untilNextChange } from '@/lib/server/changes/derived';

const KEYS_PER_LIST = 2000;

/** The count of list `list` for filter combination `key`, counted by `count` once per change of the data. */
export async function countedUntilNextChange(list: string, key: string, count: () => Promise<number>): Promise<number> {
  const counts = await untilNextChange(`counts:${list}`, async () => new LRUCache<string, Promise<number>>({ max: KEYS_PER_LIST }));
  const known = counts.get(key);
  if (known) return known;
  const counting = count();
  counts.set(key, counting);
  // A failed count is not kept.
  counting.catch(() => {
    if (counts.get(key) === counting) counts.delete(key);
  });
  return counting;
}
