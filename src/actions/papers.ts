// Papers: save (with publishing), relations between papers and the Beratungsfolge. Clerks and admins only.
import { paperSchema } from '@/lib/validation/forms';
import { consultationSchema, relationSchema } from '@/lib/validation/forms';
import { addConsultation, setRelation } from '@/lib/server/papers/links';
import { savePaper } from '@/lib/server/papers/save';
import { afterSave } from '@/lib/server/changes/after-save';
import { conflictFailure, fieldFailure, formAction, notFoundFailure } from './support';

export const papers = {
  /** Creates or updates a paper; `intent` publishes or withdraws it in the same save. */
  save: formAction('clerk', paperSchema, async (input, context, user) => {
    const result = await savePaper(input, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : result.reason === 'invalid' ? fieldFailure(result.field, result.error) : notFoundFailure;
    const action = !input.id ? 'create' : input.intent === 'publish' ? 'publish' : input.intent === 'unpublish' ? 'unpublish' : 'update';
    await afterSave(context, { table: 'paper', id: result.id, bodyId: result.bodyId, action });
    const message = input.intent === 'publish' ? 'Die Vorlage ist gespeichert und veröffentlicht.' : input.intent === 'unpublish' ? 'Die Vorlage ist gespeichert und nicht mehr öffentlich.' : 'Die Vorlage ist gespeichert.';
    return { ok: true as const, id: result.id, message };
  }),
};

export const paperLinks = {
  /** Adds or removes a typed relation from one paper to another. */
  relate: formAction('clerk', relationSchema, async (input, context, user) => {
    const result = await setRelation(input, user.id);
    if (!result.ok) return 'field' in result ? fieldFailure(result.field, result.error) : notFoundFailure;
    await afterSave(context, { table: 'paper', id: input.fromPaperId, action: 'update' }, [`paper:${input.toPaperId}`]);
    return { ok: true as const, message: input.remove ? 'Die Verknüpfung wurde entfernt.' : 'Die Verknüpfung wurde angelegt.' };
  }),

  /** Adds a step to a paper's Beratungsfolge. */
  consult: formAction('clerk', consultationSchema, async (input, context, user) => {
    const result = await addConsultation(input, user.id);
    if (!result.ok) return 'field' in result ? fieldFailure(result.field, result.error) : notFoundFailure;
    await afterSave(context, { table: 'consultation', id: result.id, action: 'create' }, [`paper:${input.paperId}`, ...(input.meetingId ? [`meeting:${input.meetingId}`] : [])]);
    return { ok: true as const, id: result.id, message: 'Die Beratung wurde in die Beratungsfolge aufgenommen.' };
  }),
};
