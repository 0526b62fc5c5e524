// A fixture OParl 1.1 server on loopback for the importer's tests and benchmark: a System, bodies with legislative
// terms, places, organizations, people with memberships, meetings with agenda items and files, papers with
// consultations and files, the specification's examples among them; lists paged with `links.next` and filtered by
// `modified_since` (tombstones for deleted objects). Switches make it deviate like real servers do, fail for a while
// (5xx, a timeout, a crash mid-run) and move to a second state with changes and deletions.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { makePdf } from './pdf';

/** What the fixture serves and how it misbehaves. */
export interface FixtureOptions {
  /** A name for the system (two sources in one test differ by it). */
  name?: string;
  bodies?: number;
  papersPerBody?: number;
  meetingsPerBody?: number;
  agendaItemsPerMeeting?: number;
  filesPerPaper?: number;
  organizationsPerBody?: number;
  peoplePerBody?: number;
  pageSize?: number;
  /** Serve the specification's example objects in the first body (they name objects the fixture lacks). */
  examples?: boolean;
  /** Deviate like real servers: every kind the importer must tolerate. */
  broken?: boolean;
  /**
   * Name memberships, agenda items, consultations and files by URL instead of embedding them (as many servers do),
   * each served as an object of its own.
   */
  referenced?: boolean;
}

/** The running fixture and its switches. */
export interface OparlFixture {
  /** URL of the System object. */
  systemUrl: string;
  origin: string;
  /** Requests answered so far (all paths). */
  requests: () => number;
  /** Requests for list pages with `modified_since`, and without. */
  listRequests: () => { filtered: number; full: number };
  /** The next `count` requests answer 503 (retries get through after). */
  failNext: (count: number) => void;
  /** The next request for `pathPart` answers only after `ms` (a client timeout retries it). */
  delayOnce: (pathPart: string, ms: number) => void;
  /** After `pages` more list pages, every request answers 500 until `recover()`. */
  crashAfter: (pages: number) => void;
  recover: () => void;
  /** The second state: papers renamed, a paper, a meeting and an agenda item deleted, a paper added. */
  advance: () => { renamedPaper: string; deletedPaper: string; deletedMeeting: string; deletedAgendaItem: string; addedPaper: string };
  /** OParl ids of the generated objects, per type. */
  ids: Record<string, string[]>;
  close: () => Promise<void>;
}

type Json = Record<string, unknown>;
interface Entry {
  object: Json;
  modified: string;
  deletedAt: string | null;
}

const T = (type: string, v = '1.1') => `https://schema.oparl.org/${v}/${type}`;
const OLD = '2024-03-01T10:00:00+01:00';
const examplesDir = path.resolve(import.meta.dirname, '../fixtures/oparl');

