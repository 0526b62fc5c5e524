// The legal texts every body publishes: Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit.
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { baseColumns } from './columns';
import { body } from './bodies';
import { conformanceLevels, legalTextKinds } from '../../src/lib/domain/vocabulary';

/**
 * One legal text of a body, one row per body and kind. Public as soon as it is saved (these texts have no drafts:
 * the law asks for them to be there); edited by admins only. The accessibility statement's required parts that are
 * not prose (status of conformance, date of preparation, feedback contact) are columns, so the page always shows them.
 */
export const legalText = sqliteTable(
  'legal_text',
  {
    ...baseColumns(),
    bodyId: integer('body_id').notNull().references(() => body.id),
    kind: text('kind', { enum: legalTextKinds }).notNull(),
    textMd: text('text_md').notNull(),
    textHtml: text('text_html').notNull(),
    /** The seed's stand-in text, shown with a notice until an admin saves the body's own text. */
    placeholder: integer('placeholder', { mode: 'boolean' }).notNull().default(false),
    /** Barrierefreiheit only: Stand der Vereinbarkeit mit den Anforderungen. */
    conformance: text('conformance', { enum: conformanceLevels }),
    /** Barrierefreiheit only: when the statement was prepared or last reviewed (YYYY-MM-DD). */
    preparedOn: text('prepared_on'),
    /** Barrierefreiheit only: where to report barriers (an e-mail address, Feedback-Mechanismus). */
    feedbackEmail: text('feedback_email'),
    /** Barrierefreiheit only: the Schlichtungsverfahren (Durchsetzungsverfahren) of the body's state, as Markdown. */
    enforcementMd: text('enforcement_md'),
    enforcementHtml: text('enforcement_html'),
    /** Barrierefreiheit only: a phone number for the feedback contact, as shown. */
    feedbackPhone: text('feedback_phone'),
  },
  (t) => [uniqueIndex('legal_text_body_kind_idx').on(t.bodyId, t.kind)],
);
