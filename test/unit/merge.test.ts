// The field-by-field merge of two saves based on the same version.
import { describe, expect, it } from 'vitest';
import { mergeChanges, sameValue } from '@/lib/server/history/merge';

const base = { name: 'Antrag', textMd: 'Alt', textHtml: '<p>Alt</p>', date: '2026-11-02', ids: [1, 2] };

describe('mergeChanges', () => {
  it('takes the other person\'s change where the clerk left the field as loaded, and the clerk\'s where only they changed it', () => {
    const current = { ...base, name: 'Antrag (neu)' };
    const mine = { ...base, date: '2026-11-05' };
    expect(mergeChanges(base, current, mine)).toEqual({ values: { ...base, name: 'Antrag (neu)', date: '2026-11-05' }, fromTheirs: ['name'], conflicts: [] });
  });

  it('reports a conflict only where both changed the same field to different values', () => {
    const current = { ...base, date: '2026-11-04', textMd: 'Gleich', textHtml: '<p>Gleich</p>' };
    const mine = { ...base, date: '2026-11-05', textMd: 'Gleich', textHtml: '<p>Gleich</p>' };
    expect(mergeChanges(base, current, mine).conflicts).toEqual([{ name: 'date', theirs: '2026-11-04', mine: '2026-11-05' }]);
  });

  it('lets rendered HTML follow its Markdown source, and compares lists as sets and empty text as absent', () => {
    const current = { ...base, textMd: 'Neu', textHtml: '<p>Neu</p>', ids: [2, 1] };
    const mine = { ...base, textHtml: '<p>Alt, neu gerendert</p>', name: '' };
    const merged = mergeChanges({ ...base, name: null }, current, { ...mine, name: '' });
    expect(merged.values).toMatchObject({ textMd: 'Neu', textHtml: '<p>Neu</p>', ids: [2, 1] });
    expect(merged.conflicts).toEqual([]);
    expect(sameValue([1, 2], [2, 1])).toBe(true);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(0, null)).toBe(false);
  });

  it('without the loaded version in the log, treats every field that differs from the stored one as a conflict', () => {
    expect(mergeChanges(null, { ...base, name: 'Anders' }, base).conflicts).toEqual([{ name: 'name', theirs: 'Anders', mine: 'Antrag' }]);
  });
});
