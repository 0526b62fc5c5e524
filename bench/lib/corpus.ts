// A generator of realistic German council documents for benchmarks, deterministic by seed: two bodies
// with committees, groups and offices, people, papers (motions, inquiries, reports, draft resolutions,
// replies) with references like 3.2/0076/2014, meetings with agenda items and minutes, and demands.
import * as t from '@db/schema';
import type { Database } from '@/lib/server/db';
import type { PaperType } from '@/lib/domain/vocabulary';
import type { DemandStatus } from '@/lib/domain/vocabulary';

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Köhler', 'Joeris', 'Nolte', 'Heinemann', 'Brinkmann', 'Terhorst', 'Lübbers', 'Özdemir', 'Yılmaz', 'Kowalski', 'Vennemann', 'Hölscher'];
const TOPICS = [
  ['Radweg', 'Radverkehr', 'Fahrradstraße', 'Radschnellweg'], ['Kindertagesstätte', 'Kita-Plätze', 'Krippenplätze', 'Kindertagespflege'],
  ['Grundschule', 'Schulsanierung', 'Ganztagsbetreuung', 'Schulentwicklungsplan'], ['Feuerwehr', 'Feuerwehrgerätehaus', 'Brandschutzbedarfsplan', 'Löschfahrzeug'],
  ['Breitbandausbau', 'Glasfaser', 'Mobilfunkversorgung', 'Digitalisierung der Verwaltung'], ['Klimaschutzkonzept', 'Photovoltaik', 'Wärmeplanung', 'Energiesparmaßnahmen'],
  ['Ausländerbehörde', 'Willkommenskultur', 'Integrationskurs', 'Einbürgerung'], ['Wohnungsbau', 'Bebauungsplan', 'sozialer Wohnungsbau', 'Baugebiet'],
  ['Haushaltssatzung', 'Haushaltssicherungskonzept', 'Gewerbesteuer', 'Kreisumlage'], ['Öffentlicher Personennahverkehr', 'Buslinie', 'Rufbus', 'Bahnhaltepunkt'],
  ['Jugendhilfe', 'Jugendzentrum', 'Schulsozialarbeit', 'Kinderschutz'], ['Seniorenbeirat', 'Pflegeplätze', 'Barrierefreiheit', 'Quartiersmanagement'],
  ['Abfallwirtschaft', 'Wertstoffhof', 'Straßenreinigung', 'Biotonne'], ['Sportstätten', 'Hallenbad', 'Kunstrasenplatz', 'Sportförderung'],
  ['Gewässerschutz', 'Hochwasserschutz', 'Renaturierung', 'Starkregenvorsorge'], ['Kulturförderung', 'Stadtbücherei', 'Musikschule', 'Heimatmuseum'],
];
const PLACES = ['Nordhorn', 'Lingen', 'Schüttorf', 'Bad Bentheim', 'Neuenhaus', 'Uelsen', 'Emlichheim', 'Wietmarschen', 'Aachen', 'Eschweiler', 'Stolberg', 'Würselen', 'Alsdorf', 'Herzogenrath', 'Baesweiler', 'Monschau', 'Simmerath', 'Roetgen'];
const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Kirchstraße', 'Lindenallee', 'Am Markt', 'Mühlenweg', 'Gartenstraße', 'Bergstraße', 'Ringstraße', 'Denekamper Straße', 'Veldhausener Straße', 'Jülicher Straße', 'Trierer Straße'];
const VERBS = ['prüft', 'berichtet über', 'beantragt', 'beschließt', 'empfiehlt', 'lehnt ab', 'nimmt zur Kenntnis', 'vertagt', 'beauftragt die Verwaltung mit', 'fordert'];
const FILLERS = [
  'Die Verwaltung wird gebeten, bis zur nächsten Sitzung einen Sachstandsbericht vorzulegen.',
  'Die Kosten sind im Haushalt des laufenden Jahres nicht veranschlagt und müssten überplanmäßig bereitgestellt werden.',
  'Nach Auffassung der Fraktion ist eine zügige Umsetzung geboten, da die Beschwerden der Bürgerinnen und Bürger zunehmen.',
  'Die Angelegenheit wurde bereits im Fachausschuss vorberaten; eine Beschlussempfehlung liegt vor.',
  'Fördermittel des Landes können voraussichtlich in Höhe von bis zu sechzig Prozent der förderfähigen Kosten beantragt werden.',
  'Die Beteiligung der Öffentlichkeit erfolgte im Rahmen einer Bürgerversammlung sowie einer Online-Umfrage.',
  'Die personellen Engpässe in den zuständigen Fachdiensten verzögern die Bearbeitung erheblich.',
  'Es wird angeregt, die Ergebnisse in einem gemeinsamen Workshop mit den Ortsteilen zu erörtern.',
  'Ein Gutachten zur Wirtschaftlichkeit der Varianten wurde in Auftrag gegeben und wird im Herbst erwartet.',
  'Die rechtlichen Voraussetzungen nach der Kommunalverfassung sind erfüllt.',
];
const OFFICES = ['Ordnungsamt', 'Bauamt', 'Jugendamt', 'Sozialamt', 'Kämmerei', 'Ausländerbehörde', 'Schulamt', 'Umweltamt', 'Straßenverkehrsamt', 'Gesundheitsamt'];
const COMMITTEES = ['Bauausschuss', 'Schulausschuss', 'Jugendhilfeausschuss', 'Finanzausschuss', 'Sozialausschuss', 'Umweltausschuss', 'Ausschuss für Sicherheit und Ordnung', 'Integrationsrat', 'Kulturausschuss', 'Sportausschuss'];
const GROUPS = ['CDU-Fraktion', 'SPD-Fraktion', 'Fraktion BÜNDNIS 90/DIE GRÜNEN', 'FDP-Fraktion', 'Fraktion DIE LINKE', 'Gruppe Freie Wähler'];
const TYPES: PaperType[] = ['antrag', 'anfrage', 'mitteilungsvorlage', 'beschlussvorlage', 'stellungnahme'];
const STATUSES: DemandStatus[] = ['eingereicht', 'in_beratung', 'beschlossen', 'abgelehnt', 'zurueckgezogen', 'in_umsetzung', 'umgesetzt', 'erledigt_ohne_umsetzung'];

