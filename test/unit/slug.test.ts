// One slug function for new records and agenda anchors; on the seed corpus it gives what the hand-written ones gave.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '@/lib/slug';
import { agendaItemAnchor } from '@/lib/urls';
import { readContent } from '@/lib/server/seed/read';

/** The slug function papers, meetings and master data used before (src/lib/server/papers/save.ts). */
function previousSlugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** The agenda anchor before (src/lib/urls.ts). */
const previousAnchor = (number: string) =>
  `top-${number.toLowerCase().replace(/ö/g, 'oe').replace(/ä/g, 'ae').replace(/ü/g, 'ue').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

const corpus = readContent(path.resolve('content'));

describe('slugify', () => {
  it('spells out umlauts and keeps URLs short and ASCII', () => {
    expect(slugify('antrag 2026-11-05 Mehrsprachige Beratung für Geflüchtete – Straße')).toBe('antrag-2026-11-05-mehrsprachige-beratung-fuer-gefluechtete-strasse');
    expect(slugify('Ö 13')).toBe('oe-13');
    expect(slugify('Äußerung zur Übergangslösung')).toBe('aeusserung-zur-uebergangsloesung');
    expect(slugify('Grüne & Linke')).toBe('gruene-linke');
    expect(slugify('IntegrationsRat')).toBe('integrationsrat');
    expect(slugify('  – ')).toBe('');
    expect(slugify(`${'Wort '.repeat(30)}`).length).toBeLessThanOrEqual(80);
    expect(slugify(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
  });

  it('transliterates letters the hand-written version dropped', () => {
    expect(slugify('Özdemir Yılmaz')).toBe('oezdemir-yilmaz');
    expect(previousSlugify('Özdemir Yılmaz')).toBe('oezdemir-y-lmaz');
    expect(slugify('CO₂-Bilanz: 5 € je m²')).toBe('co2-bilanz-5-euro-je-m2');
    expect(slugify('Ka\u0308mmerei')).toBe('kaemmerei');
  });

  it('gives the seed corpus the slugs the hand-written version gave', () => {
    const inputs = corpus.flatMap((b) => [
      b.file.body.name,
      ...b.file.organizations.map((o) => o.name),
      ...b.file.people.map((p) => p.name),
      ...b.papers.flatMap((p) => [`${p.paperType} ${p.date} ${p.name}`, ...p.demands.map((d) => d.title)]),
      ...b.meetings.flatMap((m) => [`${m.start.slice(0, 10)} ${m.name}`, ...m.agenda.map((a) => a.name)]),
    ]);
    expect(inputs.length).toBeGreaterThan(10);
    for (const text of inputs) expect(slugify(text), text).toBe(previousSlugify(text));
  });

  it('keeps every stored slug as it is', () => {
    const stored = corpus.flatMap((b) => [b.file.body.slug, ...b.file.organizations.map((o) => o.slug), ...b.file.people.map((p) => p.slug), ...b.papers.map((p) => p.slug), ...b.meetings.map((m) => m.slug)]);
    for (const slug of stored) expect(slugify(slug)).toBe(slug);
  });

  it('keeps the anchors of agenda items, so links into minutes still land', () => {
    const numbers = corpus.flatMap((b) => b.meetings.flatMap((m) => m.agenda.map((a) => a.number)));
    expect(numbers).toContain('Ö 13');
    for (const number of [...numbers, 'Ö 1.2', 'TOP 4 a', 'N 2']) expect(agendaItemAnchor(number), number).toBe(previousAnchor(number));
    expect(agendaItemAnchor('Ö 13')).toBe('top-oe-13');
  });
});
