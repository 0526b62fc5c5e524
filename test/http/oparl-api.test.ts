// The OParl 1.1 API (/oparl/v1): a walk from the System object that follows every link (objects, lists, their pages),
// validates every object against the specification's schemas (test/fixtures/oparl-schema, Ajv non-strict with
// ajv-formats), checks that each object's id is the URL it came from and that every referenced URL resolves; then
// what must never appear (drafts, trashed records, non-public agenda items' minutes, unpublished bodies), tombstones
// with modified_since, paging, bad parameters, CORS and the page cache. This file owns its server and database
// (startDeployment), so the walk sees a corpus nobody else changes meanwhile.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { insertVersioned, updateCurrent } from '@/lib/server/history/versioned-writes';
import { startDeployment, type Deployment } from '../support/instances';
import { projectRoot } from '../support/paths';
import { makePdf } from '../support/pdf';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
type Json = Record<string, unknown>;

let deployment: Deployment;
let base: string;
const OPARL = () => `${base}/oparl/v1`;
const PUBLISHED = '2026-10-01T10:00:00.000Z';

/** Ids of the records this file creates. */
const r = {} as Record<
  'body' | 'hiddenBody' | 'hiddenBodyPaper' | 'hiddenBodyTrashed' | 'org' | 'draftOrg' | 'person' | 'draftPerson' | 'membership' | 'draftMembership' | 'paper' | 'draftPaper' | 'trashedPaper'
  | 'heldFile' | 'draftFile' | 'missingFile' | 'meeting' | 'draftMeeting' | 'openItem' | 'closedItem' | 'closedItemFile' | 'consultation' | 'demand' | 'draftDemand'
  | 'term' | 'draftTerm' | 'location' | 'draftMeetingItem' | 'draftPaperConsultation',
  number
>;
const SECRET = 'Geheimniskraemerei-Nichtoeffentlich';

// ---- schemas ----

const schemaDir = path.join(projectRoot, 'test/fixtures/oparl-schema');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// ajv-formats' "url" refuses loopback hosts (README of ../shared/oparl): any absolute http(s) URL passes here.
ajv.addFormat('url', (value: string) => /^https?:\/\/[^\s/]+(\/\S*)?$/.test(value));
for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.json'))) {
  const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')) as Json;
  // The schemas refer to each other as "File.json": register each under that name.
  schema.$id = `https://schema.oparl.org/1.1/${file}`;
  // Body.mainOrganization has "$ref": "Organization" beside "type": "string" (a known quirk): validate it as a URL.
  const main = (schema.properties as Json | undefined)?.mainOrganization as Json | undefined;
  if (main) delete main.$ref;
  ajv.addSchema(schema);
}

/** The validator for an OParl type URL. */
function validatorFor(type: string): ValidateFunction {
  const name = /^https:\/\/schema\.oparl\.org\/1\.1\/([A-Za-z]+)$/.exec(type)?.[1];
  const validate = name ? ajv.getSchema(`https://schema.oparl.org/1.1/${name}.json`) : undefined;
  if (!validate) throw new Error(`Unbekannter OParl-Typ ${type}`);
  return validate;
}

function expectValid(object: Json, where: string): void {
  const validate = validatorFor(String(object.type));
  const ok = validate(object);
  expect(ok, `${where}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(object).slice(0, 600)}`).toBe(true);
}

// ---- HTTP ----

async function getJson(url: string): Promise<{ status: number; headers: Headers; json: Json }> {
  const response = await fetch(url, { redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as Json };
}

/** Waits until the server has applied every change logged so far (it polls the log about once a second). */
async function caughtUp(): Promise<void> {
  const [row] = await deployment.db.insert(t.contentChange).values({ tags: '*', createdAt: Date.now() }).returning({ id: t.contentChange.id });
  // vi.waitFor, not expect.poll: this also runs in beforeAll. The timeout only stops a hang.
  await vi.waitFor(async () => {
    const applied = ((await (await fetch(`${base}/healthz`)).json()) as { changes: { applied: number | null } }).changes.applied ?? 0;
    if (applied < row!.id) throw new Error(`Der Server hat die Änderung ${row!.id} noch nicht übernommen (bisher ${applied}).`);
  }, { interval: 100, timeout: 60_000 });
}

// ---- data ----

/** Stores bytes as an attachment's content in the deployment's DATA_DIR; returns the SHA-256. */
function storeContent(bytes: Uint8Array): string {
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const dir = path.join(deployment.dataDir, 'files', sha256.slice(0, 2));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, sha256), bytes);
  return sha256;
}

