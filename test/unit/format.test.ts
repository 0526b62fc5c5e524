import { describe, expect, it } from 'vitest';
import { countLabel, formatCount, joinMeta, presentParts } from '@/lib/format';

describe('countLabel', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countLabel(1, 'Forderung', 'Forderungen')).toBe('1 Forderung');
    expect(countLabel(0, 'Forderung', 'Forderungen')).toBe('0 Forderungen');
    expect(countLabel(2, 'Eintrag', 'Einträge')).toBe('2 Einträge');
  });

  it('groups digits the German way', () => {
    expect(countLabel(1234, 'Forderung', 'Forderungen')).toBe('1.234 Forderungen');
    expect(countLabel(200000, 'Zeichen', 'Zeichen')).toBe('200.000 Zeichen');
    expect(formatCount(1615)).toBe('1.615');
    expect(formatCount(999)).toBe('999');
  });
});

describe('meta lines', () => {
  it('joins the present parts with " · " and drops empty ones, leaving no stray separator', () => {
    expect(joinMeta(['Forderung 12', null, undefined, false, '', 'Fällig: 05.03.2014'])).toBe('Forderung 12 · Fällig: 05.03.2014');
    expect(joinMeta(['Forderung 12', null])).toBe('Forderung 12');
    expect(joinMeta([null, false])).toBe('');
    expect(joinMeta(['Version 2', 'veröffentlicht', 'Versionen und Änderungen'])).toBe('Version 2 · veröffentlicht · Versionen und Änderungen');
  });

  it('keeps parts that are no text (markup) and zero', () => {
    const markup = { kind: 'link' };
    expect(presentParts([markup, null, 0, ''])).toEqual([markup, 0]);
  });
});

describe('readable values in the version comparison', () => {
  it('shows German dates, times and ja/nein, and compares a date whole', async () => {
    const { diffSnapshots, readableValue } = await import('@/lib/diff');
    expect(readableValue('2026-03-01')).toBe('01.03.2026');
    expect(readableValue('2026-11-20T17:00:00+01:00')).toBe('20.11.2026, 17:00 Uhr');
    expect(readableValue(true)).toBe('ja');
    expect(readableValue('Antrag 2026-03')).toBe('Antrag 2026-03');
    const [date] = diffSnapshots({ date: '2026-03-01' }, { date: '2026-03-02' });
    expect(date!.parts).toEqual([{ value: '01.03.2026', kind: 'removed' }, { value: ' ', kind: 'same' }, { value: '02.03.2026', kind: 'added' }]);
  });
});
