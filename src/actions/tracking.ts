// Demands and their follow-ups (Sachstände); a follow-up may change the demand's status. Clerks and admins only.
import { demandSchema, followUpEditSchema, followUpSchema } from '@/lib/validation/forms';
import { addFollowUp, editFollowUp, saveDemand } from '@/lib/server/tracking/save';
import { afterSave } from '@/lib/server/changes/after-save';
import { conflictFailure, fieldFailure, formAction, notFoundFailure } from './support';

export const demands = {
  /** Creates a demand of a paper or updates one. */
  save: formAction('clerk', demandSchema, async (input, context, user) => {
    const result = await saveDemand(input, user.id);
    if (!result.ok) {
      if (result.reason === 'conflict') return conflictFailure(result.current);
      if (result.reason === 'invalid') return fieldFailure(result.field, result.error);
      return notFoundFailure;
    }
    await afterSave(context, { table: 'demand', id: result.id, bodyId: result.bodyId ?? undefined, action: input.id ? 'update' : 'create' }, input.paperId ? [`paper:${input.paperId}`] : []);
    return { ok: true as const, id: result.id, message: input.id ? 'Die Forderung ist gespeichert.' : 'Die Forderung wurde angelegt.' };
  }),
};

export const followUps = {
  /** Adds a follow-up (Sachstand) to a demand; may change its status along the status graph. */
  add: formAction('clerk', followUpSchema, async (input, context, user) => {
    const result = await addFollowUp(input, user.id);
    if (!result.ok) {
      if (result.reason === 'conflict') return conflictFailure(result.current);
      if (result.reason === 'invalid') return fieldFailure(result.field, result.error);
      return notFoundFailure;
    }
    await afterSave(context, { table: 'follow_up', id: result.id, action: 'create' }, [`demand:${result.demandId}`]);
    if (result.statusChanged) await afterSave(context, { table: 'demand', id: result.demandId, action: 'update' });
    return { ok: true as const, id: result.id, message: 'Der Sachstand wurde eingetragen.' };
  }),

  /** Corrects a follow-up's date, kind, text, next due date or publication. */
  edit: formAction('clerk', followUpEditSchema, async (input, context, user) => {
    const result = await editFollowUp(input, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : result.reason === 'invalid' ? fieldFailure(result.field, result.error) : notFoundFailure;
    await afterSave(context, { table: 'follow_up', id: input.id, action: 'update' }, [`demand:${result.row.demandId}`]);
    if (result.statusChanged) await afterSave(context, { table: 'demand', id: result.row.demandId, action: 'update' });
    return { ok: true as const, id: input.id, statusChanged: result.statusChanged, message: 'Der Sachstand ist gespeichert.' };
  }),
};
