// How rebuilt partitions enter the manifest when several processes rebuild at once (decision record 0011): a bundle
// replaces the one of the same partition (same id and date range) only when it was built from a change log mark at
// least as new, and a partition that another process planned differently meanwhile (a full build) is dropped rather
// than laid over it. So a slower, older rebuild never overwrites a newer one, and ranges never overlap.
import type { Partition } from './partitions';

/** Same partition: same id and date range. */
export function samePartition(a: Pick<Partition, 'id' | 'from' | 'to'>, b: Pick<Partition, 'id' | 'from' | 'to'>): boolean {
  return a.id === b.id && a.from === b.from && a.to === b.to;
}

const overlaps = (a: Pick<Partition, 'from' | 'to'>, b: Pick<Partition, 'from' | 'to'>) => a.from <= b.to && b.from <= a.to;
const mark = (p: Partition) => p.changeId ?? -1;

/** The result of merging: the manifest's new partitions, and which of the rebuilt ones went in. */
export interface Merged {
  partitions: Partition[];
  merged: Partition[];
}

/** Merges partitions rebuilt after saves into the latest manifest's partitions. */
export function mergeRebuilt(latest: Partition[], rebuilt: Partition[]): Merged {
  const partitions = [...latest];
  const merged: Partition[] = [];
  for (const r of rebuilt) {
    const i = partitions.findIndex((p) => samePartition(p, r));
    if (i >= 0) {
      if (mark(partitions[i]!) <= mark(r)) {
        partitions[i] = r;
        merged.push(r);
      }
    } else if (!partitions.some((p) => overlaps(p, r))) {
      partitions.push(r);
      merged.push(r);
    }
  }
  return { partitions, merged };
}

/**
 * The partitions after a full build: its plan replaces the old one, but where the latest manifest holds the same
 * partition built from a newer mark (a save rebuilt it while the full build ran), that one stays.
 */
export function mergeFullBuild(latest: Partition[], built: Partition[]): Partition[] {
  return built.map((b) => {
    const newer = latest.find((p) => samePartition(p, b) && mark(p) > mark(b));
    return newer ?? b;
  });
}

/** Whether `partitions` hold this partition built from at least change `need`. */
export function holds(partitions: Partition[], plan: Pick<Partition, 'id' | 'from' | 'to'>, need: number): boolean {
  const p = partitions.find((q) => samePartition(q, plan));
  return !!p && mark(p) >= need;
}
