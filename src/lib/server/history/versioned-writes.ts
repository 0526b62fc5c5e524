// Versioned writes for the back office: optimistic locking, a revision per save, soft delete and restore.
import { and, eq } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Executor } from '@/lib/server/seed/upsert';
import { recordRevision, type RevisionAction } from '@/lib/server/history/revisions';

/** A content table with the shared columns (id, version, updatedAt, deletedAt). */
export type VersionedTable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn; updatedAt: SQLiteColumn; deletedAt: SQLiteColumn };

/** Outcome of a versioned update: the saved row, or the row as it is now when someone saved in between. */
export type UpdateResult<Row> = { ok: true; row: Row } | { ok: false; reason: 'conflict'; current: Row } | { ok: false; reason: 'not-found' };

/** The SQL name of a table, as the revision log stores it. */
export function tableNameOf(table: SQLiteTable): string {
  return getTableConfig(table).name;
}

/** Inserts a row at version 1 and records the 'create' revision. */
export async function insertVersioned<Row extends Record<string, unknown>>(tx: Executor, table: VersionedTable, values: Record<string, unknown>, userId: number): Promise<Row> {
  const [row] = (await tx.insert(table).values({ ...values, version: 1 } as never).returning()) as Row[];
  if (!row) throw new Error(`Einfügen in ${tableNameOf(table)} lieferte keine Zeile.`);
  await recordRevision(tx, tableNameOf(table), row, userId, 'create');
  return row;
}

/**
 * Updates a row only if it still has `expectedVersion` (optimistic locking), bumps the version and records a
 * revision. A save based on an old version is refused with the current row, so nobody overwrites unseen changes.
 */
export async function updateVersioned<Row extends Record<string, unknown>>(
  tx: Executor,
  table: VersionedTable,
  id: number,
  expectedVersion: number,
  values: Record<string, unknown>,
  userId: number,
  action: RevisionAction = 'update',
): Promise<UpdateResult<Row>> {
  const [row] = (await tx
    .update(table)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date().toISOString() } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()) as Row[];
  if (row) {
    await recordRevision(tx, tableNameOf(table), row, userId, action);
    return { ok: true, row };
  }
  const [current] = (await tx.select().from(table).where(eq(table.id, id))) as Row[];
  return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
}

/** Moves a row to the trash (soft delete) at its current version. */
export function softDelete<Row extends Record<string, unknown>>(tx: Executor, table: VersionedTable, id: number, expectedVersion: number, userId: number): Promise<UpdateResult<Row>> {
  return updateVersioned<Row>(tx, table, id, expectedVersion, { deletedAt: new Date().toISOString() }, userId, 'delete');
}

/** Takes a row out of the trash. */
export function undelete<Row extends Record<string, unknown>>(tx: Executor, table: VersionedTable, id: number, expectedVersion: number, userId: number): Promise<UpdateResult<Row>> {
  return updateVersioned<Row>(tx, table, id, expectedVersion, { deletedAt: null }, userId, 'restore');
}
