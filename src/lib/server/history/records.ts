// The editable record types in one registry: their table, German label, editor URL and which columns a
// restore may bring back. History, trash and restore work on any table listed here.
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { formatDate } from '@/lib/dates';
import type { Executor } from '@/lib/server/db';
import { refuse, updateVersioned, undelete, softDelete, writeTransaction, type VersionedTable, type UpdateResult } from '@/lib/server/history/versioned-writes';
import type { ContentChange } from '@/lib/server/changes/report';
import { syncDemandStatus } from '@/lib/server/tracking/save';
import { restoreOriginators } from '@/lib/server/papers/save';
import { consultationTitle, membershipTitle, noNames, quotedReferenceName, relationTitle, type RecordNames } from '@/lib/record-names';
import { loadRecordNames } from '@/lib/server/history/names';
import { legalKinds } from '@/lib/server/legal/kinds';
import type { LegalTextKind, Role } from '@/lib/domain/vocabulary';

type Row = Record<string, unknown>;

/** What the back office knows about one kind of record. */
interface RecordKind {
  table: VersionedTable;
  label: string;
  /** Title of a row for lists; the records it refers to are named from `names` (see loadRecordNames). */
  title: (row: Row, names: RecordNames) => string;
  /** Back-office page of a row. */
  editUrl: (row: Row) => string;
  /** Where the clerk goes once a row is in the trash: its parent's editor, at the list it was in (else the trash). */
  parentUrl?: (row: Row) => string;
  /** Writes back the rows of other tables a version recorded (before the row itself is restored). */
  restoreRelated?: (tx: Executor, id: number, snapshot: Row) => Promise<void>;
  /** Recomputes what depends on the row after a trash, untrash or restore; returns the demand whose status changed. */
  afterChange?: (tx: Executor, row: Row, userId: number) => Promise<number | null>;
  /** Who may trash, untrash and restore it, where clerks may not (legal texts: admins only). */
  role?: Role;
}

/** A follow-up's demand takes its status from the newest live follow-up stating one. */
async function followUpChanged(tx: Executor, row: Row, userId: number): Promise<number | null> {
  const demandId = Number(row.demandId);
  return (await syncDemandStatus(tx, demandId, userId)) ? demandId : null;
}

/** "der Körperschaft „…“" for a title, from the loaded names. */
function inBody(names: RecordNames, bodyId: unknown): string {
  return `der Körperschaft ${quotedReferenceName(names, 'body', bodyId)}`;
}

/** The record kinds, keyed by SQL table name (as in the revision log). */
export const recordKinds: Record<string, RecordKind> = {
  paper: { table: t.paper, label: 'Vorlage', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/vorlagen/${r.id}`, restoreRelated: restoreOriginators },
  demand: {
    table: t.demand, label: 'Forderung', title: (r) => String(r.title), editUrl: (r) => `/verwaltung/forderungen/${r.id}`,
    parentUrl: (r) => (r.paperId ? `/verwaltung/vorlagen/${r.paperId}#forderungen` : `/verwaltung/tagesordnungspunkte/${r.agendaItemId}#forderungen`),
  },
  meeting: { table: t.meeting, label: 'Sitzung', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/sitzungen/${r.id}` },
  agenda_item: { table: t.agendaItem, label: 'Tagesordnungspunkt', title: (r) => `${r.number} ${r.name}`, editUrl: (r) => `/verwaltung/tagesordnungspunkte/${r.id}`, parentUrl: (r) => `/verwaltung/sitzungen/${r.meetingId}#tagesordnung` },
  body: { table: t.body, label: 'Körperschaft', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/stammdaten/koerperschaften/${r.id}` },
  organization: { table: t.organization, label: 'Gremium', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/stammdaten/gremien/${r.id}` },
  person: { table: t.person, label: 'Person', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/stammdaten/personen/${r.id}` },
  membership: {
    table: t.membership, label: 'Mitgliedschaft', title: membershipTitle,
    editUrl: (r) => `/verwaltung/stammdaten/personen/${r.personId}`, parentUrl: (r) => `/verwaltung/stammdaten/personen/${r.personId}#mitgliedschaften`,
  },
  file: {
    table: t.file, label: 'Anlage', title: (r) => String(r.name),
    editUrl: (r) => (r.paperId ? `/verwaltung/vorlagen/${r.paperId}` : r.meetingId ? `/verwaltung/sitzungen/${r.meetingId}` : `/verwaltung/tagesordnungspunkte/${r.agendaItemId}`),
    parentUrl: (r) => `${recordKinds.file!.editUrl(r)}#anlagen`,
  },
  consultation: {
    table: t.consultation, label: 'Beratung', title: consultationTitle,
    editUrl: (r) => `/verwaltung/vorlagen/${r.paperId}`, parentUrl: (r) => `/verwaltung/vorlagen/${r.paperId}#beratungsfolge`,
  },
  legal_text: {
    table: t.legalText, label: 'Rechtstext', role: 'admin',
    title: (r, names) => `${legalKinds[r.kind as LegalTextKind]?.title ?? String(r.kind)} ${inBody(names, r.bodyId)}`,
    editUrl: (r) => `/verwaltung/rechtstexte/${r.bodyId}/${r.kind}`,
    parentUrl: () => '/verwaltung/rechtstexte',
  },
  follow_up: {
    table: t.followUp, label: 'Sachstand', title: (r, names) => `Sachstand vom ${formatDate(String(r.date))} zu ${quotedReferenceName(names, 'demand', r.demandId)}`, editUrl: (r) => `/verwaltung/forderungen/${r.demandId}`,
    parentUrl: (r) => `/verwaltung/forderungen/${r.demandId}#sachstaende`, afterChange: followUpChanged,
  },
};

/** The record kind of a table name, or null for tables the back office does not edit. */
export function recordKind(tableName: string): RecordKind | null {
  return Object.hasOwn(recordKinds, tableName) ? recordKinds[tableName]! : null;
}

/**
 * Columns a restore never changes: identity, bookkeeping, publication and trash state, and a demand's status,
 * which follows its follow-ups (restoring a demand's text must not undo or redo what they recorded).
 */
const notRestored = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'version', 'publishedAt', 'externalId', 'slug', 'status']);

