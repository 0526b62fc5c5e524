// Demand tracking (Beschlusskontrolle): demands and the dated follow-ups on them.
import { integer, sqliteTable, text, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { baseColumns, publishedColumns } from './columns';
import { organization } from './bodies';
import { paper } from './papers';
import { agendaItem } from './meetings';
import { user } from './auth';
import { demandStatuses, followUpKinds } from '../../src/lib/domain/vocabulary';

/** One demand of a paper or raised in an agenda item; the unit whose status is tracked. */
export const demand = sqliteTable(
  'demand',
  {
    ...baseColumns(),
    ...publishedColumns(),
    paperId: integer('paper_id').references(() => paper.id),
    agendaItemId: integer('agenda_item_id').references(() => agendaItem.id),
    ordinal: integer('ordinal').notNull(),
    title: text('title').notNull(),
    textMd: text('text_md').notNull(),
    textHtml: text('text_html').notNull(),
    /** Passage of the source that states the demand, quoted verbatim. */
    sourceQuote: text('source_quote'),
    status: text('status', { enum: demandStatuses }).notNull().default('eingereicht'),
    responsibleOrganizationId: integer('responsible_organization_id').references(() => organization.id),
    /** Due date (YYYY-MM-DD, Europe/Berlin calendar day) set by hand. */
    dueDate: text('due_date'),
  },
  (t) => [
    uniqueIndex('demand_paper_ordinal_idx').on(t.paperId, t.ordinal),
    uniqueIndex('demand_agenda_item_ordinal_idx').on(t.agendaItemId, t.ordinal),
    index('demand_status_idx').on(t.status),
    check('demand_one_source', sql`(${t.paperId} IS NULL) <> (${t.agendaItemId} IS NULL)`),
  ],
);

/** A dated entry on a demand; may change its status and set the next due date. */
export const followUp = sqliteTable(
  'follow_up',
  {
    ...baseColumns(),
    ...publishedColumns(),
    demandId: integer('demand_id').notNull().references(() => demand.id),
    date: text('date').notNull(),
    kind: text('kind', { enum: followUpKinds }).notNull(),
    textMd: text('text_md').notNull(),
    textHtml: text('text_html').notNull(),
    statusAfter: text('status_after', { enum: demandStatuses }),
    nextDueDate: text('next_due_date'),
    sourcePaperId: integer('source_paper_id').references(() => paper.id),
    sourceAgendaItemId: integer('source_agenda_item_id').references(() => agendaItem.id),
    sourceQuote: text('source_quote'),
    authorId: integer('author_id').references(() => user.id),
    /** Position among follow-ups of the same demand on the same date. */
    ordinal: integer('ordinal').notNull().default(0),
  },
  (t) => [
    index('follow_up_demand_idx').on(t.demandId, t.date),
    // The feed of status changes reads the newest follow-ups first (src/lib/server/feeds/atom.ts).
    index('follow_up_newest_idx').on(t.date, t.updatedAt),
  ],
);
