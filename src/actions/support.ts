// The one way to write a back-office action: authorize first, then parse the form with a zod schema.
import { defineAction, type ActionAPIContext } from 'astro:actions';
import type { z } from 'astro/zod';
import { requireActionRole } from '@/lib/server/auth/guard';
import type { SessionUser } from '@/lib/server/auth/session';
import type { Role } from '@/lib/domain/vocabulary';
import { fieldErrors } from '@/lib/validation/forms';
import { formMessages } from '@/lib/validation/messages';

/** A refused form: German messages per field (shown next to it) and/or for the whole form. */
export interface FormFailure {
  ok: false;
  fields: Record<string, string>;
  message?: string;
  /** Set when the record changed since the form was loaded: the version now stored. */
  conflict?: { current: Record<string, unknown> };
}

/** A form's entries as an object; a name sent several times (checkbox groups, multi-selects) becomes an array. */
function formToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/**
 * Defines a form action for `role`: anonymous users get 401 and other roles 403 before any input is read;
 * invalid input returns `{ ok: false, fields }` so the page can show each message next to its field.
 */
export function formAction<S extends z.ZodObject, R>(role: Role, schema: S, run: (input: z.infer<S>, context: ActionAPIContext, user: SessionUser) => Promise<R>) {
  return defineAction({
    accept: 'form',
    handler: async (formData: FormData, context): Promise<R | FormFailure> => {
      const user = requireActionRole(context.locals, role);
      const parsed = schema.safeParse(formToObject(formData));
      if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error), message: formMessages.checkFields };
      return run(parsed.data, context, user);
    },
  });
}

/** A failure for one field. */
export function fieldFailure(field: string, error: string): FormFailure {
  return { ok: false, fields: { [field]: error }, message: formMessages.checkFields };
}

/** The failure of a save based on an old version. */
export function conflictFailure(current: Record<string, unknown>): FormFailure {
  return {
    ok: false,
    fields: {},
    message: 'Dieser Datensatz wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind nicht gespeichert, aber unten erhalten. Bitte vergleichen Sie beide Fassungen und speichern Sie dann erneut.',
    conflict: { current },
  };
}

/** The failure for a record that does not exist (any more). */
export const notFoundFailure: FormFailure = { ok: false, fields: {}, message: formMessages.notFound };
