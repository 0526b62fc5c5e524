// Idempotent writes for the import: insert what is missing, update only what changed, through the versioned
// writes (version bump and an 'import' revision per change).
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Executor } from '@/lib/server/db';
import { insertVersioned, tableNameOf, updateVersioned, type VersionedTable } from '@/lib/server/history/versioned-writes';
import { sameValue } from '@/lib/server/history/merge';

/** Counts of what an import did. */
export interface ImportStats {
  created: number;
  updated: number;
  unchanged: number;
}

/** `column = value`, or `column IS NULL` when value is null. */
export function eqOrNull(column: SQLiteColumn, value: string | number | null): SQL {
  return value === null ? isNull(column) : eq(column, value);
}

/**
 * Finds the row matching `where`; inserts `values` if there is none, updates it (version + 1) if a value
 * differs, and leaves it alone otherwise. `insertOnly` values (such as publishedAt) are set on insert only.
 * Revisions hold the row alone: the import writes a record's related rows (originators) after it.
 */
export async function upsertRow(
  tx: Executor,
  table: VersionedTable,
  where: SQL,
  values: Record<string, unknown>,
  stats: ImportStats,
  insertOnly: Record<string, unknown> = {},
): Promise<number> {
  const [existing] = (await tx.select().from(table).where(where).limit(1)) as Record<string, unknown>[];
  if (!existing) {
    const row = await insertVersioned(tx, table, { ...insertOnly, ...values }, null, { action: 'import', snapshotRelated: false });
    stats.created++;
    return row.id as number;
  }
  const id = existing.id as number;
  if (Object.keys(values).every((key) => sameValue(existing[key], values[key]))) {
    stats.unchanged++;
    return id;
  }
  // The import runs in one transaction, so the version just read is the stored one.
  const result = await updateVersioned(tx, table, id, existing.version as number, values, null, { action: 'import', snapshotRelated: false });
  if (!result.ok) throw new Error(`Import: ${tableNameOf(table)} ${id} wurde während des Imports geändert. Bitte den Import wiederholen.`);
  stats.updated++;
  return id;
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
