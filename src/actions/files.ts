// Attachments. Clerks and admins only.
import { uploadSchema } from '@/lib/validation/forms';
import { uploadAttachment } from '@/lib/server/files/upload';
import { afterSave } from '@/lib/server/changes/after-save';
import { formAction, refusal, saved } from './support';

export const files = {
  /** Uploads a PDF attachment to a paper: checked by content, size-limited, stored under its hash, text extracted. */
  upload: formAction('clerk', uploadSchema, async (input, context, user) => {
    const owner = input.paperId ? { paperId: input.paperId } : input.meetingId ? { meetingId: input.meetingId } : { agendaItemId: input.agendaItemId! };
    const result = await uploadAttachment(owner, input.file, input.name, user.id);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'file', id: result.id, action: 'create' }, input.paperId ? [`paper:${input.paperId}`] : input.meetingId ? [`meeting:${input.meetingId}`] : []);
    return saved('anlage');
  }),
};
