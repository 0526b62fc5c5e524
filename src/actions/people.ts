// Master data (bodies, organizations, people) and memberships. Clerks and admins only.
import { z } from 'astro/zod';
import { masterKind, parseMasterForm, saveMaster } from '@/lib/server/people/master-data';
import { saveMembership } from '@/lib/server/people/memberships';
import { membershipSchema } from '@/lib/validation/forms';
import { formMessages } from '@/lib/validation/messages';
import { afterSave } from '@/lib/server/changes/after-save';
import { formAction, refusal, saved, savedNotice } from './support';

export const masterData = {
  /** Creates or updates a body, organization or person (the hidden field `masterKind` says which). */
  save: formAction('clerk', z.looseObject({ masterKind: z.enum(['koerperschaften', 'gremien', 'personen']) }), async (raw, context, user, posted) => {
    const kind = masterKind(raw.masterKind)!;
    const parsed = parseMasterForm(kind, raw);
    if (!parsed.ok) return { ok: false, fields: parsed.fields, message: formMessages.checkFields };
    const result = await saveMaster(kind, parsed.data, user.id, posted.confirmedVersion);
    if (!result.ok) return refusal(result, user, Object.fromEntries(kind.fields.map((f) => [f.name, f.label])));
    const id = result.row.id as number;
    await afterSave({ table: kind.tableName, id, action: parsed.data.id ? 'update' : 'create' });
    return saved(savedNotice(parsed.data.intent, result.merged), `/verwaltung/stammdaten/${kind.key}/${id}`);
  }),
};

export const memberships = {
  /** Adds a membership to a person or updates one. */
  save: formAction('clerk', membershipSchema, async (input, context, user, posted) => {
    const result = await saveMembership(input, user.id, posted.confirmedVersion);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'membership', id: result.row.id, action: input.id ? 'update' : 'create' }, [`person:${result.row.personId}`, `organization:${result.row.organizationId}`]);
    return saved(result.merged ? 'zusammengefuehrt' : 'mitgliedschaft', `/verwaltung/stammdaten/personen/${result.row.personId}#mitgliedschaften`);
  }),
};
