// Meetings and their agenda items. Clerks and admins only.
import { agendaItemSchema, agendaMoveSchema, meetingSchema } from '@/lib/validation/forms';
import { moveAgendaItem, saveAgendaItem, saveMeeting, type SaveResult } from '@/lib/server/meetings/save';
import { afterSave } from '@/lib/server/changes/after-save';
import { conflictFailure, fieldFailure, formAction, type FormFailure, notFoundFailure } from './support';

/** The form failure for a save result of the meetings module. */
function failureOf(result: Exclude<SaveResult, { ok: true }>): FormFailure {
  if (result.reason === 'conflict') return conflictFailure(result.current);
  if (result.reason === 'invalid') return fieldFailure(result.field, result.error);
  return notFoundFailure;
}

export const meetings = {
  /** Creates or updates a meeting; `intent` publishes or withdraws it. */
  save: formAction('clerk', meetingSchema, async (input, context, user) => {
    const result = await saveMeeting(input, user.id);
    if (!result.ok) return failureOf(result);
    await afterSave(context, { table: 'meeting', id: result.id, bodyId: result.bodyId, action: !input.id ? 'create' : input.intent === 'publish' ? 'publish' : input.intent === 'unpublish' ? 'unpublish' : 'update' });
    return { ok: true as const, id: result.id, message: 'Die Sitzung ist gespeichert.' };
  }),
};

export const agenda = {
  /** Adds an agenda item or saves its title, number, visibility, minutes, result and resolution. */
  save: formAction('clerk', agendaItemSchema, async (input, context, user) => {
    const result = await saveAgendaItem(input, user.id);
    if (!result.ok) return failureOf(result);
    await afterSave(context, { table: 'agenda_item', id: result.id, action: input.id ? 'update' : 'create' }, [`meeting:${result.meetingId}`]);
    return { ok: true as const, id: result.id, meetingId: result.meetingId, message: 'Der Tagesordnungspunkt ist gespeichert.' };
  }),

  /** Moves an agenda item one place up or down. */
  move: formAction('clerk', agendaMoveSchema, async (input, context, user) => {
    const result = await moveAgendaItem(input.id, input.direction, user.id);
    if (!result.ok) return failureOf(result);
    await afterSave(context, { table: 'agenda_item', id: result.id, action: 'update' }, [`meeting:${result.meetingId}`]);
    return { ok: true as const, id: result.id, meetingId: result.meetingId, message: 'Die Reihenfolge ist gespeichert.' };
  }),
};
