// Content editing: papers, demands, follow-ups, trash and restore, Markdown preview. Clerks and admins only.
import { agendaItemSchema, agendaMoveSchema, demandSchema, followUpEditSchema, followUpSchema, meetingSchema, paperSchema, previewSchema, restoreSchema, trashSchema } from '../lib/validation/forms';
import { z } from 'astro/zod';
import { masterKind, parseMasterForm, saveMaster } from '../lib/server/admin/master-data';
import { saveMembership } from '../lib/server/admin/memberships';
import { consultationSchema, membershipSchema, relationSchema, uploadSchema } from '../lib/validation/forms';
import { addConsultation, setRelation } from '../lib/server/admin/paper-links';
import { uploadAttachment } from '../lib/server/uploads';
import { moveAgendaItem, saveAgendaItem, saveMeeting, type SaveResult } from '../lib/server/admin/meetings';
import { savePaper } from '../lib/server/admin/papers';
import { addFollowUp, editFollowUp, saveDemand } from '../lib/server/admin/tracking';
import { changeTable, recordKind, restoreVersion, setTrashed } from '../lib/server/admin/records';
import { afterSave } from '../lib/server/cache-tags';
import { renderMarkdown } from '../lib/markdown';
import { conflictFailure, fieldFailure, formAction, type FormFailure } from './support';

const notFound: FormFailure = { ok: false, fields: {}, message: 'Diesen Datensatz gibt es nicht (mehr).' };

