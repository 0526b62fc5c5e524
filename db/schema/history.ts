// Append-only revision log: every save stores a full snapshot.
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { user } from './auth';
import { revisionActions } from '../../src/lib/domain/vocabulary';

/** One saved version of one row of one table. */
export const revision = sqliteTable(
  'revision',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tableName: text('table_name').notNull(),
    rowId: integer('row_id').notNull(),
    version: integer('version').notNull(),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    userId: integer('user_id').references(() => user.id),
    at: text('at').notNull(),
    action: text('action', { enum: revisionActions }).notNull(),
  },
  (t) => [index('revision_row_idx').on(t.tableName, t.rowId, t.version), index('revision_at_idx').on(t.at)],
);