async function arrange(): Promise<void> {
  const db = deployment.db;
  const [body] = await db.select({ id: t.body.id }).from(t.body).where(eq(t.body.slug, 'landkreis-grafschaft-bentheim'));
  r.body = body!.id;
  const [hidden] = await db.insert(t.body).values({ slug: 'oparl-unveroeffentlicht', name: 'Unveröffentlichte Körperschaft' }).returning();
  r.hiddenBody = hidden!.id;
  const [hiddenPaper] = await db.insert(t.paper).values({ bodyId: r.hiddenBody, slug: 'oparl-verborgen', name: 'Vorlage einer unveröffentlichten Körperschaft', paperType: 'antrag', date: '2026-10-01', publishedAt: PUBLISHED }).returning();
  r.hiddenBodyPaper = hiddenPaper!.id;
  const [hiddenTrashed] = await db.insert(t.paper).values({ bodyId: r.hiddenBody, slug: 'oparl-verborgen-papierkorb', name: 'Gelöschte Vorlage einer unveröffentlichten Körperschaft', paperType: 'antrag', date: '2026-10-01', publishedAt: PUBLISHED, deletedAt: '2026-11-01T10:00:00.000Z' }).returning();
  r.hiddenBodyTrashed = hiddenTrashed!.id;

  const org = (slug: string, publishedAt: string | null) => db.insert(t.organization).values({ bodyId: r.body, slug, name: `Gremium ${slug}`, kind: 'committee', publishedAt }).returning();
  r.org = (await org('oparl-ausschuss', PUBLISHED))[0]!.id;
  r.draftOrg = (await org('oparl-entwurf', null))[0]!.id;
  const person = (slug: string, publishedAt: string | null) => db.insert(t.person).values({ bodyId: r.body, slug, name: `Person ${slug}`, givenName: 'Olga', familyName: 'Parl', title: 'Dr.', publishedAt }).returning();
  r.person = (await person('oparl-person', PUBLISHED))[0]!.id;
  r.draftPerson = (await person('oparl-person-entwurf', null))[0]!.id;
  r.membership = (await db.insert(t.membership).values({ personId: r.person, organizationId: r.org, role: 'Vorsitzende', votingRight: true, startDate: '2021-11-01', onBehalfOfId: r.draftOrg }).returning())[0]!.id;
  r.draftMembership = (await db.insert(t.membership).values({ personId: r.draftPerson, organizationId: r.org, role: 'Mitglied' }).returning())[0]!.id;

  r.term = (await db.insert(t.legislativeTerm).values({ bodyId: r.body, name: 'Wahlperiode 2021–2026', startDate: '2021-11-01', endDate: '2026-10-31', publishedAt: PUBLISHED }).returning())[0]!.id;
  r.draftTerm = (await db.insert(t.legislativeTerm).values({ bodyId: r.body, name: 'Wahlperiode Entwurf', publishedAt: null }).returning())[0]!.id;
  r.location = (await db.insert(t.location).values({ bodyId: r.body, description: 'Kreishaus, Sitzungssaal', streetAddress: 'van-Delden-Straße 1–7', postalCode: '48529', locality: 'Nordhorn', geojson: JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [7.07, 52.43] }, properties: {} }), publishedAt: PUBLISHED }).returning())[0]!.id;

  const paper = (slug: string, publishedAt: string | null, deletedAt: string | null = null) =>
    db.insert(t.paper).values({ bodyId: r.body, slug, name: `Antrag ${slug}`, reference: `OP/${slug}`, paperType: 'antrag', date: '2026-10-01', underDirectionOfId: r.draftOrg, publishedAt, deletedAt, ...(deletedAt ? { updatedAt: deletedAt } : {}) }).returning();
  r.paper = (await paper('oparl-antrag', PUBLISHED))[0]!.id;
  r.draftPaper = (await paper('oparl-antrag-entwurf', null))[0]!.id;
  r.trashedPaper = (await paper('oparl-antrag-papierkorb', PUBLISHED, '2026-11-01T10:00:00.000Z'))[0]!.id;
  await db.insert(t.paperOriginator).values([{ paperId: r.paper, organizationId: r.org }, { paperId: r.paper, organizationId: r.draftOrg }, { paperId: r.paper, personId: r.person }]);
  await db.insert(t.paperRelation).values([{ fromPaperId: r.paper, toPaperId: r.draftPaper, kind: 'amends' }]);

  const sha = storeContent(makePdf('OParl Anlage'));
  const file = (name: string, values: Partial<typeof t.file.$inferInsert>) => db.insert(t.file).values({ name, fileName: `${name}.pdf`, mimeType: 'application/pdf', size: 100, ...values }).returning();
  r.heldFile = (await file('Gehaltene Anlage', { paperId: r.paper, sha256: sha, publishedAt: PUBLISHED }))[0]!.id;
  r.draftFile = (await file('Entwurfsanlage', { paperId: r.paper, sha256: sha, publishedAt: null }))[0]!.id;
  r.missingFile = (await file('Anlage ohne Inhalt', { paperId: r.paper, sha256: null, publishedAt: PUBLISHED }))[0]!.id;

  const meeting = (slug: string, publishedAt: string | null) => db.insert(t.meeting).values({ bodyId: r.body, slug, name: `Sitzung ${slug}`, start: '2026-10-15T17:00:00+02:00', end: '2026-10-15T19:00:00+02:00', meetingState: 'held', locationId: r.location, publishedAt }).returning();
  r.meeting = (await meeting('oparl-sitzung', PUBLISHED))[0]!.id;
  r.draftMeeting = (await meeting('oparl-sitzung-entwurf', null))[0]!.id;
  await db.insert(t.meetingOrganization).values([{ meetingId: r.meeting, organizationId: r.org }, { meetingId: r.meeting, organizationId: r.draftOrg }]);
  const item = (number: string, order: number, open: boolean) => db.insert(t.agendaItem).values({ meetingId: r.meeting, number, order, name: `Punkt ${number}`, public: open, minutesMd: open ? 'Offene Niederschrift' : SECRET, result: open ? 'beschlossen' : SECRET, publishedAt: PUBLISHED }).returning();
  r.openItem = (await item('Ö 1', 1, true))[0]!.id;
  r.closedItem = (await item('N 1', 2, false))[0]!.id;
  r.closedItemFile = (await file('Vertrauliche Anlage', { agendaItemId: r.closedItem, meetingId: r.meeting, sha256: sha, publishedAt: PUBLISHED }))[0]!.id;
  r.consultation = (await db.insert(t.consultation).values({ paperId: r.paper, meetingId: r.meeting, agendaItemId: r.openItem, organizationId: r.org, role: 'Entscheidung', authoritative: true }).returning())[0]!.id;
  await db.insert(t.consultation).values({ paperId: r.paper, meetingId: r.draftMeeting, organizationId: r.draftOrg, role: 'Vorberatung' });
  r.draftMeetingItem = (await db.insert(t.agendaItem).values({ meetingId: r.draftMeeting, number: 'Ö 9', order: 1, name: 'Punkt einer Entwurfssitzung', publishedAt: PUBLISHED }).returning())[0]!.id;
  r.draftPaperConsultation = (await db.insert(t.consultation).values({ paperId: r.draftPaper, meetingId: r.meeting, organizationId: r.org, role: 'Kenntnisnahme' }).returning())[0]!.id;

  r.demand = (await db.insert(t.demand).values({ paperId: r.paper, ordinal: 1, title: 'Radweg bauen', textMd: 'Der Radweg wird gebaut.', textHtml: '<p>Der Radweg wird gebaut.</p>', status: 'in_umsetzung', dueDate: '2027-03-31', responsibleOrganizationId: r.org, publishedAt: PUBLISHED }).returning())[0]!.id;
  r.draftDemand = (await db.insert(t.demand).values({ paperId: r.paper, ordinal: 2, title: 'Entwurfsforderung', textMd: 'Entwurf', textHtml: '<p>Entwurf</p>', publishedAt: null }).returning())[0]!.id;
  await db.insert(t.followUp).values([
    { demandId: r.demand, date: '2026-11-01', kind: 'progress', textMd: 'Die Planung läuft.', textHtml: '<p>Die Planung läuft.</p>', statusAfter: 'in_umsetzung', nextDueDate: '2027-03-31', publishedAt: PUBLISHED },
    { demandId: r.demand, date: '2026-11-02', kind: 'reply', textMd: 'Entwurfseintrag', textHtml: '<p>Entwurfseintrag</p>', publishedAt: null },
  ]);
  await caughtUp();
}