export const papers = {
  /** Creates or updates a paper; `intent` publishes or withdraws it in the same save. */
  save: formAction('clerk', paperSchema, async (input, context, user) => {
    const result = await savePaper(input, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : notFound;
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
    if (!result.ok) return fieldFailure(result.field, result.error);
    await afterSave(context, { table: 'paper', id: input.fromPaperId, action: 'update' }, [`paper:${input.toPaperId}`]);
    return { ok: true as const, message: input.remove ? 'Die Verknüpfung wurde entfernt.' : 'Die Verknüpfung wurde angelegt.' };
  }),

  /** Adds a step to a paper's Beratungsfolge. */
  consult: formAction('clerk', consultationSchema, async (input, context, user) => {
    const result = await addConsultation(input, user.id);
    if (!result.ok) return fieldFailure(result.field, result.error);
    await afterSave(context, { table: 'consultation', id: result.id, action: 'create' }, [`paper:${input.paperId}`, ...(input.meetingId ? [`meeting:${input.meetingId}`] : [])]);
    return { ok: true as const, id: result.id, message: 'Die Beratung wurde in die Beratungsfolge aufgenommen.' };
  }),
};

export const demands = {
  /** Creates a demand of a paper or updates one. */
  save: formAction('clerk', demandSchema, async (input, context, user) => {
    const result = await saveDemand(input, user.id);
    if (!result.ok) {
      if (result.reason === 'conflict') return conflictFailure(result.current);
      if (result.reason === 'invalid') return fieldFailure(result.field, result.error);
      return notFound;
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
      return notFound;
    }
    await afterSave(context, { table: 'follow_up', id: result.id, action: 'create' }, [`demand:${result.demandId}`]);
    if (result.statusChanged) await afterSave(context, { table: 'demand', id: result.demandId, action: 'update' });
    return { ok: true as const, id: result.id, message: 'Der Sachstand wurde eingetragen.' };
  }),

  /** Corrects a follow-up's date, kind, text, next due date or publication. */
  edit: formAction('clerk', followUpEditSchema, async (input, context, user) => {
    const result = await editFollowUp(input, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : notFound;
    await afterSave(context, { table: 'follow_up', id: input.id, action: 'update' }, [`demand:${result.row.demandId}`]);
    if (result.statusChanged) await afterSave(context, { table: 'demand', id: result.row.demandId, action: 'update' });
    return { ok: true as const, id: input.id, statusChanged: result.statusChanged, message: 'Der Sachstand ist gespeichert.' };
  }),
};

/** The form failure for a save result of the meetings module. */
function failureOf(result: Exclude<SaveResult, { ok: true }>): FormFailure {
  if (result.reason === 'conflict') return conflictFailure(result.current);
  if (result.reason === 'invalid') return fieldFailure(result.field, result.error);
  return notFound;
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

export const masterData = {
  /** Creates or updates a body, organization or person (the hidden field `masterKind` says which). */
  save: formAction('clerk', z.looseObject({ masterKind: z.enum(['koerperschaften', 'gremien', 'personen']) }), async (raw, context, user) => {
    const kind = masterKind(raw.masterKind)!;
    const parsed = parseMasterForm(kind, raw);
    if (!parsed.ok) return { ok: false as const, fields: parsed.fields, message: 'Bitte prüfen Sie die markierten Felder.' } satisfies FormFailure;
    const result = await saveMaster(kind, parsed.data, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : notFound;
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
      return notFound;
    }
    await afterSave(context, { table: 'membership', id: result.row.id, action: input.id ? 'update' : 'create' }, [`person:${result.row.personId}`, `organization:${result.row.organizationId}`]);
    return { ok: true as const, id: result.row.id, personId: result.row.personId, message: 'Die Mitgliedschaft ist gespeichert.' };
  }),
};

export const files = {
  /** Uploads a PDF attachment to a paper: checked by content, size-limited, stored under its hash, text extracted. */
  upload: formAction('clerk', uploadSchema, async (input, context, user) => {
    const owner = input.paperId ? { paperId: input.paperId } : input.meetingId ? { meetingId: input.meetingId } : { agendaItemId: input.agendaItemId! };
    const result = await uploadAttachment(owner, input.file, input.name, user.id);
    if (!result.ok) return fieldFailure(result.field, result.error);
    await afterSave(context, { table: 'file', id: result.id, action: 'create' }, input.paperId ? [`paper:${input.paperId}`] : input.meetingId ? [`meeting:${input.meetingId}`] : []);
    return { ok: true as const, id: result.id, message: 'Die Anlage wurde hochgeladen.' };
  }),
};

export const records = {
  /** Moves a record to the trash. */
  trash: formAction('clerk', trashSchema, async (input, context, user) => {
    const result = await setTrashed(input.table, input.id, input.version, true, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : notFound;
    await afterSave(context, { table: changeTable(input.table), id: input.id, action: 'delete' });
    if (result.demandStatusOf) await afterSave(context, { table: 'demand', id: result.demandStatusOf, action: 'update' });
    return { ok: true as const, statusChanged: Boolean(result.demandStatusOf), message: `${recordKind(input.table)?.label ?? 'Der Datensatz'} liegt jetzt im Papierkorb.` };
  }),

  /** Takes a record out of the trash. */
  untrash: formAction('clerk', trashSchema, async (input, context, user) => {
    const result = await setTrashed(input.table, input.id, input.version, false, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : notFound;
    await afterSave(context, { table: changeTable(input.table), id: input.id, action: 'restore' });
    if (result.demandStatusOf) await afterSave(context, { table: 'demand', id: result.demandStatusOf, action: 'update' });
    return { ok: true as const, statusChanged: Boolean(result.demandStatusOf), message: `${recordKind(input.table)?.label ?? 'Der Datensatz'} wurde aus dem Papierkorb zurückgeholt.` };
  }),

  /** Restores the content of an earlier version as a new version. */
  restore: formAction('clerk', restoreSchema, async (input, context, user) => {
    const result = await restoreVersion(input.table, input.id, input.version, input.fromVersion, user.id);
    if (!result.ok) return result.reason === 'conflict' ? conflictFailure(result.current) : notFound;
    await afterSave(context, { table: changeTable(input.table), id: input.id, action: 'restore' });
    if (result.demandStatusOf) await afterSave(context, { table: 'demand', id: result.demandStatusOf, action: 'update' });
    return { ok: true as const, message: `Version ${input.fromVersion} wurde als neue Version wiederhergestellt.` };
  }),
};

/** Markdown preview, rendered by the same function as the public pages. */
export const preview = formAction('clerk', previewSchema, async (input) => ({ ok: true as const, field: input.previewField, for: input.previewFor ?? null, html: renderMarkdown(input[input.previewField]) }));
