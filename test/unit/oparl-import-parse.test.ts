// Tolerant reading of OParl objects and their mapping to our vocabulary: the deviations real servers show are
// logged with the object's id, and what is usable is kept.
import { describe, expect, it } from 'vitest';
import { DeviationLog, deviationKinds as k } from '@/lib/server/oparl/import/deviations';
import { cleanLine, readObject, typeOf } from '@/lib/server/oparl/import/parse';
import { importSlug, meetingState, organizationKind, paperType } from '@/lib/server/oparl/import/mapping';
import { withFilters } from '@/lib/server/oparl/import/lists';

const id = 'https://ris.example.org/oparl/paper/1';

describe('reading OParl objects', () => {
  it('takes the type from 1.0 and 1.1 URLs and logs 1.0', () => {
    expect(typeOf('https://schema.oparl.org/1.1/Paper')).toEqual({ type: 'Paper', v10: false });
    expect(typeOf('https://schema.oparl.org/1.0/AgendaItem')).toEqual({ type: 'AgendaItem', v10: true });
    expect(typeOf('https://schema.oparl.org/1.1/Unbekannt')).toBeNull();
    const log = new DeviationLog();
    const read = readObject({ id, type: 'https://schema.oparl.org/1.0/Paper', name: 'Antrag', created: 'x', modified: 'x' }, 'Paper', log);
    expect(read.kind).toBe('object');
    expect(log.all).toEqual([{ kind: k.typeUrl10, id, detail: undefined }]);
  });

  it('cleans stray whitespace, notes vendor properties and missing timestamps, keeps the object', () => {
    const log = new DeviationLog();
    const read = readObject({ id, type: 'https://schema.oparl.org/1.1/Paper', name: ' Antrag\n  zum\tRadweg ', 'ris:intern': 1 }, 'Paper', log);
    expect(read.kind === 'object' && read.value.name).toBe('Antrag zum Radweg');
    expect(log.all.map((d) => d.kind).sort()).toEqual([k.noTimestamps, k.vendorProperty, k.whitespace].sort());
    expect(log.all.find((d) => d.kind === k.vendorProperty)?.detail).toBe('ris:intern');
    expect(cleanLine('a\u00a0 b\r\nc')).toBe('a b c');
  });

  it('recognizes tombstones with and without a type, and skips what is not the expected type', () => {
    const log = new DeviationLog();
    expect(readObject({ id, deleted: true }, 'Paper', log)).toEqual({ kind: 'deleted', id });
    expect(readObject({ id, type: 'https://schema.oparl.org/1.1/Paper', deleted: true }, 'Paper', log)).toEqual({ kind: 'deleted', id });
    expect(readObject({ id, type: 'https://schema.oparl.org/1.1/Meeting', created: 'x', modified: 'x' }, 'Paper', log)).toEqual({ kind: 'skipped' });
    expect(readObject('https://x', 'Paper', log)).toEqual({ kind: 'skipped' });
    expect(log.all.map((d) => d.kind)).toEqual([k.tombstoneWithoutType, k.invalid, k.invalid]);
  });

  it('skips an object whose properties have the wrong shape, naming the property', () => {
    const log = new DeviationLog();
    expect(readObject({ id, type: 'https://schema.oparl.org/1.1/File', size: 'groß', created: 'x', modified: 'x' }, 'File', log)).toEqual({ kind: 'skipped' });
    expect(log.all[0]).toMatchObject({ kind: k.invalid, id });
    expect(log.all[0]!.detail).toContain('size');
  });

  it('summarizes deviations by kind, most frequent first, with a first example', () => {
    const log = new DeviationLog();
    log.add(k.noOrder, 'a', 'Position 2 angenommen');
    log.add(k.noOrder, 'b');
    log.add(k.whitespace, 'c', 'name');
    expect(log.summary()).toEqual([{ kind: k.noOrder, count: 2, example: 'a (Position 2 angenommen)' }, { kind: k.whitespace, count: 1, example: 'c (name)' }]);
  });
});

describe('mapping to our vocabulary', () => {
  it('maps free-text types of organizations, papers and meetings', () => {
    expect(organizationKind('Fraktion', null)).toBe('group');
    expect(organizationKind('Gremium', 'Ausschuss')).toBe('committee');
    expect(organizationKind('Hauptorgan', 'Kreistag')).toBe('council');
    expect(organizationKind('Verwaltungsbereich', 'Fachbereich 3')).toBe('office');
    expect(organizationKind(null, null)).toBe('other');
    expect(paperType('Beantwortung einer Anfrage')).toBe('stellungnahme');
    expect(paperType('Anfrage')).toBe('anfrage');
    expect(paperType('Antrag der Fraktion')).toBe('antrag');
    expect(paperType('Beschlussvorlage')).toBe('beschlussvorlage');
    expect(paperType('Mitteilungsvorlage')).toBe('mitteilungsvorlage');
    expect(paperType(null)).toBe('sonstige');
    expect(meetingState('durchgeführt', '2030-01-01T10:00:00+01:00')).toBe('held');
    expect(meetingState('eingeladen', '2020-01-01T10:00:00+01:00')).toBe('invited');
    expect(meetingState(null, '2020-01-01T10:00:00+01:00')).toBe('held');
  });

  it('makes stable slugs that differ for equal names', () => {
    expect(importSlug('Kreistag', 'https://a/org/1', 'gremium')).toBe(importSlug('Kreistag', 'https://a/org/1', 'gremium'));
    expect(importSlug('Kreistag', 'https://a/org/1', 'gremium')).not.toBe(importSlug('Kreistag', 'https://a/org/2', 'gremium'));
    expect(importSlug('Kreistag', 'https://a/org/1', 'gremium')).toMatch(/^kreistag-[0-9a-f]{6}$/);
    expect(importSlug('§§', 'x', 'gremium')).toMatch(/^gremium-[0-9a-f]{6}$/);
  });

  it('adds modified_since beside what a list URL already asks', () => {
    expect(withFilters('https://a/papers?body=1', '2024-01-01T00:00:00.000Z')).toBe('https://a/papers?body=1&modified_since=2024-01-01T00%3A00%3A00.000Z');
    expect(withFilters('https://a/papers', null)).toBe('https://a/papers');
  });
});
