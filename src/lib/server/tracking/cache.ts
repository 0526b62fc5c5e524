// The tracker's full list, kept in memory: loading every demand costs seconds in a large city, filtering it milliseconds.
import { berlinToday } from '@/lib/dates';
import { getDb, type Database } from '@/lib/server/db';
import { loadTrackedDemands, type TrackedDemand } from '@/lib/server/tracking/load';

/** Seconds a loaded list may be served; bounds staleness when another instance saved (TRACKER_CACHE_SECONDS, default 60). */
function ttlMs(): number {
  const seconds = Number(process.env.TRACKER_CACHE_SECONDS ?? 60);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 60_000;
}

let cached: { db: Database; today: string; loadedAt: number; rows: Promise<TrackedDemand[]> } | null = null;

/** Every public demand for today (Berlin), from memory when fresh; a save in this process drops the copy at once. */
export function allTrackedDemands(today = berlinToday()): Promise<TrackedDemand[]> {
  const now = Date.now();
  // The copy belongs to one database handle: a reopened database starts without one.
  const db = getDb();
  if (!cached || cached.db !== db || cached.today !== today || now - cached.loadedAt >= ttlMs()) {
    const rows = loadTrackedDemands({}, today);
    cached = { db, today, loadedAt: now, rows };
    // A failed load must not stay cached.
    rows.catch(() => {
      if (cached?.rows === rows) cached = null;
    });
  }
  return cached.rows;
}

/** Forgets the cached list; called by contentChanged after every save. */
export function invalidateTrackerCache(): void {
  cached = null;
}
