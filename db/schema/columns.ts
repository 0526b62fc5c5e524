// Columns every table shares: identity, timestamps, soft delete and optimistic locking.
import { integer, text } from 'drizzle-orm/sqlite-core';

/** ISO 8601 timestamp of "now", the format every timestamp column stores. */
export const nowIso = () => new Date().toISOString();

/** id, createdAt, updatedAt, deletedAt (soft delete, OParl tombstone) and version (optimistic locking). */
export const baseColumns = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  createdAt: text('created_at').notNull().$defaultFn(nowIso),
  updatedAt: text('updated_at').notNull().$defaultFn(nowIso),
  deletedAt: text('deleted_at'),
  version: integer('version').notNull().default(1),
});

/** Columns of published content: publishedAt (null = draft) and the OParl id it was imported from. */
export const publishedColumns = () => ({
  publishedAt: text('published_at'),
  externalId: text('external_id').unique(),
});
