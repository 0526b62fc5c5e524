// Idempotent writes for the import: insert what is missing, update only what changed, log a revision.
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { nowIso, revision } from '@db/schema';
import type { Database } from '@/lib/server/db';

/** A transaction or the database itself. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;

/** Counts of what an import did. */
export interface ImportStats {
  created: number;
  updated: number;
  unchanged: number;
}

type VersionedTable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn; updatedAt: SQLiteColumn };

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/** `column = value`, or `column IS NULL` when value is null. */
export function eqOrNull(column: SQLiteColumn, value: string | number | null): SQL {
  return value === null ? isNull(column) : eq(column, value);
}

/**
 * Finds the row matching `where`; inserts `values` if there is none, updates it (version + 1) if a value
 * differs, and leaves it alone otherwise. `insertOnly` values (such as publishedAt) are set on insert only.
 */
export async function upsertRow(
  tx: Executor,
  table: VersionedTable,
  where: SQL,
  values: Record<string, unknown>,
  stats: ImportStats,
  insertOnly: Record<string, unknown> = {},
): Promise<number> {
  const tableName = getTableConfig(table).name;
  const [existing] = (await tx.select().from(table).where(where).limit(1)) as Record<string, unknown>[];
  const at = nowIso();
  if (!existing) {
    const [row] = (await tx.insert(table).values({ ...insertOnly, ...values } as never).returning()) as Record<string, unknown>[];
    if (!row) throw new Error(`Einfügen in ${tableName} lieferte keine Zeile.`);
    await tx.insert(revision).values({ tableName, rowId: row.id as number, version: 1, snapshot: row, at, action: 'import' });
    stats.created++;
    return row.id as number;
  }
  const changed = Object.keys(values).some((key) => !same(existing[key], values[key]));
  if (!changed) {
    stats.unchanged++;
    return existing.id as number;
  }
  const version = (existing.version as number) + 1;
  const [row] = (await tx
    .update(table)
    .set({ ...values, version, updatedAt: at } as never)
    .where(eq(table.id, existing.id as number))
    .returning()) as Record<string, unknown>[];
  await tx.insert(revision).values({ tableName, rowId: existing.id as number, version, snapshot: row, at, action: 'import' });
  stats.updated++;
  return existing.id as number;
}

/** Inserts a link row unless an equal one exists (tables without version, e.g. paper relations). */
export async function ensureLink(tx: Executor, table: SQLiteTable, where: SQL, values: Record<string, unknown>, stats: ImportStats): Promise<void> {
  const [existing] = await tx.select().from(table).where(where).limit(1);
  if (existing) {
    stats.unchanged++;
    return;
  }
  await tx.insert(table).values(values as never);
  stats.created++;
}

export { and, eq };
