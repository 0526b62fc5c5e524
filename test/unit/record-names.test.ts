// Naming referenced records for change log, trash and version history: which ids a page looks up, and the words.
import { describe, expect, it } from 'vitest';
import { consultationTitle, inOrganization, membershipTitle, referencedIds, referenceName, relationTitle, type RecordNames } from '@/lib/record-names';
import { diffSnapshots } from '@/lib/diff';

const names: RecordNames = {
  person: new Map([[2, { name: 'Erika Teststein', trashed: false }]]),
  organization: new Map([
    [5, { name: 'Ausländeramt', trashed: false }],
    [7, { name: 'Sozialamt', trashed: false }],
    [8, { name: 'Integrationsrat', trashed: false }],
    [9, { name: 'Ausschuss für Soziales', trashed: true }],
  ]),
  paper: new Map([
    [12, { name: 'Antrag Sprachkurse', trashed: false }],
    [13, { name: 'Mitteilungsvorlage Sprachkurse', trashed: false }],
  ]),
};

describe('referencedIds', () => {
  it('collects every referenced id once per table, across all rows of a page', () => {
    const ids = referencedIds([
      { id: 1, personId: 2, organizationId: 8, role: 'Leitung' },
      { id: 2, paperId: 12, organizationId: 9 },
      { id: 3, fromPaperId: 13, toPaperId: 12, kind: 'repliesTo' },
      { id: 4, underDirectionOfId: 5, bodyId: 1, responsibleOrganizationId: null },
    ]);
    expect(Object.fromEntries([...ids].map(([table, set]) => [table, [...set].sort((a, b) => a - b)]))).toEqual({
      person: [2], organization: [5, 8, 9], paper: [12, 13], body: [1],
    });
  });
});

describe('titles', () => {
  it('names a membership by person, organization and role', () => {
    expect(membershipTitle({ personId: 2, organizationId: 8, role: 'Leitung' }, names)).toBe('Mitgliedschaft von Erika Teststein im Integrationsrat (Leitung)');
    expect(membershipTitle({ personId: 2, organizationId: 8, role: null }, names)).toBe('Mitgliedschaft von Erika Teststein im Integrationsrat');
  });

  it('names a consultation by paper and organization, and marks a trashed organization', () => {
    expect(consultationTitle({ paperId: 12, organizationId: 9, role: 'Kenntnisnahme' }, names)).toBe('Beratung von „Antrag Sprachkurse“ im Ausschuss für Soziales (im Papierkorb) (Kenntnisnahme)');
  });

  it('reads a relation from the paper it points to', () => {
    expect(relationTitle({ fromPaperId: 13, toPaperId: 12, kind: 'repliesTo' }, names)).toBe('„Antrag Sprachkurse“ beantwortet durch „Mitteilungsvorlage Sprachkurse“');
  });

  it('says a record no longer exists instead of showing a bare id', () => {
    expect(referenceName(names, 'paper', 99)).toBe('Nr. 99 (gelöscht)');
    expect(relationTitle({ fromPaperId: 99, toPaperId: 12, kind: 'repliesTo' }, names)).toBe('„Antrag Sprachkurse“ beantwortet durch Nr. 99 (gelöscht)');
  });

  it('puts "in der" before feminine organization names', () => {
    expect(inOrganization('Fraktion Bündnis 90/Die Grünen')).toBe('in der Fraktion Bündnis 90/Die Grünen');
    expect(inOrganization('CDU-Fraktion')).toBe('in der CDU-Fraktion');
    expect(inOrganization('Bezirksvertretung Mitte')).toBe('in der Bezirksvertretung Mitte');
    expect(inOrganization('Kreistag')).toBe('im Kreistag');
  });
});

describe('diffSnapshots with names', () => {
  it('shows a changed reference by name, whole', () => {
    const [diff] = diffSnapshots({ underDirectionOfId: 5 }, { underDirectionOfId: 7 }, names);
    expect(diff!.field).toBe('underDirectionOfId');
    expect(diff!.parts).toEqual([{ value: 'Ausländeramt', kind: 'removed' }, { value: ' ', kind: 'same' }, { value: 'Sozialamt', kind: 'added' }]);
  });

  it('shows a reference set for the first time and one of a deleted record', () => {
    expect(diffSnapshots({ responsibleOrganizationId: null }, { responsibleOrganizationId: 7 }, names)[0]!.parts).toEqual([{ value: 'Sozialamt', kind: 'added' }]);
    expect(diffSnapshots({ sourcePaperId: 99 }, { sourcePaperId: 12 }, names)[0]!.parts.map((p) => p.value)).toEqual(['Nr. 99 (gelöscht)', ' ', 'Antrag Sprachkurse']);
  });

  it('leaves an unchanged reference out', () => {
    expect(diffSnapshots({ organizationId: 8, role: 'Mitglied' }, { organizationId: 8, role: 'Leitung' }, names).map((d) => d.field)).toEqual(['role']);
  });
});
