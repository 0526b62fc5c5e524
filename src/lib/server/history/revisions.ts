// The revision log: one full snapshot per save, listed per record and as the audit log of all changes.
import { and, asc, count, desc, eq } from 'drizzle-orm';
import * as t from '@db/schema';
import { getDb, type Executor } from '@/lib/server/db';

/** A revision action (create, update, delete, restore, publish, import). */
import type { RevisionAction } from '@/lib/domain/vocabulary';
export type { RevisionAction };

/** Columns never copied into the log (an account's password hash). */
const secretColumns = new Set(['passwordHash']);

/**
 * Rows of other tables that belong to a record's version, added to its snapshot: a paper's originators and a
 * meeting's organizations (ids for a restore and for merging saves, names for the comparison of versions).
 */
export async function relatedSnapshot(tx: Executor, tableName: string, rowId: number): Promise<Record<string, unknown>> {
  if (tableName === 'meeting') {
    const rows = await tx
      .select({ organizationId: t.meetingOrganization.organizationId, organization: t.organization.name })
      .from(t.meetingOrganization)
      .leftJoin(t.organization, eq(t.organization.id, t.meetingOrganization.organizationId))
      .where(eq(t.meetingOrganization.meetingId, rowId))
      .orderBy(asc(t.meetingOrganization.organizationId));
    return { organizationIds: rows.map((r) => r.organizationId), organizations: rows.map((r) => r.organization ?? '').filter(Boolean).join('; ') };
  }
  if (tableName !== 'paper') return {};
  const rows = await tx
    .select({ organizationId: t.paperOriginator.organizationId, personId: t.paperOriginator.personId, organization: t.organization.name, person: t.person.name })
    .from(t.paperOriginator)
    .leftJoin(t.organization, eq(t.organization.id, t.paperOriginator.organizationId))
    .leftJoin(t.person, eq(t.person.id, t.paperOriginator.personId))
    .where(eq(t.paperOriginator.paperId, rowId))
    .orderBy(asc(t.paperOriginator.id));
  return {
    originatorOrganizationIds: rows.flatMap((r) => (r.organizationId !== null ? [r.organizationId] : [])),
    originatorPersonIds: rows.flatMap((r) => (r.personId !== null ? [r.personId] : [])),
    originators: rows.map((r) => r.organization ?? r.person ?? '').filter(Boolean).join('; '),
  };
}

/**
 * Appends the snapshot of `row` (as saved, with its version, and its related rows unless `related` is false) to
 * the revision log. An import passes false: it writes a record's related rows after the record.
 */
export async function recordRevision(tx: Executor, tableName: string, row: Record<string, unknown>, userId: number | null, action: RevisionAction, related = true): Promise<void> {
  const columns = Object.fromEntries(Object.entries(row).filter(([key]) => !secretColumns.has(key)));
  const snapshot = { ...columns, ...(related ? await relatedSnapshot(tx, tableName, row.id as number) : {}) };
  await tx.insert(t.revision).values({ tableName, rowId: row.id as number, version: row.version as number, snapshot, userId, at: new Date().toISOString(), action });
}

/** Re-reads the related rows into the snapshot of a version already recorded (after they were saved along with it). */
export async function refreshRevision(tx: Executor, tableName: string, row: Record<string, unknown>): Promise<void> {
  const where = and(eq(t.revision.tableName, tableName), eq(t.revision.rowId, row.id as number), eq(t.revision.version, row.version as number));
  const [revision] = await tx.select({ id: t.revision.id, snapshot: t.revision.snapshot }).from(t.revision).where(where).orderBy(desc(t.revision.id)).limit(1);
  if (!revision) return;
  const snapshot = { ...(revision.snapshot as Record<string, unknown>), ...(await relatedSnapshot(tx, tableName, row.id as number)) };
  await tx.update(t.revision).set({ snapshot }).where(eq(t.revision.id, revision.id));
}

/** The logged snapshot of one version of a record, when and by whom it was saved; null when the log has none. */
export async function revisionAt(tx: Executor, tableName: string, rowId: number, version: number): Promise<{ snapshot: Record<string, unknown>; at: string; userId: number | null; userName: string | null } | null> {
  const [revision] = await tx
    .select({ snapshot: t.revision.snapshot, at: t.revision.at, userId: t.revision.userId, userName: t.user.name })
    .from(t.revision)
    .leftJoin(t.user, eq(t.user.id, t.revision.userId))
    .where(and(eq(t.revision.tableName, tableName), eq(t.revision.rowId, rowId), eq(t.revision.version, version)))
    .orderBy(desc(t.revision.id))
    .limit(1);
  return revision ? { ...revision, snapshot: revision.snapshot as Record<string, unknown> } : null;
}

/** One entry of a record's history or of the audit log. */
export interface RevisionEntry {
  id: number;
  tableName: string;
  rowId: number;
  version: number;
  action: RevisionAction;
  at: string;
  userName: string | null;
  snapshot: Record<string, unknown>;
}

const entryColumns = {
  id: t.revision.id,
  tableName: t.revision.tableName,
  rowId: t.revision.rowId,
  version: t.revision.version,
  action: t.revision.action,
  at: t.revision.at,
  userName: t.user.name,
  snapshot: t.revision.snapshot,
};

/** Every revision of one record, oldest first. */
export async function listRevisions(tableName: string, rowId: number): Promise<RevisionEntry[]> {
  const rows = await getDb()
    .select(entryColumns)
    .from(t.revision)
    .leftJoin(t.user, eq(t.user.id, t.revision.userId))
    .where(and(eq(t.revision.tableName, tableName), eq(t.revision.rowId, rowId)))
    .orderBy(asc(t.revision.id));
  return rows as RevisionEntry[];
}

/** The audit log: all revisions, newest first, one page at a time. */
export async function auditLog(page: number, pageSize = 50): Promise<{ items: RevisionEntry[]; total: number }> {
  const db = getDb();
  const items = await db
    .select(entryColumns)
    .from(t.revision)
    .leftJoin(t.user, eq(t.user.id, t.revision.userId))
    .orderBy(desc(t.revision.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(t.revision);
  return { items: items as RevisionEntry[], total: total?.n ?? 0 };
}
