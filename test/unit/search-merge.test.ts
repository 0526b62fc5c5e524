// How partitions rebuilt by several processes at once enter the manifest (src/lib/server/search/merge.ts).
import { describe, expect, it } from 'vitest';
import { mergeFullBuild, mergeRebuilt } from '@/lib/server/search/merge';

describe('merging rebuilt partitions from several processes', () => {
  const p = (id: string, changeId: number, from = `${id}-01-01`, to = `${id}-12-31`) => ({ id, from, to, records: 1, dir: `p/${id}.${changeId}`, changeId });

  it('keeps a newer rebuild of the same partition, and adds a new year', () => {
    const latest = [p('2022', 9), p('2014', 3)];
    const { partitions, merged } = mergeRebuilt(latest, [p('2022', 7), p('2014', 5), p('2026', 8)]);
    expect(partitions.map((x) => x.dir).sort()).toEqual(['p/2014.5', 'p/2022.9', 'p/2026.8']);
    expect(merged.map((x) => x.id)).toEqual(['2014', '2026']);
  });

  it('drops a rebuild whose partition a full build planned differently meanwhile', () => {
    const latest = [p('2022.2', 9, '2022-07-01', '2022-12-31'), p('2022.1', 9, '2022-01-01', '2022-06-30')];
    const { partitions, merged } = mergeRebuilt(latest, [p('2022', 12)]);
    expect(partitions).toEqual(latest);
    expect(merged).toEqual([]);
  });

  it('a full build keeps a partition that a save rebuilt from a newer mark while it ran', () => {
    const latest = [p('2022', 15), p('2014', 3)];
    expect(mergeFullBuild(latest, [p('2022', 10), p('2014', 10)]).map((x) => x.dir)).toEqual(['p/2022.15', 'p/2014.10']);
  });
});
