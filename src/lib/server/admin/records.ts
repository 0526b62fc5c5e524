// The editable record types in one registry: their table, German label, editor URL and which columns a
// restore may bring back. History, trash and restore work on any table listed here.
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import * as t from '../../../../db/schema/index';
import { getDb } from '../db';
import { updateVersioned, undelete, softDelete, type VersionedTable, type UpdateResult } from '../editing';
import type { ContentChange } from '../content-changes';
import { syncDemandStatus } from './tracking';

/** What the back office knows about one kind of record. */
interface RecordKind {
  table: VersionedTable;
  label: string;
  /** Title of a row for lists. */
  title: (row: Record<string, unknown>) => string;
  /** Back-office page of a row. */
  editUrl: (row: Record<string, unknown>) => string;
}

/** The record kinds, keyed by SQL table name (as in the revision log). */
export const recordKinds: Record<string, RecordKind> = {
  paper: { table: t.paper, label: 'Vorlage', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/vorlagen/${r.id}` },
  demand: { table: t.demand, label: 'Forderung', title: (r) => String(r.title), editUrl: (r) => `/verwaltung/forderungen/${r.id}` },
  meeting: { table: t.meeting, label: 'Sitzung', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/sitzungen/${r.id}` },
  agenda_item: { table: t.agendaItem, label: 'Tagesordnungspunkt', title: (r) => `${r.number} ${r.name}`, editUrl: (r) => `/verwaltung/tagesordnungspunkte/${r.id}` },
  body: { table: t.body, label: 'Körperschaft', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/stammdaten/koerperschaften/${r.id}` },
  organization: { table: t.organization, label: 'Gremium', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/stammdaten/gremien/${r.id}` },
  person: { table: t.person, label: 'Person', title: (r) => String(r.name), editUrl: (r) => `/verwaltung/stammdaten/personen/${r.id}` },
  membership: { table: t.membership, label: 'Mitgliedschaft', title: (r) => `Mitgliedschaft ${r.role ?? ''} (Person ${r.personId})`.replace('  ', ' '), editUrl: (r) => `/verwaltung/stammdaten/personen/${r.personId}` },
  file: { table: t.file, label: 'Anlage', title: (r) => String(r.name), editUrl: (r) => (r.paperId ? `/verwaltung/vorlagen/${r.paperId}` : r.meetingId ? `/verwaltung/sitzungen/${r.meetingId}` : `/verwaltung/tagesordnungspunkte/${r.agendaItemId}`) },
  consultation: { table: t.consultation, label: 'Beratung', title: (r) => `Beratung ${r.role ?? ''} (Vorlage ${r.paperId})`.replace('  ', ' '), editUrl: (r) => `/verwaltung/vorlagen/${r.paperId}` },
  follow_up: { table: t.followUp, label: 'Sachstand', title: (r) => `Sachstand vom ${r.date}`, editUrl: (r) => `/verwaltung/forderungen/${r.demandId}` },
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

/** Brings back the content of revision `fromVersion` as a new version (action 'restore'). */
export async function restoreVersion(tableName: string, id: number, expectedVersion: number, fromVersion: number, userId: number): Promise<UpdateResult<Record<string, unknown>> | { ok: false; reason: 'no-revision' }> {
  const kind = recordKind(tableName);
  if (!kind) return { ok: false, reason: 'not-found' };
  const [revision] = await getDb()
    .select({ snapshot: t.revision.snapshot })
    .from(t.revision)
    .where(and(eq(t.revision.tableName, tableName), eq(t.revision.rowId, id), eq(t.revision.version, fromVersion)))
    .orderBy(desc(t.revision.id))
    .limit(1);
  if (!revision) return { ok: false, reason: 'no-revision' };
  const snapshot = revision.snapshot as Record<string, unknown>;
  const columns = Object.keys(kind.table).filter((key) => !notRestored.has(key));
  const values = Object.fromEntries(columns.filter((c) => c in snapshot).map((c) => [c, snapshot[c]]));
  return getDb().transaction(async (tx) => {
    // A paper's version includes its originators (when the revision recorded them): they come back with it.
    const organizations = snapshot.originatorOrganizationIds;
    const persons = snapshot.originatorPersonIds;
    const restoreOriginators = tableName === 'paper' && Array.isArray(organizations) && Array.isArray(persons);
    if (restoreOriginators) {
      // Written first, so that the restore's own revision records them; only when the version check will pass.
      const [current] = await tx.select({ version: t.paper.version }).from(t.paper).where(eq(t.paper.id, id));
      if (current?.version !== expectedVersion) return updateVersioned(tx, kind.table, id, expectedVersion, values, userId, 'restore');
      await tx.delete(t.paperOriginator).where(eq(t.paperOriginator.paperId, id));
      const rows = [...organizations.map((organizationId) => ({ paperId: id, organizationId: Number(organizationId) })), ...persons.map((personId) => ({ paperId: id, personId: Number(personId) }))];
      if (rows.length) await tx.insert(t.paperOriginator).values(rows);
    }
    const result = await updateVersioned(tx, kind.table, id, expectedVersion, values, userId, 'restore');
    // A follow-up's restored date may make another one the newest statement of its demand.
    if (result.ok && tableName === 'follow_up') await syncDemandStatus(tx, Number(result.row.demandId), userId);
    return result;
  });
}

/**
 * Moves a row to the trash or takes it out again. For a follow-up, the demand's status is recomputed in the same
 * transaction (a trashed follow-up no longer counts); `demandStatusOf` then names the demand whose status changed.
 */
export function setTrashed(tableName: string, id: number, expectedVersion: number, trashed: boolean, userId: number): Promise<UpdateResult<Record<string, unknown>> & { demandStatusOf?: number }> {
  const kind = recordKind(tableName);
  if (!kind) return Promise.resolve({ ok: false, reason: 'not-found' });
  return getDb().transaction(async (tx) => {
    const result = await (trashed ? softDelete(tx, kind.table, id, expectedVersion, userId) : undelete(tx, kind.table, id, expectedVersion, userId));
    if (!result.ok || tableName !== 'follow_up') return result;
    const demandId = Number(result.row.demandId);
    return (await syncDemandStatus(tx, demandId, userId)) ? { ...result, demandStatusOf: demandId } : result;
  });
}

/** Everything in the trash, newest deletion first. */
export async function listTrash() {
  const db = getDb();
  const groups = await Promise.all(
    Object.entries(recordKinds).map(async ([tableName, kind]) => {
      const rows = (await db.select().from(kind.table).where(isNotNull(kind.table.deletedAt))) as Record<string, unknown>[];
      return rows.map((row) => ({ tableName, label: kind.label, id: row.id as number, version: row.version as number, title: kind.title(row), deletedAt: String(row.deletedAt), editUrl: kind.editUrl(row) }));
    }),
  );
  return groups.flat().sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

/** The content-change table name for a registry table. */
export function changeTable(tableName: string): ContentChange['table'] {
  return tableName as ContentChange['table'];
}