/** What to generate: papers, and from them meetings (one per 10 papers), agenda items and demands. */
export interface CorpusOptions {
  papers: number;
  seed?: number;
  fromYear?: number;
  toYear?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Fills an empty, migrated database with a generated corpus; returns the number of rows per kind. */
export async function generateCorpus(db: Database, options: CorpusOptions): Promise<Record<string, number>> {
  const rnd = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const fromYear = options.fromYear ?? 2010;
  const toYear = options.toYear ?? 2025;
  const now = new Date('2026-01-01T00:00:00Z').toISOString();
  const person = () => `${pick(['Herr', 'Frau'])} ${pick(FAMILY)}`;
  const sentence = (topic: readonly string[]) =>
    pick([
      () => `Der ${pick(COMMITTEES)} ${pick(VERBS)} die Maßnahme ${pick(topic)} in ${pick(PLACES)}.`,
      () => `${person()} erläutert den Sachstand zum Thema ${pick(topic)} an der ${pick(STREETS)}.`,
      () => `Die ${pick(GROUPS)} fordert, das Vorhaben ${pick(topic)} im Ortsteil ${pick(PLACES)} vorrangig umzusetzen.`,
      () => `Auf Nachfrage von ${person()} teilt die Verwaltung mit, dass für ${pick(topic)} ${int(2, 90)} Stellen beziehungsweise ${int(10, 900)}.000 Euro vorgesehen sind.`,
      () => pick(FILLERS),
      () => `Das ${pick(OFFICES)} verweist auf die Vorlage ${int(1, 9)}.${int(1, 9)}/${String(int(1, 999)).padStart(4, '0')}/${int(fromYear, toYear)}.`,
    ])();
  const text = (topic: readonly string[], sentences: number) => {
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences; i += 5) paragraphs.push(Array.from({ length: Math.min(5, sentences - i) }, () => sentence(topic)).join(' '));
    return paragraphs.join('\n\n');
  };
  const day = () => {
    const y = int(fromYear, toYear);
    const d = new Date(Date.UTC(y, 0, 1) + int(0, 364) * 86400000);
    return d.toISOString().slice(0, 10);
  };

  const counts: Record<string, number> = { body: 0, organization: 0, person: 0, paper: 0, meeting: 0, agendaItem: 0, demand: 0, file: 0 };
  const bodies = await db
    .insert(t.body)
    .values([
      { slug: 'stadt-musterstadt', name: 'Stadt Musterstadt', publishedAt: now },
      { slug: 'landkreis-beispielkreis', name: 'Landkreis Beispielkreis', publishedAt: now },
    ])
    .returning({ id: t.body.id });
  counts.body = bodies.length;
  const orgs: { id: number; bodyId: number; kind: string; name: string }[] = [];
  for (const b of bodies) {
    const rows = [
      ...COMMITTEES.map((name) => ({ name, kind: 'committee' as const })),
      ...GROUPS.map((name) => ({ name, kind: 'group' as const })),
      ...OFFICES.map((name) => ({ name, kind: 'office' as const })),
      { name: 'Rat', kind: 'council' as const },
    ];
    const inserted = await db
      .insert(t.organization)
      .values(rows.map((r, i) => ({ ...r, bodyId: b.id, slug: `${b.id}-org-${i}`, publishedAt: now })))
      .returning({ id: t.organization.id, kind: t.organization.kind, name: t.organization.name });
    orgs.push(...inserted.map((o) => ({ ...o, bodyId: b.id })));
  }
  counts.organization = orgs.length;
  const ofKind = (bodyId: number, kind: string) => orgs.filter((o) => o.bodyId === bodyId && o.kind === kind);

