// The legal texts of a body (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit). Admins only.
import { z } from 'astro/zod';
import { legalKindField, legalFieldLabels, parseLegalTextForm, saveLegalText } from '@/lib/server/legal/save';
import { formMessages } from '@/lib/validation/messages';
import { afterSave } from '@/lib/server/changes/after-save';
import { formAction, refusal, saved } from './support';

export const legalTexts = {
  /** Creates or updates one legal text of a body; the public page and every instance's cached copy follow at once. */
  save: formAction('admin', z.looseObject(legalKindField.shape), async (raw, context, user, posted) => {
    const parsed = parseLegalTextForm(raw.kind, raw);
    if (!parsed.ok) return { ok: false, fields: parsed.fields, message: formMessages.checkFields };
    const result = await saveLegalText(parsed.data, user.id, posted.confirmedVersion);
    if (!result.ok) return refusal(result, user, legalFieldLabels);
    await afterSave({ table: 'legal_text', id: result.row.id, bodyId: result.row.bodyId, action: result.row.version === 1 ? 'create' : 'update' });
    return saved(result.merged ? 'zusammengefuehrt' : 'gespeichert');
  }),
};
