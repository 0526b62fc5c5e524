// How the index is cut: contiguous, non-overlapping date ranges of at most about N records each. Small
// consecutive years share a partition, a large year is split into date ranges (Pagefind's indexer memory
// grows with the records of one build, and every partition a query touches costs the browser an index chunk).
// Partitions never overlap in time, so "newest first" across partitions is simply their order.
import { isCalendarDay } from '@/lib/dates';

/** One partition: a closed range of calendar days and the bundle folder currently serving it. */
export interface Partition {
  /** Stable name: "2014", "2010-2013" for merged small years, "2014.2" for the second date range of 2014. */
  id: string;
  from: string;
  to: string;
  records: number;
  /** Folder under the search directory, unique per build, e.g. "p/2014-2.k3x9". */
  dir: string;
  /**
   * The newest change of the change log (content_change id) that was committed before this bundle's records were
   * read: every save up to it is in the bundle (decision record 0011). Absent in indexes built before it was kept.
   */
  changeId?: number;
}

/** Most records one partition is planned with (SEARCH_PARTITION_SIZE); keeps the indexer well under 1 GiB. */
export const maxRecordsPerPartition = () => Number(process.env.SEARCH_PARTITION_SIZE ?? 4000);

/**
 * Plans partitions from record counts per day (ascending); a single day is never split. A stored date that is no
 * calendar day ("garbage", "2026-13-01") plans no partition of its own: such records stay out of the index.
 */
export function planPartitions(days: { day: string; count: number }[], max = maxRecordsPerPartition()): Omit<Partition, 'dir'>[] {
  const byYear = new Map<string, { day: string; count: number }[]>();
  for (const d of days.filter((entry) => isCalendarDay(entry.day))) {
    const year = d.day.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), d]);
  }
  const plans: Omit<Partition, 'dir'>[] = [];
  // Newest year first; consecutive small years are merged while the sum stays within `max`.
  let group: { years: string[]; records: number } | null = null;
  const flush = () => {
    if (!group) return;
    const newest = group.years[0]!;
    const oldest = group.years.at(-1)!;
    plans.push({ id: oldest === newest ? newest : `${oldest}-${newest}`, from: `${oldest}-01-01`, to: `${newest}-12-31`, records: group.records });
    group = null;
  };
  for (const [year, list] of [...byYear].sort(([a], [b]) => b.localeCompare(a))) {
    const total = list.reduce((n, d) => n + d.count, 0);
    if (total <= max) {
      const previous = group as { years: string[]; records: number } | null;
      const adjacent = previous && Number(previous.years.at(-1)) === Number(year) + 1;
      if (previous && adjacent && previous.records + total <= max) {
        previous.years.push(year);
        previous.records += total;
      } else {
        flush();
        group = { years: [year], records: total };
      }
      continue;
    }
    flush();
    // Split into ranges of about equal size; the ranges cover the whole year without gaps.
    const parts = Math.ceil(total / max);
    const target = total / parts;
    const ranges: { from: string; to: string; records: number }[] = [];
    let from = `${year}-01-01`;
    let acc = 0;
    list.forEach((d, i) => {
      acc += d.count;
      const last = i === list.length - 1;
      if (last || (acc >= target && ranges.length < parts - 1)) {
        const to = last ? `${year}-12-31` : d.day;
        ranges.push({ from, to, records: acc });
        from = nextDay(d.day);
        acc = 0;
      }
    });
    ranges.reverse().forEach((r, i) => plans.push({ id: ranges.length === 1 ? year : `${year}.${ranges.length - i}`, ...r }));
  }
  flush();
  return plans;
}

/** The partition covering a day, or a new whole-year partition plan when none does. */
export function partitionForDay(partitions: Omit<Partition, 'dir'>[], day: string): Omit<Partition, 'dir'> {
  return partitions.find((p) => p.from <= day && day <= p.to) ?? { id: day.slice(0, 4), from: `${day.slice(0, 4)}-01-01`, to: `${day.slice(0, 4)}-12-31`, records: 0 };
}

/** The calendar day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Newest partition first, as the browser loads them. */
export function sortPartitions<T extends { from: string }>(partitions: T[]): T[] {
  return [...partitions].sort((a, b) => b.from.localeCompare(a.from));
}
