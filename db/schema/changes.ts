// The change log every instance reads: one row per committed save, naming the page-cache tags it touched.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A committed change: instances poll for ids above the last one they applied and drop what it touched. */
export const contentChange = sqliteTable('content_change', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Page-cache tags, comma-separated (`paper:12,paper,tracker`); `*` touches everything. */
  tags: text('tags').notNull(),
  /** When it was recorded (ms since 1970); old rows are pruned. */
  createdAt: integer('created_at').notNull(),
});
