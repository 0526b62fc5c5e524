// Saving a body's legal text from the admins' editor: validated, Markdown rendered to safe HTML, versioned with a
// revision, merged field by field with a save made in between (only a field both changed is refused).
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'astro/zod';
import * as t from '@db/schema';
import { renderMarkdown } from '@/lib/markdown';
import { conformanceLevels, legalTextKinds, type LegalTextKind } from '@/lib/domain/vocabulary';
import { blankToNull, calendarDay, choice, emailAddress, fieldErrors, formVersion, id, optionalText, requiredMarkdown } from '@/lib/validation/fields';
import { formMessages } from '@/lib/validation/messages';
import { insertVersioned, updateVersioned, writeTransaction, type UpdateResult } from '@/lib/server/history/versioned-writes';
import type { LegalText } from './read';

/** The editor's German field names, for messages and the conflict view. */
export const legalFieldLabels: Record<string, string> = {
  textMd: 'Text (Markdown)',
  conformance: 'Stand der Vereinbarkeit',
  preparedOn: 'Erstellt oder zuletzt überprüft am',
  feedbackEmail: 'E-Mail-Adresse für Rückmeldungen',
  feedbackPhone: 'Telefon für Rückmeldungen',
  enforcementMd: 'Schlichtungsverfahren (Markdown)',
};

const common = {
  bodyId: id('eine Körperschaft'),
  version: formVersion(true),
  textMd: requiredMarkdown('den Text', 100_000),
};

/** The accessibility statement's parts that the law names (EU 2016/2102 Art. 7, BITV 2.0 § 7) are required. */
const accessibilityFields = {
  conformance: z.preprocess(blankToNull, choice(conformanceLevels, 'den Stand der Vereinbarkeit')),
  preparedOn: calendarDay('das Datum, an dem die Erklärung erstellt oder zuletzt überprüft wurde'),
  feedbackEmail: emailAddress('die E-Mail-Adresse für Rückmeldungen zur Barrierefreiheit'),
  feedbackPhone: optionalText(100),
  enforcementMd: requiredMarkdown('das Schlichtungsverfahren', 20_000),
};

/** The parsed form of a legal text. */
export interface LegalTextInput {
  bodyId: number;
  kind: LegalTextKind;
  version: number;
  textMd: string;
  conformance: (typeof conformanceLevels)[number] | null;
  preparedOn: string | null;
  feedbackEmail: string | null;
  feedbackPhone: string | null;
  enforcementMd: string | null;
}

/** Parses a posted legal-text form of `kind`; German errors per field. */
export function parseLegalTextForm(kind: LegalTextKind, raw: Record<string, unknown>): { ok: true; data: LegalTextInput } | { ok: false; fields: Record<string, string> } {
  const schema = kind === 'barrierefreiheit' ? z.object({ ...common, ...accessibilityFields }) : z.object(common);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error) };
  const data = parsed.data as Partial<LegalTextInput> & { bodyId: number; version: number; textMd: string };
  return {
    ok: true,
    data: { kind, bodyId: data.bodyId, version: data.version, textMd: data.textMd, conformance: data.conformance ?? null, preparedOn: data.preparedOn ?? null, feedbackEmail: data.feedbackEmail ?? null, feedbackPhone: data.feedbackPhone ?? null, enforcementMd: data.enforcementMd ?? null },
  };
}

/** The kind of a posted form, or null when it names none of ours (a stale or forged form). */
export const legalKindField = z.object({ kind: z.enum(legalTextKinds, { error: formMessages.staleForm }) });

/**
 * Creates a body's text of a kind (version 0 in the form: none existed when it was loaded) or updates it. A text
 * created by someone else since the form was loaded is a conflict on every field that differs, never overwritten.
 */
export function saveLegalText(input: LegalTextInput, userId: number, confirmedVersion: number | null = null): Promise<UpdateResult<LegalText>> {
  const values = {
    textMd: input.textMd,
    textHtml: renderMarkdown(input.textMd),
    placeholder: false,
    conformance: input.conformance,
    preparedOn: input.preparedOn,
    feedbackEmail: input.feedbackEmail,
    feedbackPhone: input.feedbackPhone,
    enforcementMd: input.enforcementMd,
    enforcementHtml: input.enforcementMd ? renderMarkdown(input.enforcementMd) : null,
    deletedAt: null,
  };
  return writeTransaction(async (tx) => {
    const [body] = await tx.select({ id: t.body.id }).from(t.body).where(and(eq(t.body.id, input.bodyId), isNull(t.body.deletedAt)));
    if (!body) return { ok: false as const, reason: 'not-found' as const };
    const find = () => tx.select().from(t.legalText).where(and(eq(t.legalText.bodyId, input.bodyId), eq(t.legalText.kind, input.kind)));
    let [current] = await find();
    if (!current) {
      if (input.version !== 0) return { ok: false as const, reason: 'not-found' as const };
      try {
        const row = await insertVersioned<LegalText>(tx, t.legalText, { bodyId: input.bodyId, kind: input.kind, ...values }, userId);
        return { ok: true as const, row, merged: false, related: {} };
      } catch (error) {
        // Another admin created it in the same moment (legal_text_body_kind_idx): answered like any save in between.
        [current] = await find();
        if (!current) throw error;
      }
    }
    const { deletedAt: _, ...fields } = values;
    return updateVersioned<LegalText>(tx, t.legalText, current.id, input.version, fields, userId, { merge: true, always: { deletedAt: null }, confirmedVersion });
  });
}
