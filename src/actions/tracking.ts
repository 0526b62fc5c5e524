// Demands and their follow-ups (Sachstände); a follow-up may change the demand's status. Clerks and admins only.
import { demandSchema, followUpEditSchema, followUpSchema } from '@/lib/validation/forms';
import { addFollowUp, editFollowUp, saveDemand } from '@/lib/server/tracking/save';
import { afterSave } from '@/lib/server/changes/after-save';
import { formAction, refusal, saved } from './support';

export const demands = {
  /** Creates a demand of a paper or updates one. */
  save: formAction('clerk', demandSchema, async (input, context, user, posted) => {
    const result = await saveDemand(input, user.id, posted.confirmedVersion);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'demand', id: result.id, bodyId: result.bodyId ?? undefined, action: input.id ? 'update' : 'create' }, input.paperId ? [`paper:${input.paperId}`] : []);
    return saved(result.merged ? 'zusammengefuehrt' : input.id ? 'forderung' : 'forderung-angelegt');
  }),
};

export const followUps = {
  /** Adds a follow-up (Sachstand) to a demand; may change its status along the status graph. */
  add: formAction('clerk', followUpSchema, async (input, context, user) => {
    const result = await addFollowUp(input, user.id);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'follow_up', id: result.id, action: 'create' }, [`demand:${result.demandId}`]);
    if (result.statusChanged) await afterSave({ table: 'demand', id: result.demandId, action: 'update' });
    return saved('sachstand');
  }),

  /** Corrects a follow-up's date, kind, text, next due date, sources or publication. */
  edit: formAction('clerk', followUpEditSchema, async (input, context, user, posted) => {
    const result = await editFollowUp(input, user.id, posted.confirmedVersion);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'follow_up', id: input.id, action: 'update' }, [`demand:${result.row.demandId}`]);
    if (result.statusChanged) await afterSave({ table: 'demand', id: result.row.demandId, action: 'update' });
    return saved(result.statusChanged ? 'sachstand-status' : result.merged ? 'zusammengefuehrt' : 'sachstand-gespeichert');
  }),
};
