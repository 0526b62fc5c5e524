// Meetings and their agenda items, with minutes kept per item.
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { baseColumns, publishedColumns } from './columns';
import { body, organization } from './bodies';
import { location } from './locations';
import { meetingStates } from '../../src/lib/domain/vocabulary';

/** A session (Sitzung) of one or more organizations. */
export const meeting = sqliteTable(
  'meeting',
  {
    ...baseColumns(),
    ...publishedColumns(),
    bodyId: integer('body_id').notNull().references(() => body.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** Start and end as ISO 8601 with offset; shown in Europe/Berlin. */
    start: text('start').notNull(),
    end: text('end'),
    /** The place as text, shown on the page; `locationId` links the structured place (OParl Location) when known. */
    location: text('location'),
    locationId: integer('location_id').references(() => location.id),
    /** Public, non-public or mixed, as the invitation calls it ("Öffentliche/Nichtöffentliche Sitzung"). */
    occasion: text('occasion'),
    /** State of the meeting: 'planned' | 'invited' | 'held'. */
    meetingState: text('meeting_state', { enum: meetingStates }).notNull().default('planned'),
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
    /** Editorial remark shown with the meeting, e.g. that the agenda is only known in part. */
    editorialNote: text('editorial_note'),
  },
  (t) => [
    index('meeting_start_idx').on(t.start),
    // Public meeting lists compare and order by the instant (`datetime(start)`: starts carry different offsets), as
    // written in src/lib/server/meetings/read.ts; with the body, counts read the index only. The condition is the
    // meeting's own state in publicMeeting (src/lib/server/visibility.ts).
    index('meeting_public_instant_idx').on(sql`datetime(start)`, t.bodyId).where(sql`published_at IS NOT NULL AND deleted_at IS NULL`),
    // OParl lists page by key (docs/decisions/0013-oparl-paging.md): by id, by modified or by created, within a body.
    index('meeting_body_idx').on(t.bodyId),
    index('meeting_body_updated_idx').on(t.bodyId, t.updatedAt),
    index('meeting_body_created_idx').on(t.bodyId, t.createdAt),
    // A place's save touches the meetings embedding it (src/lib/server/history/embedding-parents.ts).
    index('meeting_location_idx').on(t.locationId),
  ],
);

/** The organizations a meeting belongs to (OParl allows several, usually one). */
export const meetingOrganization = sqliteTable(
  'meeting_organization',
  {
    meetingId: integer('meeting_id').notNull().references(() => meeting.id),
    organizationId: integer('organization_id').notNull().references(() => organization.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.organizationId] }), index('meeting_org_org_idx').on(t.organizationId)],
);

/** An agenda item (TOP); non-public items show their title only, never minutes or result. */
export const agendaItem = sqliteTable(
  'agenda_item',
  {
    ...baseColumns(),
    ...publishedColumns(),
    meetingId: integer('meeting_id').notNull().references(() => meeting.id),
    /** Position in the agenda; numbers like "Ö 13" need not sort. */
    order: integer('order').notNull(),
    number: text('number').notNull(),
    name: text('name').notNull(),
    public: integer('public', { mode: 'boolean' }).notNull().default(true),
    minutesMd: text('minutes_md'),
    minutesHtml: text('minutes_html'),
    result: text('result'),
    resolutionMd: text('resolution_md'),
    resolutionHtml: text('resolution_html'),
  },
  // Not unique: real sources number two items alike (an OParl import keeps both).
  (t) => [
    index('agenda_item_meeting_number_idx').on(t.meetingId, t.number),
    // OParl's body-wide lists page by modified or created (docs/decisions/0013-oparl-paging.md).
    index('agenda_item_updated_idx').on(t.updatedAt),
    index('agenda_item_created_idx').on(t.createdAt),
  ],
);
