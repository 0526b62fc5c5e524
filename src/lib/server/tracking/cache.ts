// The tracker's full list and its filter indexes, kept in memory until the next change of the data: loading every
// demand costs seconds in a large city, looking up a filter microseconds. A save here or in another instance drops
// it (changes/derived.ts); a new Berlin day, on which overdue states change, loads it again.
import { berlinToday } from '@/lib/dates';
import { untilNextChange } from '@/lib/server/changes/derived';
import { loadTrackedDemands, type TrackedDemand } from '@/lib/server/tracking/load';
import { indexDemands, type TrackerIndex } from '@/lib/server/tracking/tracker-index';

/** Every public demand for `today` (Berlin) with the tracker's indexes, loaded once per change of the data. */
export function trackerIndex(today = berlinToday()): Promise<TrackerIndex> {
  return untilNextChange(`tracker:${today}`, async () => indexDemands(await loadTrackedDemands({}, today)));
}

/** Every public demand for `today` (Berlin), in id order, from memory until the next change. */
export async function allTrackedDemands(today = berlinToday()): Promise<readonly TrackedDemand[]> {
  return (await trackerIndex(today)).rows;
}
