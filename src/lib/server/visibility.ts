// What the public may see: published, not deleted. Every public query goes through these helpers.
import { and, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** A table with the publishing columns. */
interface Publishable {
  publishedAt: SQLiteColumn;
  deletedAt: SQLiteColumn;
}

/** Condition for rows the public may see: published (not a draft) and not in the trash. */
export function isPublic(table: Publishable): SQL {
  return and(isNotNull(table.publishedAt), isNull(table.deletedAt))!;
}
