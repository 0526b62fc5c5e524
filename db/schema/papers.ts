// Papers (Vorlagen/Drucksachen), their originators, relations, consultations and files.
import { integer, sqliteTable, text, uniqueIndex, index, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { baseColumns, publishedColumns } from './columns';
import { body, organization, person } from './bodies';
import { meeting, agendaItem } from './meetings';
import { paperRelationKinds, paperTypes, textKinds } from '../../src/lib/domain/vocabulary';

/** A numbered document: motion, inquiry, administrative report, draft resolution, reply. */
export const paper = sqliteTable(
  'paper',
  {
    ...baseColumns(),
    ...publishedColumns(),
    bodyId: integer('body_id').notNull().references(() => body.id),
    slug: text('slug').notNull().unique(),
    /** Drucksachen-Nr. such as "3.2/0076/2014"; motions often have none. */
    reference: text('reference'),
    /** Aktenzeichen of the administration, e.g. "3.2/Hei.". */
    fileNumber: text('file_number'),
    name: text('name').notNull(),
    paperType: text('paper_type', { enum: paperTypes }).notNull(),
    /** The paper's own date: filing date of a motion, issue date of a report (YYYY-MM-DD). */
    date: text('date').notNull(),
    underDirectionOfId: integer('under_direction_of_id').references(() => organization.id),
    textKind: text('text_kind', { enum: textKinds }).notNull().default('original'),
    /** Where a summary's facts come from, shown beside it. */
    textSourceNote: text('text_source_note'),
    textMd: text('text_md'),
    textHtml: text('text_html'),
  },
  (t) => [
    index('paper_body_date_idx').on(t.bodyId, t.date),
    index('paper_date_idx').on(t.date),
    index('paper_under_direction_idx').on(t.underDirectionOfId),
    // Public lists count their papers and list their years from this index instead of the table with its texts
    // (78 ms → 8 ms at 100,000 papers). The condition is the paper's own state in publicPaper (src/lib/server/visibility.ts).
    index('paper_public_body_date_idx').on(t.bodyId, t.date).where(sql`published_at IS NOT NULL AND deleted_at IS NULL`),
    // The Atom feed of new and changed papers: newest change first (100 ms → 0.1 ms at 100,000 papers).
    index('paper_changed_idx').on(sql`(CASE WHEN updated_at > published_at THEN updated_at ELSE published_at END)`),
    // The same feed of one body (250 ms → 1 ms at 100,000 papers in two bodies).
    index('paper_body_changed_idx').on(t.bodyId, sql`(CASE WHEN updated_at > published_at THEN updated_at ELSE published_at END)`),
    // OParl lists page by key (docs/decisions/0013-oparl-paging.md): by id, by modified or by created, within a body.
    index('paper_body_idx').on(t.bodyId),
    index('paper_body_updated_idx').on(t.bodyId, t.updatedAt),
    index('paper_body_created_idx').on(t.bodyId, t.createdAt),
  ],
);

/** Who submitted a paper: an organization (Fraktion, Amt) or a person. */
export const paperOriginator = sqliteTable(
  'paper_originator',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paperId: integer('paper_id').notNull().references(() => paper.id),
    organizationId: integer('organization_id').references(() => organization.id),
    personId: integer('person_id').references(() => person.id),
  },
  (t) => [
    index('paper_originator_paper_idx').on(t.paperId),
    // An organization's or person's papers (their pages, the paper list's organization filter).
    index('paper_originator_organization_idx').on(t.organizationId),
    index('paper_originator_person_idx').on(t.personId),
    check('paper_originator_one', sql`(${t.organizationId} IS NULL) <> (${t.personId} IS NULL)`),
  ],
);

/** A typed, directed relation between two papers. */
export const paperRelation = sqliteTable(
  'paper_relation',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromPaperId: integer('from_paper_id').notNull().references(() => paper.id),
    toPaperId: integer('to_paper_id').notNull().references(() => paper.id),
    kind: text('kind', { enum: paperRelationKinds }).notNull(),
  },
  (t) => [uniqueIndex('paper_relation_unique_idx').on(t.fromPaperId, t.toPaperId, t.kind), index('paper_relation_to_idx').on(t.toPaperId)],
);

/** Beratungsfolge: which organization treats a paper, in which meeting and agenda item, with which role. */
export const consultation = sqliteTable(
  'consultation',
  {
    ...baseColumns(),
    paperId: integer('paper_id').notNull().references(() => paper.id),
    meetingId: integer('meeting_id').references(() => meeting.id),
    agendaItemId: integer('agenda_item_id').references(() => agendaItem.id),
    organizationId: integer('organization_id').references(() => organization.id),
    /** e.g. "Kenntnisnahme", "Vorberatung", "Entscheidung". */
    role: text('role'),
    authoritative: integer('authoritative', { mode: 'boolean' }).notNull().default(false),
    /** Order within the paper's Beratungsfolge. */
    order: integer('order').notNull().default(0),
  },
  (t) => [index('consultation_paper_idx').on(t.paperId), index('consultation_agenda_item_idx').on(t.agendaItemId), index('consultation_organization_idx').on(t.organizationId), index('consultation_meeting_idx').on(t.meetingId),
    // OParl's body-wide lists page by modified or created (docs/decisions/0013-oparl-paging.md).
    index('consultation_updated_idx').on(t.updatedAt), index('consultation_created_idx').on(t.createdAt)],
);

/**
 * An attachment (Anlage) of a paper, meeting or agenda item. Content lives under data/files/<sha256>;
 * sha256 is null when the source names an attachment whose file Ratsfaden does not hold.
 */
export const file = sqliteTable(
  'file',
  {
    ...baseColumns(),
    ...publishedColumns(),
    paperId: integer('paper_id').references(() => paper.id),
    meetingId: integer('meeting_id').references(() => meeting.id),
    agendaItemId: integer('agenda_item_id').references(() => agendaItem.id),
    name: text('name').notNull(),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    /** Size in bytes, as held or as the source states it. */
    size: integer('size'),
    sha256: text('sha256'),
    text: text('text'),
    order: integer('order').notNull().default(0),
  },
  (t) => [
    index('file_paper_idx').on(t.paperId),
    index('file_sha256_idx').on(t.sha256),
    // The files of meetings and agenda items (OParl embeds them in both).
    index('file_meeting_idx').on(t.meetingId),
    index('file_agenda_item_idx').on(t.agendaItemId),
    // OParl's body-wide lists page by modified or created (docs/decisions/0013-oparl-paging.md).
    index('file_updated_idx').on(t.updatedAt),
    index('file_created_idx').on(t.createdAt),
  ],
);