beforeAll(async () => {
  deployment = await startDeployment('oparl-api', 1);
  base = deployment.instances[0]!.baseUrl;
  await arrange();
});

afterAll(async () => {
  await deployment?.stop();
  expect(deployment ? deployment.errors() : []).toEqual([]);
});

// ---- the walk ----

interface Walked {
  /** Every object by id, as fetched from its own URL. */
  objects: Map<string, Json>;
  /** Every list page fetched, by URL. */
  lists: Map<string, Json>;
  /** Every other URL referenced (web pages, files), with its status. */
  others: Map<string, number>;
}

let walked: Walked | null = null;

/** Every string in a JSON value, with the property name it sits under. */
function strings(value: unknown, key = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([key, value]);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, key, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'type' && k !== 'oparlVersion') strings(v, k, out);
  return out;
}

/** Embedded OParl objects (with id and type) anywhere below a value, the value itself included. */
function embedded(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) value.forEach((v) => embedded(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Json;
    if (typeof o.id === 'string' && typeof o.type === 'string' && String(o.type).startsWith('https://schema.oparl.org/')) out.push(o);
    Object.values(o).forEach((v) => embedded(v, out));
  }
  return out;
}

async function walk(): Promise<Walked> {
  if (walked) return walked;
  const result: Walked = { objects: new Map(), lists: new Map(), others: new Map() };
  const queue: string[] = [OPARL()];
  const seen = new Set(queue);
  const enqueue = (url: string) => {
    if (!seen.has(url)) {
      seen.add(url);
      queue.push(url);
    }
  };
  while (queue.length) {
    const url = queue.shift()!;
    if (!url.startsWith(`${OPARL()}`)) {
      const response = await fetch(url, { redirect: 'manual' });
      await response.arrayBuffer();
      result.others.set(url, response.status);
      continue;
    }
    const { status, headers, json } = await getJson(url);
    expect(status, url).toBe(200);
    expect(headers.get('content-type'), url).toBe('application/json; charset=utf-8');
    expect(headers.get('access-control-allow-origin'), url).toBe('*');
    if (Array.isArray(json.data)) {
      result.lists.set(url, json);
      expect(json.pagination, url).toBeTypeOf('object');
      expect((json.links as Json).self, url).toBe(url);
      for (const item of json.data as Json[]) expectValid(item, `${url} → ${String(item.id)}`);
    } else {
      expectValid(json, url);
      expect(json.id, `id of the object at ${url}`).toBe(url);
      result.objects.set(url, json);
    }
    for (const object of embedded(json)) {
      // Every embedded object is also served at its own URL, identical but for what the list omits.
      enqueue(String(object.id));
    }
    for (const [key, value] of strings(json)) {
      if (key === 'id' || key === 'self') continue;
      if (/^https?:\/\//.test(value)) {
        if (value.startsWith(base)) enqueue(value.replace(/#.*$/, ''));
        else expect.fail(`${url}: ${key} points off the portal: ${value}`);
      }
    }
  }
  walked = result;
  return result;
}

const url = (kind: string, id: number) => `${OPARL()}/${kind}/${id}`;

describe('the OParl API, walked from the System object', () => {
  it('serves valid objects whose id is their URL, and every URL they reference resolves', async () => {
    const { objects, lists, others } = await walk();
    const system = objects.get(OPARL())!;
    expect(system.oparlVersion).toBe('https://schema.oparl.org/1.1/');
    // Every type is reached.
    const types = new Set([...objects.values()].map((o) => String(o.type).split('/').pop()));
    expect([...types].sort()).toEqual(['AgendaItem', 'Body', 'Consultation', 'File', 'LegislativeTerm', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System']);
    expect(lists.size).toBeGreaterThanOrEqual(1 + 2 * 10);
    for (const [target, status] of others) expect(status, target).toBe(200);
    // The portal pages, the attachment and its download, and the extension's page are among them.
    expect(others.has(`${base}/vorlagen/oparl-antrag`)).toBe(true);
    expect(others.has(`${base}/dateien/${r.heldFile}`)).toBe(true);
    expect(others.has(`${base}/dateien/${r.heldFile}?download=1`)).toBe(true);
    expect(others.has(`${base}/oparl/erweiterung`)).toBe(true);
  });

  it('never shows drafts, trashed records, unpublished bodies or what a non-public agenda item holds', async () => {
    const { objects, lists } = await walk();
    const all = JSON.stringify([...objects.values(), ...lists.values()]);
    for (const [kind, id] of [
      ['organization', r.draftOrg], ['person', r.draftPerson], ['membership', r.draftMembership], ['paper', r.draftPaper], ['paper', r.trashedPaper],
      ['meeting', r.draftMeeting], ['file', r.draftFile], ['file', r.missingFile], ['file', r.closedItemFile], ['legislative-term', r.draftTerm],
      ['body', r.hiddenBody], ['paper', r.hiddenBodyPaper], ['agenda-item', r.draftMeetingItem], ['consultation', r.draftPaperConsultation],
    ] as const) {
      expect(all, `${kind} ${id}`).not.toContain(`"${url(kind, id)}"`);
    }
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('Entwurfsforderung');
    expect(all).not.toContain('Entwurfseintrag');
    for (const [kind, id] of [['organization', r.draftOrg], ['person', r.draftPerson], ['membership', r.draftMembership], ['paper', r.draftPaper], ['meeting', r.draftMeeting], ['file', r.draftFile], ['file', r.missingFile], ['file', r.closedItemFile], ['legislative-term', r.draftTerm], ['body', r.hiddenBody], ['paper', r.hiddenBodyPaper], ['paper', r.hiddenBodyTrashed]] as const) {
      const answer = await getJson(url(kind, id));
      expect(answer.status, `${kind} ${id}`).toBe(404);
      expect(answer.json.type).toBe('https://schema.oparl.org/1.1/Error');
    }
    expect((await getJson(`${OPARL()}/body/${r.hiddenBody}/paper`)).status).toBe(404);
    const closed = objects.get(url('agenda-item', r.closedItem))!;
    expect(closed).toMatchObject({ public: false, number: 'N 1', name: 'Punkt N 1' });
    expect(Object.keys(closed)).not.toContain('result');
  });

  it('lists a body’s agenda items, consultations, files and memberships (OParl 1.1), the public ones only', async () => {
    const { objects } = await walk();
    const body = objects.get(url('body', r.body))!;
    const listIds = async (list: string) => {
      const { status, json } = await getJson(`${OPARL()}/body/${r.body}/${list}?limit=100`);
      expect(status, list).toBe(200);
      return (json.data as Json[]).map((o) => String(o.id));
    };
    for (const [property, segment, shown, hidden] of [
      ['agendaItem', 'agenda-item', [r.openItem, r.closedItem], [r.draftMeetingItem]],
      ['consultation', 'consultation', [r.consultation], [r.draftPaperConsultation]],
      ['file', 'file', [r.heldFile], [r.draftFile, r.missingFile, r.closedItemFile]],
      ['membership', 'membership', [r.membership], [r.draftMembership]],
    ] as const) {
      expect(body[property], property).toBe(`${OPARL()}/body/${r.body}/${segment}`);
      const ids = await listIds(segment);
      for (const id of shown) expect(ids, `${segment} ${id}`).toContain(url(segment, id));
      for (const id of hidden) expect(ids, `${segment} ${id}`).not.toContain(url(segment, id));
    }
    // A non-public agenda item is listed by its number and title only.
    const { json } = await getJson(`${OPARL()}/body/${r.body}/agenda-item`);
    const closed = (json.data as Json[]).find((o) => o.id === url('agenda-item', r.closedItem))!;
    expect(Object.keys(closed)).not.toContain('result');
    expect(JSON.stringify(json)).not.toContain(SECRET);
    // Another body's list does not carry them.
    expect((await getJson(`${OPARL()}/body/${r.hiddenBody}/consultation`)).status).toBe(404);
    // Filtered by modification, a deleted consultation of a public paper is a tombstone; one of a draft never shows.
    const deletedAt = new Date().toISOString();
    const [gone, goneDraft] = await deployment.db.insert(t.consultation).values([
      { paperId: r.paper, role: 'Gestrichen', deletedAt, updatedAt: deletedAt },
      { paperId: r.draftPaper, role: 'Gestrichen', deletedAt, updatedAt: deletedAt },
    ]).returning();
    await caughtUp();
    const since = await getJson(`${OPARL()}/body/${r.body}/consultation?modified_since=${encodeURIComponent(deletedAt)}&limit=100`);
    const data = since.json.data as Json[];
    expect(data.find((o) => o.id === url('consultation', gone!.id))).toMatchObject({ deleted: true, modified: deletedAt });
    expect(data.map((o) => o.id)).not.toContain(url('consultation', goneDraft!.id));
    for (const o of data) expectValid(o, 'consultation tombstone');
  });

  it('writes what the records say, mapped to OParl’s words, with the demands as the ratsfaden:demands extension', async () => {
    const { objects } = await walk();
    const paper = objects.get(url('paper', r.paper))!;
    expect(paper).toMatchObject({ name: 'Antrag oparl-antrag', reference: 'OP/oparl-antrag', paperType: 'Antrag', date: '2026-10-01', originatorOrganization: [url('organization', r.org)], originatorPerson: [url('person', r.person)] });
    expect(paper.underDirectionOf).toBeUndefined();
    expect(paper.relatedPaper).toBeUndefined();
    expect((paper.auxiliaryFile as Json[]).map((f) => f.id)).toEqual([url('file', r.heldFile)]);
    const [consultation, hiddenParts] = paper.consultation as Json[];
    expect(consultation).toMatchObject({ id: url('consultation', r.consultation), meeting: url('meeting', r.meeting), agendaItem: url('agenda-item', r.openItem), organization: [url('organization', r.org)], role: 'Entscheidung', authoritative: true });
    // A step whose meeting and organization are drafts is shown, without them.
    expect(hiddenParts).toMatchObject({ role: 'Vorberatung', authoritative: false });
    expect(Object.keys(hiddenParts!)).not.toContain('meeting');
    expect(Object.keys(hiddenParts!)).not.toContain('organization');
    expect(paper['ratsfaden:demands']).toEqual([expect.objectContaining({
      title: 'Radweg bauen', status: 'in_umsetzung', statusLabel: 'In Umsetzung', dueDate: '2027-03-31', web: `${base}/forderungen/${r.demand}`,
      followUps: [expect.objectContaining({ date: '2026-11-01', kind: 'progress', kindLabel: 'Sachstand', text: 'Die Planung läuft.', statusAfter: 'in_umsetzung' })],
    })]);
    const meeting = objects.get(url('meeting', r.meeting))!;
    expect(meeting).toMatchObject({ meetingState: 'durchgeführt', organization: [url('organization', r.org)], location: expect.objectContaining({ id: url('location', r.location), locality: 'Nordhorn' }) });
    expect((meeting.agendaItem as Json[]).map((i) => i.id)).toEqual([url('agenda-item', r.openItem), url('agenda-item', r.closedItem)]);
    expect(objects.get(url('organization', r.org))).toMatchObject({ organizationType: 'Gremium', classification: 'Ausschuss', membership: [url('membership', r.membership)] });
    const membership = objects.get(url('membership', r.membership))!;
    expect(membership).toMatchObject({ role: 'Vorsitzende', votingRight: true, startDate: '2021-11-01' });
    expect(membership.onBehalfOf).toBeUndefined();
    expect(objects.get(url('person', r.person))).toMatchObject({ givenName: 'Olga', familyName: 'Parl', title: ['Dr.'], membership: [expect.objectContaining({ id: url('membership', r.membership) })] });
    expect((objects.get(url('body', r.body))!.legislativeTerm as Json[]).map((l) => l.id)).toEqual([url('legislative-term', r.term)]);
    const download = await fetch(`${base}/dateien/${r.heldFile}?download=1`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="Gehaltene Anlage\.pdf"/);
    expect((await fetch(`${base}/dateien/${r.heldFile}`)).headers.get('content-disposition')).toMatch(/^inline;/);
  });
});

describe('OParl lists', () => {
  /** Follows `next` from a first page to the end; returns the ids in order and the pages' element counts. */
  async function follow(first: string): Promise<{ ids: string[]; sizes: number[] }> {
    const ids: string[] = [];
    const sizes: number[] = [];
    let next: string | undefined = first;
    for (let guard = 0; next && guard < 1000; guard++) {
      const page: { status: number; json: Json } = await getJson(next);
      expect(page.status, next).toBe(200);
      const data = page.json.data as Json[];
      ids.push(...data.map((o) => String(o.id)));
      sizes.push(data.length);
      next = (page.json.links as Json).next as string | undefined;
    }
    return { ids, sizes };
  }

  it('page in a stable order without gaps or repeats, keeping the filters on every link', async () => {
    const whole = await follow(`${OPARL()}/body/${r.body}/paper`);
    const paged = await follow(`${OPARL()}/body/${r.body}/paper?limit=1`);
    expect(paged.ids).toEqual(whole.ids);
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
    expect(paged.sizes.every((n) => n === 1)).toBe(true);
    // Ordered by (modified, id) when filtered by modification: the same objects, tombstones included, one per page.
    const byModified = await follow(`${OPARL()}/body/${r.body}/paper?modified_since=2000-01-01T00:00:00Z&limit=1`);
    const allModified = await follow(`${OPARL()}/body/${r.body}/paper?modified_since=2000-01-01T00:00:00Z&limit=100`);
    expect(byModified.ids).toEqual(allModified.ids);
    expect(new Set(byModified.ids)).toEqual(new Set([...whole.ids, url('paper', r.trashedPaper)]));
    const since = await getJson(`${OPARL()}/body/${r.body}/organization?limit=1&created_since=2000-01-01T00:00:00%2B01:00`);
    const next = (since.json.links as Json).next as string;
    expect(next).toContain('created_since=2000-01-01T00%3A00%3A00%2B01%3A00');
    expect(next).toContain('limit=1');
    // limit is a hint, bounded.
    expect(((await getJson(`${OPARL()}/body/${r.body}/paper?limit=100000`)).json.pagination as Json).elementsPerPage).toBe(100);
  });

  it('filter by created and modified, and show deleted objects as tombstones only when filtered by modification', async () => {
    const plain = await follow(`${OPARL()}/body/${r.body}/paper`);
    expect(plain.ids).not.toContain(url('paper', r.trashedPaper));
    const modified = await getJson(`${OPARL()}/body/${r.body}/paper?modified_since=2026-10-31T00:00:00Z&limit=100`);
    const tomb = (modified.json.data as Json[]).find((o) => o.id === url('paper', r.trashedPaper));
    expect(tomb).toEqual({ id: url('paper', r.trashedPaper), type: 'https://schema.oparl.org/1.1/Paper', created: expect.any(String), modified: '2026-11-01T10:00:00.000Z', deleted: true });
    expectValid(tomb!, 'tombstone');
    // Its own URL answers the tombstone too, with 200.
    expect((await getJson(url('paper', r.trashedPaper))).json).toEqual(tomb);
    // Created filters never show deleted objects.
    const created = await follow(`${OPARL()}/body/${r.body}/paper?created_since=2000-01-01T00:00:00Z`);
    expect(created.ids).not.toContain(url('paper', r.trashedPaper));
    expect(created.ids).toContain(url('paper', r.paper));
    const future = await getJson(`${OPARL()}/body/${r.body}/paper?created_since=2999-01-01T00:00:00Z`);
    expect(future.json.data).toEqual([]);
    const until = await getJson(`${OPARL()}/body/${r.body}/paper?modified_until=2000-01-01T00:00:00Z`);
    expect(until.json.data).toEqual([]);
  });

  it('leave out the internal lists with omit_internal=true', async () => {
    const page = await getJson(`${OPARL()}/body/${r.body}/meeting?omit_internal=true&limit=100`);
    const meeting = (page.json.data as Json[]).find((m) => m.id === url('meeting', r.meeting))!;
    expect(meeting.agendaItem).toBeUndefined();
    const people = await getJson(`${OPARL()}/body/${r.body}/person?omit_internal=true&limit=100`);
    expect((people.json.data as Json[]).find((p) => p.id === url('person', r.person))!.membership).toBeUndefined();
  });
});

describe('OParl errors and headers', () => {
  it.each([
    ['limit=abc', 'limit'], ['limit=0', 'limit'], ['created_since=gestern', 'created_since'], ['modified_since=2026-02-30T00:00:00Z', 'modified_since'],
    ['modified_until=2026-13-01', 'modified_until'], ['created_until=2026-01-01T25:00:00Z', 'created_until'], ['omit_internal=vielleicht', 'omit_internal'], ['after=x', 'after'],
  ])('answers a bad parameter (%s) with a JSON 400 naming it', async (query, name) => {
    const answer = await getJson(`${OPARL()}/body/${r.body}/paper?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.json).toMatchObject({ type: 'https://schema.oparl.org/1.1/Error', message: expect.stringContaining(`„${name}“`) });
  });

  it.each(['/paper/999999', '/paper/abc', '/gibtsnicht/1', '/body/999999/paper', '/body/1/gibtsnicht', '/body/999999', '/irgendwas/ganz/tief'])('answers an unknown object or path (%s) with a JSON 404', async (pathname) => {
    const answer = await getJson(`${OPARL()}${pathname}`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.json).toMatchObject({ type: 'https://schema.oparl.org/1.1/Error', message: expect.stringMatching(/ist nicht bekannt/) });
  });

  it('is cached like the public pages, and a save is seen at once', async () => {
    const target = url('organization', r.org);
    await expect.poll(async () => (await fetch(target)).headers.get('x-cache'), { interval: 50 }).toBe('HIT');
    const hit = await fetch(target);
    expect(hit.headers.get('access-control-allow-origin')).toBe('*');
    expect(hit.headers.get('content-type')).toBe('application/json; charset=utf-8');
    await deployment.db.update(t.organization).set({ name: 'Umbenannter OParl-Ausschuss', updatedAt: new Date().toISOString() }).where(eq(t.organization.id, r.org));
    await caughtUp();
    expect((await getJson(target)).json.name).toBe('Umbenannter OParl-Ausschuss');
  });
});

describe('OParl modified of embedding objects', () => {
  /** The `modified` of an object as the API serves it, and its stored version. */
  async function modifiedOf(kind: 'paper' | 'meeting' | 'person', id: number): Promise<string> {
    const { status, json } = await getJson(url(kind, id));
    expect(status).toBe(200);
    return String(json.modified);
  }

  /** Ids of a body list filtered by modified_since. */
  async function modifiedSince(list: string, since: string): Promise<string[]> {
    const { status, json } = await getJson(`${OPARL()}/body/${r.body}/${list}?modified_since=${encodeURIComponent(since)}&limit=100`);
    expect(status).toBe(200);
    return (json.data as Json[]).map((o) => String(o.id));
  }

  // Written through the one write path of the back office and the importer (versioned-writes), on the test's database.
  it.each([
    ['consultation', 'paper'],
    ['agendaItem', 'meeting'],
    ['membership', 'person'],
    ['file', 'paper'],
  ] as const)('moves the modified of the object a %s is embedded in (%s) when it is created, changed and deleted (OParl 2-08)', async (child, parentKind) => {
    const db = deployment.db;
    const parentId = parentKind === 'paper' ? r.paper : parentKind === 'meeting' ? r.meeting : r.person;
    const parentTable = parentKind === 'paper' ? t.paper : parentKind === 'meeting' ? t.meeting : t.person;
    const { table, values } = {
      consultation: { table: t.consultation, values: { paperId: r.paper, organizationId: r.org, role: 'Vorberatung' } },
      agendaItem: { table: t.agendaItem, values: { meetingId: r.meeting, number: 'Ö 7', order: 7, name: 'Punkt zum Abgleich', publishedAt: PUBLISHED } },
      membership: { table: t.membership, values: { personId: r.person, organizationId: r.org, role: 'Stellvertreterin' } },
      file: { table: t.file, values: { paperId: r.paper, name: 'Abgleich-Anlage', sha256: storeContent(makePdf('Abgleich')), publishedAt: PUBLISHED } },
    }[child];
    const [{ version }] = (await db.select({ version: parentTable.version }).from(parentTable).where(eq(parentTable.id, parentId))) as [{ version: number }];
    let id = 0;
    const steps: [string, () => Promise<unknown>][] = [
      ['create', async () => { id = ((await insertVersioned(db, table, values, null)) as { id: number }).id; }],
      ['change', () => updateCurrent(db, table, id, child === 'file' || child === 'agendaItem' ? { name: 'Umbenannt zum Abgleich' } : { role: 'Umbenannt zum Abgleich' }, null)],
      ['delete', () => updateCurrent(db, table, id, { deletedAt: new Date().toISOString() }, null, { action: 'delete' })],
    ];
    for (const [step, write] of steps) {
      const before = await modifiedOf(parentKind, parentId);
      // A mark strictly after the parent's current modified, and before the write.
      await expect.poll(() => new Date().toISOString() > before).toBe(true);
      const mark = new Date().toISOString();
      await write();
      await caughtUp();
      const after = await modifiedOf(parentKind, parentId);
      expect(after >= mark, `${child} ${step}: ${parentKind} modified ${after}, write after ${mark}`).toBe(true);
      expect(await modifiedSince(parentKind, mark), `${child} ${step}`).toContain(url(parentKind, parentId));
    }
    // Only the timestamp moved: a clerk's open form of the parent still saves.
    const [{ version: now }] = (await db.select({ version: parentTable.version }).from(parentTable).where(eq(parentTable.id, parentId))) as [{ version: number }];
    expect(now).toBe(version);
  });
});
