// The tracker's full list and its filter indexes, kept in memory until the next change of the data: loading every
// demand costs seconds in a large city, looking up a filter microseconds. A save here or in another instance drops
// it (changes/derived.ts); a new Berlin day, on which overdue states change, loads it again.
import { berlinToday } from '@/lib/dates';
import { untilNextChange } from '@/lib/server/changes/derived';
import { loadTrackedDemands, type TrackedDemand } from '@/lib/server/tracking/load';
import { indexDemands, type TrackerIndex } from '@/lib/server/tracking/tracker-index';

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
