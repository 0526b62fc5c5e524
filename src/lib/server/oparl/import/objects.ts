// Writes one OParl object of each type, with the objects embedded in it (a person's memberships, a meeting's agenda
// items and files, a paper's consultations and files). Each deviation is logged with the object's id.
import { and, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import type { Executor } from '@/lib/server/db';
import { deviationKinds as k, type DeviationLog } from './deviations';
import * as map from './mapping';
import { readObject, type OparlType, type Parsed } from './parse';
import type { Outcome, RecordStore } from './records';

/** Counts per OParl type of what a run did. */
export type Counts = Record<string, Record<Outcome | 'skipped', number>>;

/** A file the run downloads after the page is written (`--files`). */
export interface FileToFetch {
  fileId: number;
  externalId: string;
  url: string;
}

/** What writing an object needs: the store, the log, the counts, the body, and where files to download go. */
export interface WriteContext {
  store: RecordStore;
  log: DeviationLog;
  counts: Counts;
  bodyId: number;
  published: string;
  files: FileToFetch[] | null;
}

function count(ctx: WriteContext, type: OparlType, outcome: Outcome | 'skipped'): void {
  const row = (ctx.counts[type] ??= { created: 0, updated: 0, unchanged: 0, deleted: 0, skipped: 0 });
  row[outcome]++;
}

/** Reads `raw` as `type`: the object, or null after trashing a tombstone or logging a skipped object. */
async function read<T extends OparlType>(tx: Executor, ctx: WriteContext, raw: unknown, type: T): Promise<Parsed<T> | null> {
  const result = readObject(raw, type, ctx.log);
  if (result.kind === 'object') return result.value;
  if (result.kind === 'deleted') {
    if (await ctx.store.trash(tx, result.id)) count(ctx, type, 'deleted');
  } else count(ctx, type, 'skipped');
  return null;
}

function ref(ctx: WriteContext, table: string, url: string | null, from: string, what: string): number | null {
  if (!url) return null;
  const id = ctx.store.idOf(table, url);
  if (id === null) ctx.log.add(k.unknownReference, from, `${what}: ${url}`);
  return id;
}

const published = (ctx: WriteContext) => ({ publishedAt: ctx.published });

/** A body's own row. */
export async function writeBody(tx: Executor, ctx: Omit<WriteContext, 'bodyId'>, o: Parsed<'Body'>): Promise<number> {
  const c = { ...ctx, bodyId: 0 };
  const { id, outcome } = await ctx.store.upsert(tx, t.body, o.id, o.web, map.bodyRow(o), { ...published(c), slug: map.importSlug(o.shortName ?? o.name, o.id, 'koerperschaft') });
  count(c, 'Body', outcome);
  return id;
}

/** A legislative term. */
export async function writeLegislativeTerm(tx: Executor, ctx: WriteContext, raw: unknown): Promise<void> {
  const o = await read(tx, ctx, raw, 'LegislativeTerm');
  if (!o) return;
  const { outcome } = await ctx.store.upsert(tx, t.legislativeTerm, o.id, o.web, map.legislativeTermRow(o, ctx.bodyId), published(ctx));
  count(ctx, 'LegislativeTerm', outcome);
}

/** A location; returns its row id and the line a meeting shows. */
export async function writeLocation(tx: Executor, ctx: WriteContext, raw: unknown): Promise<{ id: number; line: string | null } | null> {
  const o = await read(tx, ctx, raw, 'Location');
  if (!o) return null;
  const { id, outcome } = await ctx.store.upsert(tx, t.location, o.id, o.web, map.locationRow(o, ctx.bodyId), published(ctx));
  count(ctx, 'Location', outcome);
  return { id, line: map.locationLine(o) };
}

/** An organization (its parent when already imported) and the memberships embedded in it. */
export async function writeOrganization(tx: Executor, ctx: WriteContext, raw: unknown): Promise<void> {
  const o = await read(tx, ctx, raw, 'Organization');
  if (!o) return;
  const name = o.name ?? o.shortName;
  if (!name) {
    ctx.log.add(k.invalid, o.id, 'Organisation ohne Namen');
    return count(ctx, 'Organization', 'skipped');
  }
  const { outcome } = await ctx.store.upsert(tx, t.organization, o.id, o.web, {
    ...map.organizationRow(o, ctx.bodyId, name, undefined), parentId: ctx.store.idOf('organization', o.subOrganizationOf),
  }, { ...published(ctx), slug: map.importSlug(name, o.id, 'gremium') });
  count(ctx, 'Organization', outcome);
}

/** A person and the memberships embedded in them (organizations must be imported first). */
export async function writePerson(tx: Executor, ctx: WriteContext, raw: unknown): Promise<void> {
  const o = await read(tx, ctx, raw, 'Person');
  if (!o) return;
  const name = map.personName(o);
  if (!name) {
    ctx.log.add(k.invalid, o.id, 'Person ohne Namen');
    return count(ctx, 'Person', 'skipped');
  }
  const { id, outcome } = await ctx.store.upsert(tx, t.person, o.id, o.web, map.personRow(o, ctx.bodyId, name, undefined), {
    ...published(ctx), slug: map.importSlug(name, o.id, 'person'),
  });
  count(ctx, 'Person', outcome);
  for (const m of o.membership) await writeMembership(tx, ctx, m, id);
}

/** A membership; `personId` when embedded in its person. */
export async function writeMembership(tx: Executor, ctx: WriteContext, raw: unknown, personId?: number): Promise<void> {
  const o = await read(tx, ctx, raw, 'Membership');
  if (!o) return;
  const person = personId ?? ref(ctx, 'person', o.person, o.id, 'Person');
  const organization = ref(ctx, 'organization', o.organization, o.id, 'Organisation');
  if (person === null || organization === null) return count(ctx, 'Membership', 'skipped');
  const onBehalfOf = ref(ctx, 'organization', o.onBehalfOf, o.id, 'für Organisation');
  const { outcome } = await ctx.store.upsert(tx, t.membership, o.id, o.web, map.membershipRow(o, person, organization, onBehalfOf));
  count(ctx, 'Membership', outcome);
}

/** A meeting with its organizations, place, agenda items and files. */
export async function writeMeeting(tx: Executor, ctx: WriteContext, raw: unknown): Promise<void> {
  const o = await read(tx, ctx, raw, 'Meeting');
  if (!o) return;
  if (!o.start || Number.isNaN(Date.parse(o.start))) {
    ctx.log.add(k.invalid, o.id, 'Sitzung ohne gültigen Beginn (start)');
    return count(ctx, 'Meeting', 'skipped');
  }
  let place: { id: number | null; line: string | null } = { id: null, line: null };
  if (typeof o.location === 'string') place = { id: ref(ctx, 'location', o.location, o.id, 'Ort'), line: null };
  else if (o.location) place = (await writeLocation(tx, ctx, o.location)) ?? place;
  if (place.id !== null && place.line === null) {
    const [row] = await tx.select({ description: t.location.description }).from(t.location).where(eq(t.location.id, place.id));
    place.line = row?.description ?? null;
  }
  const name = o.name ?? 'Sitzung';
  const { id, outcome } = await ctx.store.upsert(tx, t.meeting, o.id, o.web, map.meetingRow(o, ctx.bodyId, o.start, place, undefined), {
    ...published(ctx), slug: map.importSlug(`${o.start.slice(0, 10)} ${name}`, o.id, 'sitzung'),
  });
  count(ctx, 'Meeting', outcome);
  const organizations = o.organization.map((url) => ref(ctx, 'organization', url, o.id, 'Gremium')).filter((x): x is number => x !== null);
  await syncLinks(tx, id, [...new Set(organizations)]);
  const items: number[] = [];
  for (const [index, item] of o.agendaItem.entries()) {
    const itemId = await writeAgendaItem(tx, ctx, item, id, index + 1);
    if (itemId !== null) items.push(itemId);
  }
  await ctx.store.trashMissingChildren(tx, t.agendaItem, 'meetingId', id, items);
  const files = [o.invitation, o.resultsProtocol, o.verbatimProtocol, ...o.auxiliaryFile].filter((f) => f != null);
  await writeFiles(tx, ctx, files, { meetingId: id });
}

async function syncLinks(tx: Executor, meetingId: number, organizationIds: number[]): Promise<void> {
  const existing = await tx.select({ id: t.meetingOrganization.organizationId }).from(t.meetingOrganization).where(eq(t.meetingOrganization.meetingId, meetingId));
  const have = new Set(existing.map((r) => r.id));
  for (const id of organizationIds) if (!have.has(id)) await tx.insert(t.meetingOrganization).values({ meetingId, organizationId: id });
  for (const id of have) if (!organizationIds.includes(id)) await tx.delete(t.meetingOrganization).where(and(eq(t.meetingOrganization.meetingId, meetingId), eq(t.meetingOrganization.organizationId, id)));
}

/** An agenda item of a meeting; `position` stands in for a missing `order`. */
async function writeAgendaItem(tx: Executor, ctx: WriteContext, raw: unknown, meetingId: number, position: number): Promise<number | null> {
  const o = await read(tx, ctx, raw, 'AgendaItem');
  if (!o) return null;
  if (o.order == null) ctx.log.add(k.noOrder, o.id, `Position ${position} angenommen`);
  const { id, outcome } = await ctx.store.upsert(tx, t.agendaItem, o.id, o.web, map.agendaItemRow(o, meetingId, o.order ?? position), published(ctx));
  count(ctx, 'AgendaItem', outcome);
  await writeFiles(tx, ctx, [o.resolutionFile, ...o.auxiliaryFile].filter((f) => f != null), { agendaItemId: id });
  return id;
}

/** A paper with its originators, consultations and files (meetings and agenda items must be imported first). */
export async function writePaper(tx: Executor, ctx: WriteContext, raw: unknown): Promise<void> {
  const o = await read(tx, ctx, raw, 'Paper');
  if (!o) return;
  let date = o.date;
  if (!date) {
    date = (o.created ?? o.modified ?? ctx.published).slice(0, 10);
    ctx.log.add(k.missingDate, o.id, `Vorlage ohne date, ${date} angenommen`);
  }
  const name = o.name ?? o.reference ?? 'Vorlage';
  const underDirectionOf = ref(ctx, 'organization', o.underDirectionOf[0] ?? null, o.id, 'Federführung');
  const { id, outcome } = await ctx.store.upsert(tx, t.paper, o.id, o.web, map.paperRow(o, ctx.bodyId, date, underDirectionOf, undefined), {
    // Dated by the document, as the seed does: feeds of new papers must not list a whole mirror as new today.
    publishedAt: `${date}T12:00:00.000Z`, updatedAt: `${date}T12:00:00.000Z`, slug: map.importSlug(`${o.reference ?? ''} ${name}`, o.id, 'vorlage'),
  });
  count(ctx, 'Paper', outcome);
  await syncOriginators(tx, ctx, id, o);
  const consultations: number[] = [];
  for (const [order, c] of o.consultation.entries()) {
    const cid = await writeConsultation(tx, ctx, c, id, order);
    if (cid !== null) consultations.push(cid);
  }
  await ctx.store.trashMissingChildren(tx, t.consultation, 'paperId', id, consultations);
  await writeFiles(tx, ctx, [o.mainFile, ...o.auxiliaryFile].filter((f) => f != null), { paperId: id });
}

async function syncOriginators(tx: Executor, ctx: WriteContext, paperId: number, o: Parsed<'Paper'>): Promise<void> {
  const wanted = [
    ...o.originatorOrganization.map((url) => ({ organizationId: ref(ctx, 'organization', url, o.id, 'Urheber'), personId: null })),
    ...o.originatorPerson.map((url) => ({ organizationId: null, personId: ref(ctx, 'person', url, o.id, 'Urheber') })),
  ].filter((r) => r.organizationId !== null || r.personId !== null);
  const key = (r: { organizationId: number | null; personId: number | null }) => `${r.organizationId ?? ''}/${r.personId ?? ''}`;
  const existing = await tx.select().from(t.paperOriginator).where(eq(t.paperOriginator.paperId, paperId));
  const wantedKeys = new Set(wanted.map(key));
  const haveKeys = new Set(existing.map(key));
  for (const r of existing) if (!wantedKeys.has(key(r))) await tx.delete(t.paperOriginator).where(eq(t.paperOriginator.id, r.id));
  for (const r of wanted) if (!haveKeys.has(key(r))) { haveKeys.add(key(r)); await tx.insert(t.paperOriginator).values({ paperId, ...r }); }
}

async function writeConsultation(tx: Executor, ctx: WriteContext, raw: unknown, paperId: number, order: number): Promise<number | null> {
  const o = await read(tx, ctx, raw, 'Consultation');
  if (!o) return null;
  const agendaItemId = ref(ctx, 'agenda_item', o.agendaItem, o.id, 'Tagesordnungspunkt');
  let meetingId = ref(ctx, 'meeting', o.meeting, o.id, 'Sitzung');
  if (meetingId === null && agendaItemId !== null) {
    const [item] = await tx.select({ meetingId: t.agendaItem.meetingId }).from(t.agendaItem).where(eq(t.agendaItem.id, agendaItemId));
    meetingId = item?.meetingId ?? null;
  }
  const organizationId = ref(ctx, 'organization', o.organization[0] ?? null, o.id, 'Gremium');
  const { id, outcome } = await ctx.store.upsert(tx, t.consultation, o.id, o.web, map.consultationRow(o, paperId, order, { meetingId, agendaItemId, organizationId }));
  count(ctx, 'Consultation', outcome);
  return id;
}

/** Files embedded in an object; the ones it no longer lists are trashed. */
async function writeFiles(tx: Executor, ctx: WriteContext, raws: unknown[], owner: map.FileOwner): Promise<void> {
  const kept: number[] = [];
  const seen = new Set<string>();
  for (const [order, raw] of raws.entries()) {
    const o = await read(tx, ctx, raw, 'File');
    if (!o) continue;
    // The same file may be named twice (1.0 sources list the invitation among the auxiliary files too).
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    if (o.size == null) ctx.log.add(k.fileWithoutSize, o.id);
    if (!o.sha1Checksum && !o.sha512Checksum) ctx.log.add(k.fileWithoutChecksum, o.id);
    const { id, outcome } = await ctx.store.upsert(tx, t.file, o.id, o.web, map.fileRow(o, owner, order), published(ctx));
    count(ctx, 'File', outcome);
    kept.push(id);
    const url = o.downloadUrl ?? o.accessUrl;
    if (ctx.files && url && outcome !== 'unchanged') ctx.files.push({ fileId: id, externalId: o.id, url });
    else if (ctx.files && url && outcome === 'unchanged') {
      const [row] = await tx.select({ sha256: t.file.sha256 }).from(t.file).where(eq(t.file.id, id));
      if (!row?.sha256) ctx.files.push({ fileId: id, externalId: o.id, url });
    }
  }
  const [column] = Object.keys(owner) as ('paperId' | 'meetingId' | 'agendaItemId')[];
  await ctx.store.trashMissingChildren(tx, t.file, column!, (owner as Record<string, number>)[column!]!, kept);
}
