// Our vocabulary in OParl's words, and the parameters of OParl lists (src/lib/server/oparl/api/).
import { describe, expect, it } from 'vitest';
import { meetingStates, organizationKinds, paperTypes } from '@/lib/domain/vocabulary';
import { oparlClassification, oparlConsultationRole, oparlMeetingState, oparlOrganizationType, oparlPaperType } from '@/lib/server/oparl/api/vocabulary';
import { BadParameter } from '@/lib/server/oparl/api/http';
import { MAX_LIMIT, pageUrl, parseListQuery, parseTimestamp } from '@/lib/server/oparl/api/query';

const recommendedOrganizationTypes = ['Gremium', 'Partei', 'Fraktion', 'Verwaltungsbereich', 'externes Gremium', 'Institution', 'Sonstiges'];

describe('the OParl mapping', () => {
  it('names every paper type as German council systems do', () => {
    expect(paperTypes.map(oparlPaperType)).toEqual(['Antrag', 'Anfrage', 'Mitteilungsvorlage', 'Beschlussvorlage', 'Stellungnahme', 'Sonstige Vorlage']);
    expect(oparlPaperType('unbekannt')).toBe('Sonstige Vorlage');
  });

  it('gives every organization kind one of the organization types the specification recommends', () => {
    for (const kind of organizationKinds) expect(recommendedOrganizationTypes).toContain(oparlOrganizationType(kind));
    expect(oparlOrganizationType('group')).toBe('Fraktion');
    expect(oparlOrganizationType('office')).toBe('Verwaltungsbereich');
  });

  it('keeps the body’s own classification, else uses the specification’s term ("Parlament" for the council)', () => {
    expect(oparlClassification('committee', 'Fachausschuss')).toBe('Fachausschuss');
    expect(oparlClassification('council', null)).toBe('Parlament');
    expect(oparlClassification('committee', '  ')).toBe('Ausschuss');
    expect(oparlClassification('other', null)).toBeUndefined();
  });

  it('maps meeting states to the recommended values', () => {
    expect(meetingStates.map(oparlMeetingState)).toEqual(['terminiert', 'eingeladen', 'durchgeführt']);
  });

  it('writes a consultation’s role as given, or "Entscheidung" for an authoritative one without', () => {
    expect(oparlConsultationRole(' Vorberatung ', false)).toBe('Vorberatung');
    expect(oparlConsultationRole(null, true)).toBe('Entscheidung');
    expect(oparlConsultationRole(null, false)).toBeUndefined();
  });
});

describe('OParl list parameters', () => {
  const parse = (query: string) => parseListQuery(new URL(`https://rat.example/oparl/v1/body/1/paper${query}`));

  it('reads ISO 8601 with zone, an unencoded plus, a date alone and no zone (UTC)', () => {
    expect(parseTimestamp('x', '2026-01-31T12:00:00+01:00')).toBe('2026-01-31T11:00:00.000Z');
    expect(parseTimestamp('x', '2026-01-31T12:00:00 01:00')).toBe('2026-01-31T11:00:00.000Z');
    expect(parseTimestamp('x', '2026-01-31')).toBe('2026-01-31T00:00:00.000Z');
    expect(parseTimestamp('x', '2026-01-31T12:00')).toBe('2026-01-31T12:00:00.000Z');
    expect(parseTimestamp('x', '2026-01-31T12:00:00.5Z')).toBe('2026-01-31T12:00:00.500Z');
  });

  it.each(['gestern', '2026-02-30', '2026-13-01', '2026-01-01T24:00:00Z', '31.01.2026', ''])('refuses "%s" in German', (value) => {
    expect(() => parseTimestamp('modified_since', value)).toThrow(BadParameter);
    expect(() => parseTimestamp('modified_since', value)).toThrow(/„modified_since“ muss ein Zeitpunkt nach ISO 8601 sein/);
  });

  it('orders by id, or by modified or created when filtered by them', () => {
    expect(parse('').order).toBe('id');
    expect(parse('?created_since=2026-01-01').order).toBe('created');
    expect(parse('?created_since=2026-01-01&modified_until=2026-02-01').order).toBe('modified');
  });

  it('bounds limit, and refuses what is no positive whole number', () => {
    expect(parse('?limit=7').limit).toBe(7);
    expect(parse(`?limit=${MAX_LIMIT * 10}`).limit).toBe(MAX_LIMIT);
    for (const bad of ['0', '-1', '1.5', 'zehn']) expect(() => parse(`?limit=${bad}`)).toThrow(BadParameter);
  });

  it('reads the cursor it writes, and keeps the filters on every page link', () => {
    const url = new URL('https://rat.example/oparl/v1/body/1/paper?modified_since=2026-01-01T00:00:00%2B01:00&limit=5&foo=bar');
    const next = pageUrl('/oparl/v1/body/1/paper', url, { id: 42, at: '2026-03-01T10:00:00.000Z' });
    const parsed = parseListQuery(new URL(next));
    expect(parsed).toMatchObject({ limit: 5, modifiedSince: '2025-12-31T23:00:00.000Z', order: 'modified', after: { id: 42, at: '2026-03-01T10:00:00.000Z' } });
    expect(next).not.toContain('foo=');
    expect(() => parse('?after=abc')).toThrow(BadParameter);
    expect(() => parse('?modified_since=2026-01-01&after=42')).toThrow(BadParameter);
  });
});