  const BATCH = 250;
  let paperNo = 0;
  while (paperNo < options.papers) {
    const n = Math.min(BATCH, options.papers - paperNo);
    const papers = Array.from({ length: n }, (_, i) => {
      const k = paperNo + i;
      const bodyId = bodies[k % bodies.length]!.id;
      const topic = pick(TOPICS);
      const type = pick(TYPES);
      const date = day();
      const long = type === 'mitteilungsvorlage' || type === 'beschlussvorlage';
      return {
        bodyId,
        slug: `vorlage-${k + 1}`,
        reference: type === 'antrag' && rnd() < 0.5 ? null : `${int(1, 9)}.${int(1, 9)}/${String(int(1, 9999)).padStart(4, '0')}/${date.slice(0, 4)}`,
        name: `${pick(topic)}: ${pick(['Antrag zur', 'Anfrage zur', 'Bericht zur', 'Beschluss zur', 'Stellungnahme zur'])} ${pick(topic)} in ${pick(PLACES)}`,
        paperType: type,
        date,
        underDirectionOfId: pick(ofKind(bodyId, 'office')).id,
        textMd: text(topic, long ? int(25, 45) : int(10, 22)),
        publishedAt: rnd() < 0.97 ? now : null,
      };
    });
    const inserted = await db.insert(t.paper).values(papers).returning({ id: t.paper.id, bodyId: t.paper.bodyId, date: t.paper.date });
    // One in five papers carries an attachment with extracted text, one in three states demands.
    const files = inserted.filter(() => rnd() < 0.2).map((p) => ({ paperId: p.id, name: 'Anlage 1', mimeType: 'application/pdf', text: text(pick(TOPICS), int(8, 20)), publishedAt: now }));
    if (files.length) await db.insert(t.file).values(files);
    const demands = inserted
      .filter(() => rnd() < 0.3)
      .map((p) => ({ paperId: p.id, ordinal: 1, title: `${pick(pick(TOPICS))} umsetzen`, textMd: text(pick(TOPICS), int(2, 4)), textHtml: '', status: pick(STATUSES), responsibleOrganizationId: pick(ofKind(p.bodyId, 'office')).id, publishedAt: now }));
    if (demands.length) await db.insert(t.demand).values(demands);
    // A meeting for every tenth paper, with agenda items (some non-public) and minutes.
    for (const p of inserted.filter((_, i) => (paperNo + i) % 10 === 0)) {
      const committee = pick(ofKind(p.bodyId, 'committee'));
      const [meeting] = await db
        .insert(t.meeting)
        .values({ bodyId: p.bodyId, slug: `sitzung-${p.id}`, name: `Sitzung des ${committee.name}`, start: `${p.date}T17:00:00+01:00`, location: `Rathaus ${pick(PLACES)}`, meetingState: 'held', publishedAt: now })
        .returning({ id: t.meeting.id });
      await db.insert(t.meetingOrganization).values({ meetingId: meeting!.id, organizationId: committee.id });
      const items = Array.from({ length: int(4, 9) }, (_, i) => {
        const isPublic = rnd() < 0.85;
        const topic = pick(TOPICS);
        return { meetingId: meeting!.id, order: i + 1, number: `${isPublic ? 'Ö' : 'N'} ${i + 1}`, name: `${pick(topic)} – ${pick(['Sachstand', 'Beratung', 'Beschlussfassung', 'Bericht der Verwaltung'])}`, public: isPublic, minutesMd: text(topic, int(4, 12)), result: pick(['einstimmig beschlossen', 'mehrheitlich beschlossen', 'zur Kenntnis genommen', 'vertagt']), publishedAt: now };
      });
      await db.insert(t.agendaItem).values(items);
      counts.meeting! += 1;
      counts.agendaItem! += items.length;
    }
    counts.paper! += inserted.length;
    counts.file! += files.length;
    counts.demand! += demands.length;
    paperNo += n;
    options.onProgress?.(paperNo, options.papers);
  }
  return counts;
}
