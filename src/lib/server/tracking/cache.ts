// The tracker's full list and its filter indexes, kept in memory until the next change of the data: loading every
// demand costs seconds in a large city, looking up a filter microseconds. A save here or in another instance drops
// it (changes/derived.ts); a new Berlin day, on which overdue states change, loads it again.
import { LRUCache } from 'lru-cache';
import { berlinToday } from '@/lib/dates';
import { untilNextChange } from '@/lib/server/changes/derived';
import { loadTrackedDemands, type TrackedDemand } from '@/lib/server/tracking/load';
import { indexDemands, type TrackerIndex } from '@/lib/server/tracking/tracker-index';
import { demandsCsv, type TrackerFilters } from '@/lib/server/tracking/filter';

/** A token that stays the same until the next change of the data: tells whether a built index is still current. */
function generation(): Promise<object> {
  return untilNextChange('tracker:generation', async () => ({}));
}

let built: { today: string; generation: object; index: TrackerIndex } | null = null;

/** Every public demand for `today` (Berlin) with the tracker's indexes, loaded once per change of the data. */
export function trackerIndex(today = berlinToday()): Promise<TrackerIndex> {
  return untilNextChange(`tracker:${today}`, async () => {
    // Taken before loading: a change during the load makes this copy stale at once.
    const current = await generation();
    const index = indexDemands(await loadTrackedDemands({}, today));
    built = { today, generation: current, index };
    return index;
  });
}

/**
 * The tracker's index for `today` if it is loaded and current, else null: pages that need a few demands take them from
 * memory when the list is there, and otherwise read only their own (without waiting for the whole list).
 */
export async function loadedTrackerIndex(today = berlinToday()): Promise<TrackerIndex | null> {
  const known = built;
  return known && known.today === today && known.generation === (await generation()) ? known.index : null;
}

/** Every public demand for `today` (Berlin), in id order, from memory until the next change. */
export async function allTrackedDemands(today = berlinToday()): Promise<readonly TrackedDemand[]> {
  return (await trackerIndex(today)).rows;
}

/** CSV texts kept per change (in characters; a city's full export is 6.5 million and a fifth of a second to write). */
const CSV_CHARACTERS = 16 * 1024 * 1024;

/** The CSV of the tracker's rows for `filters`, written once per change of the data, day, filters and origin. */
export async function trackerCsv(filters: TrackerFilters, origin: string, today = berlinToday()): Promise<string> {
  const index = await trackerIndex(today);
  const texts = await untilNextChange(`tracker-csv:${today}`, async () => new LRUCache<string, string>({ maxSize: CSV_CHARACTERS, sizeCalculation: (text) => Math.max(text.length, 1) }));
  const key = `${origin} ${JSON.stringify(filters, Object.keys(filters).sort())}`;
  const known = texts.get(key);
  if (known !== undefined) return known;
  const csv = demandsCsv(index.select(filters).rows, origin);
  texts.set(key, csv);
  return csv;
}
