// Papers: save (with publishing), relations between papers and the Beratungsfolge. Clerks and admins only.
import { consultationSchema, paperSchema, relationSchema } from '@/lib/validation/forms';
import { addConsultation, setRelation } from '@/lib/server/papers/links';
import { savePaper } from '@/lib/server/papers/save';
import { afterSave } from '@/lib/server/changes/after-save';
import { formAction, refusal, saved, savedNotice } from './support';

export const papers = {
  /** Creates or updates a paper; `intent` publishes or withdraws it in the same save. */
  save: formAction('clerk', paperSchema, async (input, context, user, posted) => {
    const result = await savePaper(input, user.id, posted.confirmedVersion);
    if (!result.ok) return refusal(result, user);
    const action = !input.id ? 'create' : input.intent === 'publish' ? 'publish' : input.intent === 'unpublish' ? 'unpublish' : 'update';
    await afterSave({ table: 'paper', id: result.id, bodyId: result.bodyId, action });
    return saved(savedNotice(input.intent, result.merged), `/verwaltung/vorlagen/${result.id}`);
  }),
};

export const paperLinks = {
  /** Adds or removes a typed relation from one paper to another. */
  relate: formAction('clerk', relationSchema, async (input, context, user) => {
    const result = await setRelation(input, user.id);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'paper', id: input.fromPaperId, action: 'update' }, [`paper:${input.toPaperId}`]);
    return saved(input.remove ? 'verknuepfung-entfernt' : 'verknuepfung-angelegt');
  }),

  /** Adds a step to a paper's Beratungsfolge. */
  consult: formAction('clerk', consultationSchema, async (input, context, user) => {
    const result = await addConsultation(input, user.id);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'consultation', id: result.id, action: 'create' }, [`paper:${input.paperId}`, ...(input.meetingId ? [`meeting:${input.meetingId}`] : [])]);
    return saved('beratung');
  }),
};