/** Starts the fixture on a free port of 127.0.0.1. */
export async function startOparlFixture(options: FixtureOptions = {}): Promise<OparlFixture> {
  const o = {
    name: 'Fixture-RIS', bodies: 1, papersPerBody: 30, meetingsPerBody: 8, agendaItemsPerMeeting: 4, filesPerPaper: 1,
    organizationsPerBody: 4, peoplePerBody: 6, pageSize: 10, examples: false, broken: false, referenced: false, ...options,
  };
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const root = `${origin}/oparl`;
  const objects = new Map<string, Entry>();
  /** Each list: its URL path and the ids in it, in a stable order. */
  const lists = new Map<string, string[]>();
  const ids: Record<string, string[]> = {};
  const note = (type: string, id: string) => (ids[type] ??= []).push(id);
  const put = (object: Json, list?: string) => {
    objects.set(object.id as string, { object, modified: (object.modified as string) ?? OLD, deletedAt: null });
    if (list) lists.get(list)!.push(object.id as string);
  };
  const broken = o.broken;
  /** With `referenced`, the embedded objects of `object[field]` become URLs and are served on their own. */
  const byUrl = (object: Json, fields: string[]) => {
    if (!o.referenced) return object;
    for (const field of fields) {
      const value = object[field];
      if (!Array.isArray(value)) continue;
      object[field] = value.map((item: Json) => (put(item), item.id));
    }
    return object;
  };
  const messy = (text: string, i: number) => (broken && i % 5 === 1 ? `  ${text.replace(' ', '\n  ')} \t` : text);
  const stamp = (i: number, embedded = false) => (broken && embedded && i % 2 === 0 ? {} : { created: OLD, modified: OLD });
  const typeUrl = (type: string, i: number) => (broken && i % 4 === 3 ? T(type, '1.0') : T(type));

  for (let b = 1; b <= o.bodies; b++) {
    const base = `${root}/body/${b}`;
    const listNames = ['organizations', 'people', 'meetings', 'papers', 'locations', 'terms'];
    for (const name of listNames) lists.set(`${base}/${name}`, []);
    const body: Json = {
      id: base, type: T('Body'), system: `${root}/system`, name: `${o.name} Körperschaft ${b}`, shortName: `${o.name} ${b}`,
      website: `https://example.org/${b}`, organization: `${base}/organizations`, person: `${base}/people`, meeting: `${base}/meetings`,
      paper: `${base}/papers`, locationList: `${base}/locations`, legislativeTermList: `${base}/terms`, web: `https://ris.example.org/body/${b}`,
      legislativeTerm: [{ id: `${base}/term/1`, type: T('LegislativeTerm'), name: '2021–2026', startDate: '2021-11-01', endDate: '2026-10-31', created: OLD, modified: OLD }],
      created: OLD, modified: OLD,
    };
    // A body whose place list answers 404 (real servers name lists they do not serve).
    if (broken && b === 1) lists.delete(`${base}/locations`);
    put(body);
    note('Body', base);
    put({ id: `${base}/term/2`, type: T('LegislativeTerm'), name: '2016–2021', startDate: '2016-11-01', endDate: '2021-10-31', created: OLD, modified: OLD }, `${base}/terms`);
    const location = `${base}/location/1`;
    put({ id: location, type: T('Location'), description: 'Kreishaus, Sitzungssaal', streetAddress: 'Hauptstraße 1', postalCode: '12345', locality: 'Beispielstadt', created: OLD, modified: OLD }, broken && b === 1 ? undefined : `${base}/locations`);
    note('Location', location);
    const orgs: string[] = [];
    for (let i = 0; i < o.organizationsPerBody; i++) {
      const id = `${base}/organization/${i}`;
      orgs.push(id);
      const kind = i === 0 ? 'Kreistag' : i === 1 ? 'Fraktion' : 'Ausschuss';
      const org: Json = { id, type: typeUrl('Organization', i), body: base, name: messy(`${kind} ${i} ${o.name}`, i), organizationType: i === 0 ? 'Hauptorgan' : i === 1 ? 'Fraktion' : 'Gremium', classification: kind, web: `https://ris.example.org/gr/${b}/${i}`, ...stamp(i) };
      if (broken && i === 2) org['vendor:sortKey'] = 7;
      put(org, `${base}/organizations`);
      note('Organization', id);
    }
    for (let i = 0; i < o.peoplePerBody; i++) {
      const id = `${base}/person/${i}`;
      put(byUrl({
        id, type: T('Person'), body: base, name: messy(`Person ${i} Muster`, i), givenName: `Person ${i}`, familyName: 'Muster',
        membership: [{ id: `${base}/membership/${i}`, type: T('Membership'), person: id, organization: orgs[i % orgs.length], role: 'Mitglied', votingRight: true, startDate: '2021-11-01', ...stamp(i, true) }],
        created: OLD, modified: OLD,
      }, ['membership']), `${base}/people`);
      note('Person', id);
      note('Membership', `${base}/membership/${i}`);
    }
    // A deleted person without `type` inside the ordinary list (seen in the wild).
    if (broken) lists.get(`${base}/people`)!.push(`${base}/person/gone`), objects.set(`${base}/person/gone`, { object: { id: `${base}/person/gone`, deleted: true }, modified: OLD, deletedAt: OLD });
    const items: string[] = [];
    const meetings: string[] = [];
    for (let m = 0; m < o.meetingsPerBody; m++) {
      const id = `${base}/meeting/${m}`;
      meetings.push(id);
      const day = `2024-${String((m % 12) + 1).padStart(2, '0')}-${String((m % 27) + 1).padStart(2, '0')}`;
      const agendaItem = [];
      for (let a = 1; a <= o.agendaItemsPerMeeting; a++) {
        const itemId = `${id}/item/${a}`;
        items.push(itemId);
        note('AgendaItem', itemId);
        const item: Json = { id: itemId, type: T('AgendaItem'), meeting: id, number: `Ö ${a}`, order: a, name: messy(`Tagesordnungspunkt ${a} der Sitzung ${m}`, a), public: a !== o.agendaItemsPerMeeting, ...stamp(a, true) };
        if (broken && a === 2) delete item.order;
        agendaItem.push(item);
      }
      const meeting: Json = {
        id, type: typeUrl('Meeting', m), name: messy(`${m + 1}. Sitzung des Ausschusses`, m), start: `${day}T17:00:00+01:00`, end: `${day}T19:00:00+01:00`,
        meetingState: 'durchgeführt', location, organization: [orgs[2 % orgs.length]], agendaItem, web: `https://ris.example.org/si/${b}/${m}`,
        invitation: file(`${id}/invitation`, 'Einladung', m), created: OLD, modified: OLD,
      };
      if (broken && m === 1) meeting['ris:internalNumber'] = `S-${m}`;
      put(byUrl(meeting, ['agendaItem']), `${base}/meetings`);
      note('Meeting', id);
    }
    // A meeting without a start: unusable, skipped and logged; the rest of its page is imported.
    if (broken) put({ id: `${base}/meeting/nostart`, type: T('Meeting'), name: 'Sitzung ohne Termin', created: OLD, modified: OLD }, `${base}/meetings`);
    for (let p = 0; p < o.papersPerBody; p++) {
      const id = `${base}/paper/${p}`;
      const item = items[p % Math.max(1, items.length)];
      const meeting = item?.replace(/\/item\/\d+$/, '');
      const paper: Json = {
        id, type: typeUrl('Paper', p), body: base, name: messy(`Antrag ${p} zur Radverkehrsplanung`, p), reference: `${b}/${String(p).padStart(4, '0')}/2024`,
        date: `2024-${String((p % 12) + 1).padStart(2, '0')}-10`, paperType: p % 3 === 0 ? 'Antrag' : p % 3 === 1 ? 'Anfrage' : 'Beschlussvorlage',
        originatorOrganization: [orgs[1 % orgs.length]], underDirectionOf: [orgs[2 % orgs.length]], web: `https://ris.example.org/vo/${b}/${p}`,
        consultation: item ? [{ id: `${id}/consultation/1`, type: T('Consultation'), paper: id, meeting, agendaItem: item, organization: [orgs[2 % orgs.length]], role: 'Entscheidung', authoritative: true, ...stamp(p, true) }] : [],
        auxiliaryFile: Array.from({ length: o.filesPerPaper }, (_, f) => file(`${id}/file/${f}`, `Anlage ${f + 1} zu Antrag ${p}`, p + f)),
        created: OLD, modified: OLD,
      };
      put(byUrl(paper, ['consultation', 'auxiliaryFile']), `${base}/papers`);
      note('Paper', id);
      if (item) note('Consultation', `${id}/consultation/1`);
    }
    if (o.examples && b === 1) addExamples(base);
  }

  function file(id: string, name: string, i: number): Json {
    note('File', id);
    const f: Json = { id, type: T('File'), name, fileName: `${id.split('/').slice(-3).join('-')}.pdf`, mimeType: 'application/pdf', size: 600, sha1Checksum: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', accessUrl: `${id}.pdf`, downloadUrl: `${id}.pdf`, created: OLD, modified: OLD };
    if (broken && i % 3 === 2) (delete f.size, delete f.sha1Checksum);
    return f;
  }

  /** The specification's examples, moved to this server; their references to objects it lacks stay unresolved. */
  function addExamples(base: string) {
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(examplesDir, `${name}-01.json`), 'utf8').replaceAll('https://oparl.example.org', `${root}/example`)) as Json;
    put(read('Organization'), `${base}/organizations`);
    put(read('Person'), `${base}/people`);
    put(read('Meeting'), `${base}/meetings`);
    put(read('Paper'), `${base}/papers`);
    for (const [type, name] of [['Organization', 'Organization'], ['Person', 'Person'], ['Meeting', 'Meeting'], ['Paper', 'Paper']]) note(`example:${type}`, read(name!).id as string);
  }

  put({ id: `${root}/system`, type: T('System'), oparlVersion: 'https://schema.oparl.org/1.1/', name: o.name, body: `${root}/bodies`, website: 'https://ris.example.org/', created: OLD, modified: OLD });

  let count = 0;
  let filtered = 0;
  let full = 0;
  let failing = 0;
  let crashIn: number | null = null;
  let crashed = false;
  const delays = new Map<string, number>();

  function listPage(url: URL, listPath: string, members: string[]): Json {
    const since = url.searchParams.get('modified_since');
    if (since) filtered++;
    else full++;
    const sinceMs = since ? Date.parse(since) : null;
    const visible = members.filter((id) => {
      const entry = objects.get(id)!;
      if (sinceMs === null) return !entry.deletedAt || !('type' in entry.object);
      return Date.parse(entry.deletedAt ?? entry.modified) >= sinceMs;
    });
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const totalPages = Math.max(1, Math.ceil(visible.length / o.pageSize));
    const data = visible.slice((page - 1) * o.pageSize, page * o.pageSize).map((id) => {
      const entry = objects.get(id)!;
      return entry.deletedAt ? ('type' in entry.object || sinceMs === null ? entry.object : { id, type: entry.object.type, deleted: true, modified: entry.deletedAt }) : entry.object;
    });
    const link = (n: number) => `${listPath}?page=${n}${since ? `&modified_since=${encodeURIComponent(since)}` : ''}`;
    return {
      data, pagination: { totalElements: visible.length, elementsPerPage: o.pageSize, currentPage: page, totalPages },
      links: { first: link(1), last: link(totalPages), ...(page < totalPages ? { next: link(page + 1) } : {}) },
    };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    count++;
    const url = new URL(req.url ?? '/', origin);
    const key = `${origin}${url.pathname}`;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(body));
    };
    if (crashed) return send(500, { error: 'Interner Fehler' });
    if (failing > 0) {
      failing--;
      return send(503, { error: 'Überlastet' });
    }
    for (const [part, ms] of delays) {
      if (!key.includes(part)) continue;
      delays.delete(part);
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    // An attachment that is no PDF (a login page, as real servers answer): refused by content, not by name.
    if (broken && key.endsWith('/paper/3/file/0.pdf')) {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end('<!doctype html><title>Anmeldung</title>');
    }
    if (key.endsWith('.pdf')) {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end(makePdf(`Anlage ${url.pathname.split('/').slice(-3).join(' ')}`));
    }
    if (key === `${root}/bodies`) return send(200, listPage(url, key, [...objects.keys()].filter((id) => /\/body\/\d+$/.test(id))));
    const members = lists.get(key);
    if (members) {
      if (crashIn !== null && --crashIn < 0) {
        crashed = true;
        return send(500, { error: 'Interner Fehler' });
      }
      return send(200, listPage(url, key, members));
    }
    const entry = objects.get(key);
    if (entry && !entry.deletedAt) return send(200, entry.object);
    if (entry) return send(410, { id: key, type: entry.object.type, deleted: true });
    return send(404, { error: 'Nicht gefunden' });
  }

  const b1 = `${root}/body/1`;
  return {
    systemUrl: `${root}/system`, origin, ids,
    requests: () => count,
    listRequests: () => ({ filtered, full }),
    failNext: (n) => void (failing = n),
    delayOnce: (part, ms) => void delays.set(part, ms),
    crashAfter: (pages) => void ((crashIn = pages), (crashed = false)),
    recover: () => void ((crashed = false), (crashIn = null)),
    advance: () => {
      const now = new Date(Date.now() + 1000).toISOString();
      const renamed = objects.get(`${b1}/paper/1`)!;
      renamed.object = { ...renamed.object, name: 'Antrag 1 zur Radverkehrsplanung (geändert)', modified: now };
      renamed.modified = now;
      const del = (id: string) => {
        const entry = objects.get(id)!;
        entry.deletedAt = now;
        entry.object = { id, type: entry.object.type, deleted: true, modified: now };
      };
      del(`${b1}/paper/2`);
      del(`${b1}/meeting/3`);
      const meeting = objects.get(`${b1}/meeting/0`)!;
      const agenda = (meeting.object.agendaItem as Json[]).slice(0, -1);
      meeting.object = { ...meeting.object, agendaItem: agenda, modified: now };
      meeting.modified = now;
      const added = `${b1}/paper/new`;
      put({ ...objects.get(`${b1}/paper/0`)!.object, id: added, name: 'Neuer Antrag zur Schulwegsicherung', reference: '1/9999/2024', consultation: [], auxiliaryFile: [], created: now, modified: now }, `${b1}/papers`);
      objects.get(added)!.modified = now;
      return { renamedPaper: `${b1}/paper/1`, deletedPaper: `${b1}/paper/2`, deletedMeeting: `${b1}/meeting/3`, deletedAgendaItem: `${b1}/meeting/0/item/${o.agendaItemsPerMeeting}`, addedPaper: added };
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