/** One row of a registered table, or null. */
export async function getRecord(tableName: string, id: number): Promise<Record<string, unknown> | null> {
  const kind = recordKind(tableName);
  if (!kind) return null;
  const [row] = await getDb().select().from(kind.table).where(eq(kind.table.id, id));
  return (row as Record<string, unknown>) ?? null;
}

/** Outcome of a restore, trash or untrash; `demandStatusOf` names a demand whose status changed with it. */
export type RecordChangeResult = (UpdateResult<Row> & { demandStatusOf?: number }) | { ok: false; reason: 'no-revision' };

/** Runs a kind's afterChange hook on a saved row and notes the demand whose status changed. */
async function withDerived(tx: Executor, kind: RecordKind, result: UpdateResult<Row>, userId: number): Promise<UpdateResult<Row> & { demandStatusOf?: number }> {
  if (!result.ok || !kind.afterChange) return result;
  const demandId = await kind.afterChange(tx, result.row, userId);
  return demandId === null ? result : { ...result, demandStatusOf: demandId };
}

/** Brings back the content of revision `fromVersion` as a new version (action 'restore'), with its related rows. */
export async function restoreVersion(tableName: string, id: number, expectedVersion: number, fromVersion: number, userId: number): Promise<RecordChangeResult> {
  const kind = recordKind(tableName);
  if (!kind) return { ok: false, reason: 'not-found' };
  const [revision] = await getDb()
    .select({ snapshot: t.revision.snapshot })
    .from(t.revision)
    .where(and(eq(t.revision.tableName, tableName), eq(t.revision.rowId, id), eq(t.revision.version, fromVersion)))
    .orderBy(desc(t.revision.id))
    .limit(1);
  if (!revision) return { ok: false, reason: 'no-revision' };
  const snapshot = revision.snapshot as Row;
  const columns = Object.keys(kind.table).filter((key) => !notRestored.has(key));
  const values = Object.fromEntries(columns.filter((c) => c in snapshot).map((c) => [c, snapshot[c]]));
  return writeTransaction(async (tx) => {
    // Related rows are written first, so that the restore's own revision records them; a refused restore undoes them.
    if (kind.restoreRelated) await kind.restoreRelated(tx, id, snapshot);
    const result = await updateVersioned<Row>(tx, kind.table, id, expectedVersion, values, userId, { action: 'restore' });
    if (!result.ok) refuse(result);
    return withDerived(tx, kind, result, userId);
  });
}

/** Moves a row to the trash or takes it out again, with what depends on it (a trashed follow-up no longer counts). */
export function setTrashed(tableName: string, id: number, expectedVersion: number, trashed: boolean, userId: number): Promise<UpdateResult<Row> & { demandStatusOf?: number }> {
  const kind = recordKind(tableName);
  if (!kind) return Promise.resolve({ ok: false, reason: 'not-found' });
  return writeTransaction(async (tx) => {
    const result = await (trashed ? softDelete<Row>(tx, kind.table, id, expectedVersion, userId) : undelete<Row>(tx, kind.table, id, expectedVersion, userId));
    return withDerived(tx, kind, result, userId);
  });
}

/** Where to go after a row went to the trash: its parent's editor at the list it was in, or the trash list. */
export function afterTrashUrl(tableName: string, row: Row): string {
  return recordKind(tableName)?.parentUrl?.(row) ?? '/verwaltung/papierkorb';
}

/** Everything in the trash, newest deletion first, each named with the records it refers to (one query per table). */
export async function listTrash() {
  const db = getDb();
  const groups = await Promise.all(
    Object.entries(recordKinds).map(async ([tableName, kind]) => ({ tableName, kind, rows: (await db.select().from(kind.table).where(isNotNull(kind.table.deletedAt))) as Row[] })),
  );
  const names = await loadRecordNames(groups.flatMap((g) => g.rows));
  return groups
    .flatMap(({ tableName, kind, rows }) =>
      rows.map((row) => ({ tableName, label: kind.label, id: row.id as number, version: row.version as number, title: kind.title(row, names), deletedAt: String(row.deletedAt), editUrl: kind.editUrl(row) })),
    )
    .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

/** Labels of logged tables the back office does not edit as records. */
const otherTableLabels: Record<string, string> = { user: 'Benutzerkonto', paper_relation: 'Verknüpfung' };

/**
 * How the change log names one logged version: "Vorlage: Antrag …", "Mitgliedschaft von … im …",
 * "Verknüpfung: „Antrag …“ beantwortet durch „Mitteilungsvorlage …“".
 */
export function revisionTitle(tableName: string, snapshot: Row, names: RecordNames = noNames): string {
  const kind = recordKind(tableName);
  const label = kind?.label ?? otherTableLabels[tableName] ?? tableName;
  const title = kind ? kind.title(snapshot, names) : tableName === 'paper_relation' ? relationTitle(snapshot, names) : String(snapshot.name ?? snapshot.title ?? `Nr. ${String(snapshot.id)}`);
  return title.startsWith(`${label} `) ? title : `${label}: ${title}`;
}

/** The content-change table name for a registry table. */
export function changeTable(tableName: string): ContentChange['table'] {
  return tableName as ContentChange['table'];
}
