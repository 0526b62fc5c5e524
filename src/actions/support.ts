// The one way to write a back-office action: authorize first, then parse the form with a zod schema, and answer
// with one result shape. A page turns the result into post/redirect/get (src/lib/server/page-actions.ts).
import { defineAction, type ActionAPIContext } from 'astro:actions';
import type { z } from 'astro/zod';
import { requireActionRole } from '@/lib/server/auth/guard';
import type { SessionUser } from '@/lib/server/auth/session';
import type { Conflict } from '@/lib/server/history/versioned-writes';
import type { Role } from '@/lib/domain/vocabulary';
import { fieldLabel } from '@/lib/domain/field-labels';
import { formatDate, formatTimeOfDay } from '@/lib/dates';
import type { NoticeKey } from '@/lib/notices';
import { fieldErrors } from '@/lib/validation/forms';
import { conflictMessages, formMessages } from '@/lib/validation/messages';

/** A Markdown preview, rendered by the public renderer for the form (and field) that asked. */
export interface Preview {
  field: 'textMd' | 'minutesMd' | 'resolutionMd';
  for: 'demand' | 'followUp' | null;
  html: string;
}

/**
 * A post that did what was asked: the confirmation to show (a key of src/lib/notices.ts, null for none) and, when
 * the result is shown on another page than the one posted to (a new record, a record gone to the trash), where.
 * A preview changes nothing and is shown on the page itself.
 */
export interface ActionSuccess {
  ok: true;
  notice: NoticeKey | null;
  redirect?: string;
  preview?: Preview;
}

/**
 * A refused form: German messages per field (shown next to it and in the error summary) and for the whole form.
 * `conflict` when someone else changed the same fields in between (HTTP 409); `status` 401 for a failed login;
 * otherwise the page answers 422.
 */
export interface FormFailure {
  ok: false;
  fields: Record<string, string>;
  message: string;
  status?: 401;
  conflict?: Conflict;
}

/** What every action answers. */
export type ActionResult = ActionSuccess | FormFailure;

/** What a form posts beside its fields: the version whose conflict the clerk has seen (see UpdateOptions). */
export interface Posted {
  confirmedVersion: number | null;
}

/**
 * A form's entries as an object; a name sent several times (checkbox groups, multi-selects) becomes an array. One
 * pass over the entries (asking getAll per name would scan them all again for each name: quadratic in a long form).
 */
function formToObject(formData: FormData): Record<string, unknown> {
  const byName = new Map<string, FormDataEntryValue[]>();
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const values = byName.get(key);
    if (values) values.push(value);
    else byName.set(key, [value]);
  }
  // Object.fromEntries defines own properties, so a field named "__proto__" stays a field.
  return Object.fromEntries([...byName].map(([key, values]) => [key, values.length > 1 ? values : values[0]]));
}

function postedOf(formData: FormData): Posted {
  const confirmed = Number(formData.get('confirmedVersion'));
  return { confirmedVersion: Number.isInteger(confirmed) && confirmed > 0 ? confirmed : null };
}

/**
 * Defines a form action for `role`: anonymous users get 401 and other roles 403 before any input is read;
 * invalid input is answered with a failure per field, so the page can show each message next to its field.
 */
export function formAction<S extends z.ZodObject>(role: Role, schema: S, run: (input: z.infer<S>, context: ActionAPIContext, user: SessionUser, posted: Posted) => Promise<ActionResult>) {
  return defineAction({
    accept: 'form',
    handler: async (formData: FormData, context): Promise<ActionResult> => {
      const user = requireActionRole(context.locals, role);
      const parsed = schema.safeParse(formToObject(formData));
      if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error), message: formMessages.checkFields };
      return run(parsed.data, context, user, postedOf(formData));
    },
  });
}

/** A success: the confirmation to show and, when it is another page, where. */
export function saved(notice: NoticeKey | null, redirect?: string): ActionSuccess {
  return redirect === undefined ? { ok: true, notice } : { ok: true, notice, redirect };
}

/** The confirmation of an editor's save: merged with others' changes, published, withdrawn, or saved. */
export function savedNotice(intent: 'save' | 'publish' | 'unpublish', merged = false): NoticeKey {
  if (merged) return 'zusammengefuehrt';
  return intent === 'publish' ? 'veroeffentlicht' : intent === 'unpublish' ? 'zurueckgenommen' : 'gespeichert';
}

/** A failure for one field. */
export function fieldFailure(field: string, error: string): FormFailure {
  return { ok: false, fields: { [field]: error }, message: formMessages.checkFields };
}

/** A failure of the whole form, with a message that says what to do. */
export function formFailure(message: string): FormFailure {
  return { ok: false, fields: {}, message };
}

/** The failure for a record that does not exist (any more). */
export const notFoundFailure: FormFailure = formFailure(formMessages.notFound);

/** Who saved a conflicting version, as subject and verb of a German sentence. */
function whoSaved(conflict: Conflict, user: SessionUser): { who: string; has: string } {
  if (conflict.changedById !== null && conflict.changedById === user.id) return { who: conflictMessages.you, has: 'haben' };
  return conflict.changedBy ? { who: conflict.changedBy, has: 'hat' } : { who: conflictMessages.someone, has: 'hat' };
}

/**
 * The failure of a save based on an old version. With fields (the same fields changed by both), each gets a
 * message for its field and the error summary, and the page shows the comparison; without, the record as a whole
 * changed (trash, restore).
 */
export function conflictFailure(conflict: Conflict, user: SessionUser, labels: Record<string, string> = {}): FormFailure {
  const { who, has } = whoSaved(conflict, user);
  const when = conflict.changedAt ? conflictMessages.at(formatDate(conflict.changedAt), formatTimeOfDay(conflict.changedAt)) : '';
  const changed = conflictMessages.changed(who, has, conflict.version, when);
  if (!conflict.fields.length) return { ok: false, fields: {}, conflict, message: conflictMessages.wholeRecord(changed) };
  const fields = Object.fromEntries(conflict.fields.map((f) => [f.name, conflictMessages.field(who, has, labels[f.name] ?? fieldLabel(f.name, conflict.table))]));
  return { ok: false, fields, conflict, message: conflictMessages.sameFields(changed, conflict.fields.length) };
}

/** A refused write of lib/server, in any of its shapes. */
type Refused =
  | { ok: false; reason: 'conflict'; conflict: Conflict }
  | { ok: false; reason: 'not-found' | 'no-revision' }
  | { ok: false; reason?: 'invalid'; field: string; error: string };

/**
 * The form failure for a refused write: a conflict (409), a record gone, or a field the data layer refused.
 * `labels`: the form's German field names, where the general ones (src/lib/domain/field-labels.ts) do not fit.
 */
export function refusal(result: Refused, user: SessionUser, labels: Record<string, string> = {}): FormFailure {
  if ('field' in result) return fieldFailure(result.field, result.error);
  if (result.reason === 'conflict') return conflictFailure(result.conflict, user, labels);
  if (result.reason === 'no-revision') return formFailure(formMessages.noRevision);
  return notFoundFailure;
}
