// Master data (bodies, organizations, people) and memberships. Clerks and admins only.
import { z } from 'astro/zod';
import { masterKind, parseMasterForm, saveMaster } from '@/lib/server/people/master-data';
import { saveMembership } from '@/lib/server/people/memberships';
import { membershipSchema } from '@/lib/validation/forms';
import { formMessages } from '@/lib/validation/messages';
import { afterSave } from '@/lib/server/changes/after-save';
import { conflictFailure, fieldFailure, formAction, type FormFailure, notFoundFailure } from './support';

export const masterData = {
  /** Creates or updates a body, organization or person (the hidden field `masterKind` says which). */
  save: formAction('clerk', z.looseObject({ masterKind: z.enum(['koerperschaften', 'gremien', 'personen']) }), async (raw, context, user) => {
    const kind = masterKind(raw.masterKind)!;
    const parsed = parseMasterForm(kind, raw);
    if (!parsed.ok) return { ok: false as const, fields: parsed.fields, message: formMessages.checkFields } satisfies FormFailure;
    const result = await saveMaster(kind, parsed.data, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : result.reason === 'invalid' ? fieldFailure(result.field, result.error) : notFoundFailure;
    const id = result.row.id as number;
    await afterSave(context, { table: kind.tableName, id, action: parsed.data.id ? 'update' : 'create' });
    return { ok: true as const, id, message: `${kind.singular} ist gespeichert.` };
  }),
};

export const memberships = {
  /** Adds a membership to a person or updates one. */
  save: formAction('clerk', membershipSchema, async (input, context, user) => {
    const result = await saveMembership(input, user.id);
    if (!result.ok) {
      if (result.reason === 'conflict') return conflictFailure(result.current);
      if (result.reason === 'invalid') return fieldFailure(result.field, result.error);
      return notFoundFailure;
    }
    await afterSave(context, { table: 'membership', id: result.row.id, action: input.id ? 'update' : 'create' }, [`person:${result.row.personId}`, `organization:${result.row.organizationId}`]);
    return { ok: true as const, id: result.row.id, personId: result.row.personId, message: 'Die Mitgliedschaft ist gespeichert.' };
  }),
};
