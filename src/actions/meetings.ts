// Meetings and their agenda items. Clerks and admins only.
import { agendaItemSchema, agendaMoveSchema, meetingSchema } from '@/lib/validation/forms';
import { moveAgendaItem, saveAgendaItem, saveMeeting } from '@/lib/server/meetings/save';
import { afterSave } from '@/lib/server/changes/after-save';
import { formAction, refusal, saved, savedNotice } from './support';

export const meetings = {
  /** Creates or updates a meeting; `intent` publishes or withdraws it. */
  save: formAction('clerk', meetingSchema, async (input, context, user, posted) => {
    const result = await saveMeeting(input, user.id, posted.confirmedVersion);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'meeting', id: result.id, bodyId: result.bodyId, action: !input.id ? 'create' : input.intent === 'publish' ? 'publish' : input.intent === 'unpublish' ? 'unpublish' : 'update' });
    return saved(savedNotice(input.intent, result.merged), `/verwaltung/sitzungen/${result.id}`);
  }),
};

export const agenda = {
  /** Adds an agenda item or saves its title, number, visibility, minutes, result and resolution. */
  save: formAction('clerk', agendaItemSchema, async (input, context, user, posted) => {
    const result = await saveAgendaItem(input, user.id, posted.confirmedVersion);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'agenda_item', id: result.id, action: input.id ? 'update' : 'create' }, [`meeting:${result.meetingId}`]);
    return saved(result.merged ? 'zusammengefuehrt' : 'tagesordnungspunkt');
  }),

  /** Moves an agenda item one place up or down. */
  move: formAction('clerk', agendaMoveSchema, async (input, context, user) => {
    const result = await moveAgendaItem(input.id, input.direction, user.id);
    if (!result.ok) return refusal(result, user);
    await afterSave({ table: 'agenda_item', id: result.id, action: 'update' }, [`meeting:${result.meetingId}`]);
    return saved('reihenfolge', `/verwaltung/sitzungen/${result.meetingId}#top-${result.id}`);
  }),
};
