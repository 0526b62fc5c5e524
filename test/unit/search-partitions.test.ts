// Planning the search index partitions: contiguous date ranges of bounded size that never overlap.
import { describe, expect, it } from 'vitest';
import { nextDay, partitionForDay, planPartitions } from '@/lib/server/search/partitions';

describe('Partition planning', () => {
  it('keeps small years whole and splits a large year into contiguous ranges covering it', () => {
    const days = [
      { day: '2013-05-01', count: 3 },
      ...Array.from({ length: 10 }, (_, i) => ({ day: `2014-0${i < 9 ? i + 1 : 9}-1${i % 9}`, count: 100 })),
    ];
    const plans = planPartitions(days, 250);
    expect(plans.find((p) => p.id === '2013')).toMatchObject({ from: '2013-01-01', to: '2013-12-31', records: 3 });
    const y2014 = plans.filter((p) => p.id.startsWith("2014.")).sort((a, b) => a.from.localeCompare(b.from));
    expect(y2014.length).toBe(4);
    expect(y2014[0]!.from).toBe('2014-01-01');
    expect(y2014.at(-1)!.to).toBe('2014-12-31');
    expect(y2014.reduce((n, p) => n + p.records, 0)).toBe(1000);
    expect(y2014.every((p) => p.records <= 300)).toBe(true);
    expect(planPartitions([{ day: '2011-01-01', count: 2 }, { day: '2012-06-01', count: 2 }, { day: '2015-03-01', count: 1 }], 10)).toEqual([
      { id: '2015', from: '2015-01-01', to: '2015-12-31', records: 1 },
      { id: '2011-2012', from: '2011-01-01', to: '2012-12-31', records: 4 },
    ]);
  });
});

describe('Partition planning on bad stored dates', () => {
  it('plans no partition for a date that is no calendar day', () => {
    expect(planPartitions([{ day: '', count: 1 }, { day: '2014-03-05', count: 2 }, { day: '2026-13-01', count: 1 }, { day: 'garbage', count: 1 }], 10)).toEqual([
      { id: '2014', from: '2014-01-01', to: '2014-12-31', records: 2 },
    ]);
  });
});

describe('Partition lookup', () => {
  it('finds the partition covering a day, or plans a whole new year', () => {
    const plans = planPartitions([{ day: '2011-01-01', count: 2 }, { day: '2012-06-01', count: 2 }], 10);
    expect(partitionForDay(plans, '2012-12-31').id).toBe('2011-2012');
    expect(partitionForDay(plans, '2026-02-01')).toEqual({ id: '2026', from: '2026-01-01', to: '2026-12-31', records: 0 });
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2014-12-31')).toBe('2015-01-01');
  });
});
