// OParl mirror bookkeeping: the systems imported from, each imported record's origin, and the progress of a run.
import { integer, sqliteTable, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { baseColumns } from './columns';

/** An OParl system this installation mirrors (`npm run import:oparl -- <system-url>`). */
export const oparlSource = sqliteTable('oparl_source', {
  ...baseColumns(),
  /** The System object's URL, as given on the command line. */
  systemUrl: text('system_url').notNull().unique(),
  /** The System's name, shown beside imported records ("Quelle: …"). */
  name: text('name').notNull(),
  website: text('website'),
  /** Start of the last run that finished: the next run asks with `modified_since` from here. */
  completedFrom: text('completed_from'),
  /** Start of the run in progress (null when none is): an interrupted run resumes with it. */
  runStartedAt: text('run_started_at'),
  /** The `modified_since` the run in progress asks with (null: a full import). */
  runSince: text('run_since'),
});

/**
 * Where an imported record came from: its OParl id, the source, our table and row, and the original's web page.
 * Every imported row has one (memberships and consultations have no externalId column of their own).
 */
export const oparlRecord = sqliteTable(
  'oparl_record',
  {
    externalId: text('external_id').primaryKey(),
    sourceId: integer('source_id').notNull().references(() => oparlSource.id),
    tableName: text('table_name').notNull(),
    rowId: integer('row_id').notNull(),
    /** The original's public page (OParl `web`), when the source names one. */
    web: text('web'),
  },
  (t) => [index('oparl_record_row_idx').on(t.tableName, t.rowId)],
);

/** How far a run got through one list of one source: the page to continue with, or done. */
export const oparlListProgress = sqliteTable(
  'oparl_list_progress',
  {
    sourceId: integer('source_id').notNull().references(() => oparlSource.id),
    /** The list's URL as the body names it (without filters). */
    listUrl: text('list_url').notNull(),
    /** The next page to fetch; null once the list is done. */
    nextUrl: text('next_url'),
    done: integer('done', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.listUrl] })],
);
