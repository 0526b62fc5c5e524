// Pure helpers of the back office: diffs, upload checks, Berlin times, form schemas.
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '@/lib/diff';
import { berlinLocalToIso, isoToBerlinLocal } from '@/lib/dates';
import { fileNameProblem, sniffType } from '@/lib/server/files/upload';
import { paperSchema, followUpSchema, fieldErrors } from '@/lib/validation/forms';

describe('diffSnapshots', () => {
  it('lists only changed fields, word by word, ignoring bookkeeping and rendered HTML', () => {
    const diff = diffSnapshots(
      { id: 1, version: 1, updatedAt: 'a', name: 'Antrag auf Sprachkurse', textMd: 'alt', textHtml: '<p>alt</p>', date: '2026-01-01' },
      { id: 1, version: 2, updatedAt: 'b', name: 'Antrag auf mehr Sprachkurse', textMd: 'alt', textHtml: '<p>neu</p>', date: '2026-01-01' },
    );
    expect(diff.map((d) => d.field)).toEqual(['name']);
    expect(diff[0]!.parts.filter((p) => p.kind === 'added').map((p) => p.value.trim())).toEqual(['mehr']);
  });
});

describe('upload checks', () => {
  it('recognises PDFs by their first bytes, not their name', () => {
    expect(sniffType(new TextEncoder().encode('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(sniffType(new TextEncoder().encode('MZ\u0090\u0000'))).toBeNull();
    expect(sniffType(new TextEncoder().encode('\u007fELF'))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });

  it('refuses path parts and control characters in file names', () => {
    expect(fileNameProblem('Anlage 1 – Konzept.pdf')).toBeNull();
    for (const bad of ['../x.pdf', '..\\x.pdf', 'a/b.pdf', '.hidden.pdf', 'a\u0000.pdf', '']) expect(fileNameProblem(bad), bad).not.toBeNull();
  });
});

describe('Berlin wall-clock times', () => {
  it('converts datetime-local input to ISO with the right offset, summer and winter', () => {
    expect(berlinLocalToIso('2026-01-15T17:00')).toBe('2026-01-15T17:00:00+01:00');
    expect(berlinLocalToIso('2026-07-15T17:00')).toBe('2026-07-15T17:00:00+02:00');
    expect(isoToBerlinLocal('2026-07-15T15:00:00Z')).toBe('2026-07-15T17:00');
  });
});

describe('form schemas', () => {
  it('turn empty optional fields into null and give German messages', () => {
    const ok = paperSchema.parse({ bodyId: '1', name: ' Titel ', paperType: 'antrag', date: '2026-01-01', reference: '', originatorOrganizationIds: ['2', '3'] });
    expect(ok).toMatchObject({ name: 'Titel', reference: null, originatorOrganizationIds: [2, 3], originatorPersonIds: [], intent: 'save', version: 0 });
    const bad = paperSchema.safeParse({ bodyId: '', name: '', paperType: 'gedicht', date: 'gestern' });
    expect(bad.success).toBe(false);
    const errors = fieldErrors(bad.error!);
    expect(errors.name).toBe('Bitte geben Sie einen Titel an.');
    expect(errors.date).toMatch(/^Bitte geben Sie das Datum der Vorlage als Datum an/);
    expect(errors.paperType).toBe('Bitte wählen Sie eine Art der Vorlage.');
  });

  it('accept only known demand states after a follow-up', () => {
    expect(followUpSchema.safeParse({ demandId: '1', demandVersion: '1', date: '2026-01-01', kind: 'reply', textMd: 'x', statusAfter: 'gelöscht' }).success).toBe(false);
    expect(followUpSchema.parse({ demandId: '1', demandVersion: '1', date: '2026-01-01', kind: 'reply', textMd: 'x', statusAfter: '' }).statusAfter).toBeNull();
  });
});
