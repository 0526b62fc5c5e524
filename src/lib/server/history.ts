// The revision log: one full snapshot per save, listed per record and as the audit log of all changes.
import { and, asc, count, desc, eq } from 'drizzle-orm';
import * as t from '../../../db/schema/index';
import { getDb } from './db';
import type { Executor } from './content/upsert';

/** A revision action (create, update, delete, restore, publish, import). */
export type RevisionAction = (typeof t.revisionActions)[number];

/** Appends the snapshot of `row` (as saved, with its version) to the revision log. */
export async function recordRevision(tx: Executor, tableName: string, row: Record<string, unknown>, userId: number | null, action: RevisionAction): Promise<void> {
  await tx.insert(t.revision).values({ tableName, rowId: row.id as number, version: row.version as number, snapshot: row, userId, at: new Date().toISOString(), action });
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
