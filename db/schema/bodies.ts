// Bodies, organizations, people and memberships: who sits where.
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { baseColumns, publishedColumns } from './columns';
import { organizationKinds } from '../../src/lib/domain/vocabulary';

/** A public body (Körperschaft) such as a Landkreis; one installation may host several. */
export const body = sqliteTable('body', {
  ...baseColumns(),
  ...publishedColumns(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  classification: text('classification'),
  website: text('website'),
  /** Days the administration has to reply to a motion; used by the tracker's due-date rule. */
  replyDeadlineDays: integer('reply_deadline_days'),
});

/** A committee, council, council group (Fraktion) or office of a body. */
export const organization = sqliteTable(
  'organization',
  {
    ...baseColumns(),
    ...publishedColumns(),
    bodyId: integer('body_id').notNull().references(() => body.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    /** Free-text classification as the body uses it, e.g. "Fachbereich 3.2" or "Fraktion". */
    classification: text('classification'),
    parentId: integer('parent_id'),
    descriptionMd: text('description_md'),
    descriptionHtml: text('description_html'),
    startDate: text('start_date'),
    endDate: text('end_date'),
  },
  (t) => [
    index('organization_body_idx').on(t.bodyId),
    // OParl lists page by key (docs/decisions/0013-oparl-paging.md): by id, by modified or by created, within a body.
    index('organization_body_updated_idx').on(t.bodyId, t.updatedAt),
    index('organization_body_created_idx').on(t.bodyId, t.createdAt),
  ],
);

/** A person: council member, official or guest. */
export const person = sqliteTable(
  'person',
  {
  ...baseColumns(),
  ...publishedColumns(),
  bodyId: integer('body_id').notNull().references(() => body.id),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  formOfAddress: text('form_of_address'),
  title: text('title'),
  givenName: text('given_name'),
  familyName: text('family_name'),
  /** Function as stated in the sources, e.g. "Kreisdirektorin". */
  position: text('position'),
  descriptionMd: text('description_md'),
  descriptionHtml: text('description_html'),
  },
  (t) => [
    // OParl lists page by key (docs/decisions/0013-oparl-paging.md): by id, by modified or by created, within a body.
    index('person_body_idx').on(t.bodyId),
    index('person_body_updated_idx').on(t.bodyId, t.updatedAt),
    index('person_body_created_idx').on(t.bodyId, t.createdAt),
  ],
);

/** A person's role in an organization over a period. */
export const membership = sqliteTable(
  'membership',
  {
    ...baseColumns(),
    personId: integer('person_id').notNull().references(() => person.id),
    organizationId: integer('organization_id').notNull().references(() => organization.id),
    role: text('role'),
    votingRight: integer('voting_right', { mode: 'boolean' }).notNull().default(false),
    startDate: text('start_date'),
    endDate: text('end_date'),
    onBehalfOfId: integer('on_behalf_of_id').references(() => organization.id),
  },
  (t) => [
    // Not unique: a person may hold the same role in the same organization twice (two terms), as OParl sources list it.
    index('membership_person_org_role_idx').on(t.personId, t.organizationId, t.role),
    // An organization's memberships (OParl lists them on the organization).
    index('membership_organization_idx').on(t.organizationId),
    // OParl's body-wide lists page by modified or created (docs/decisions/0013-oparl-paging.md).
    index('membership_updated_idx').on(t.updatedAt),
    index('membership_created_idx').on(t.createdAt),
  ],
);

/** A legislative term (Wahlperiode) of a body, e.g. 2021–2026. */
export const legislativeTerm = sqliteTable(
  'legislative_term',
  {
    ...baseColumns(),
    ...publishedColumns(),
    bodyId: integer('body_id').notNull().references(() => body.id),
    name: text('name').notNull(),
    /** Calendar days (YYYY-MM-DD). */
    startDate: text('start_date'),
    endDate: text('end_date'),
  },
  (t) => [index('legislative_term_body_idx').on(t.bodyId)],
);
