// Shared zod building blocks: the one way to parse a posted date, date-time, id, list of ids, bounded text,
// Markdown, checkbox and list parameter. Forms send strings; these turn them into typed values or German messages.
import { z } from 'zod';
import { dayProblem, instantProblem, localDateTimeProblem } from './dates';
import { dateMessages, fieldMessages, formMessages } from './messages';

/** Largest id a form may name (SQLite rowids of this app stay far below). */
export const MAX_ID = 2_147_483_647;
/** Most entries a multi-select may send. */
export const MAX_IDS = 200;
/** Default bound of a one-line text field, and of a Markdown text. */
export const MAX_TEXT = 500;
export const MAX_MARKDOWN = 200_000;
/** Shortest and longest password accepted (the rules themselves live in src/lib/server/auth/password.ts). */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Empty strings (after trimming) and absent values become null; other strings are trimmed. */
export function blankToNull(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  return value;
}

/** A check that adds the German problem `check` finds, if any. */
function problemCheck(check: (value: string) => string | null) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/** A required real calendar day `YYYY-MM-DD`; `label` with its article ("das Datum der Vorlage"). */
export function calendarDay(label: string, formatMessage = dateMessages.format(label)) {
  return z.string({ error: fieldMessages.required(label) }).trim().min(1, fieldMessages.required(label)).superRefine(problemCheck((v) => dayProblem(v, formatMessage)));
}

/** An optional real calendar day: empty is null. */
export function optionalCalendarDay(label: string) {
  return z.preprocess(blankToNull, z.string({ error: dateMessages.format(label) }).superRefine(problemCheck((v) => dayProblem(v, dateMessages.format(label)))).nullable());
}

/** A required Berlin wall-clock time `YYYY-MM-DDThh:mm` from `<input type="datetime-local">` (seconds are dropped). */
export function localDateTime(label: string) {
  return z
    .string({ error: fieldMessages.required(label) })
    .trim()
    .min(1, fieldMessages.required(label))
    .superRefine(problemCheck((v) => localDateTimeProblem(v, label)))
    .transform((v) => v.slice(0, 16));
}

/** An optional Berlin wall-clock time: empty is null. */
export function optionalLocalDateTime(label: string) {
  return z.preprocess(blankToNull, z.string({ error: dateMessages.dateTimeFormat(label) }).superRefine(problemCheck((v) => localDateTimeProblem(v, label))).transform((v) => v.slice(0, 16)).nullable());
}

/** An ISO 8601 instant with offset, as the seed files write it; YAML may hand over a Date. */
export function instant() {
  return z
    .union([z.string(), z.date()], { error: dateMessages.instantFormat })
    .transform((v) => (v instanceof Date ? v.toISOString() : v))
    .pipe(z.string().superRefine(problemCheck(instantProblem)));
}

/** A posted id: digits only, positive, within MAX_ID; anything else gets `message`. */
function idValue(message: string) {
  return z
    .union([z.string(), z.number()], { error: message })
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^[1-9]\d{0,9}$/, message))
    .transform(Number)
    .pipe(z.number().max(MAX_ID, message));
}

/** A required id of a record the user picks; `label` with its article ("eine Körperschaft"). */
export function id(label: string) {
  return idValue(fieldMessages.choose(label));
}

/** An optional id: empty is null, anything but a valid id gets "Bitte wählen Sie … aus der Liste." */
export function optionalId(label = 'einen Eintrag') {
  return z.preprocess(blankToNull, idValue(fieldMessages.chooseFromList(label)).nullable());
}

/** Ids of a multi-select (a name sent once is a string, several times an array), without duplicates. */
export function ids(label = 'Einträge', max = MAX_IDS) {
  return z
    .preprocess(
      (v) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter((x) => !(typeof x === 'string' && x.trim() === '')),
      z.array(idValue(fieldMessages.chooseFromList(label))).max(max, fieldMessages.tooMany(max)),
    )
    .transform((list) => [...new Set(list)]);
}

/** The version a form was loaded with (optimistic locking); `fresh` allows 0 for a new record. */
export function formVersion(fresh = false) {
  const number = z.coerce.number({ error: formMessages.staleForm }).int(formMessages.staleForm).max(MAX_ID, formMessages.staleForm);
  return fresh ? number.nonnegative(formMessages.staleForm).default(0) : number.positive(formMessages.staleForm);
}

/** A required one-line text, trimmed and bounded. */
export function requiredText(label: string, max = MAX_TEXT) {
  return z.string({ error: fieldMessages.required(label) }).trim().min(1, fieldMessages.required(label)).max(max, fieldMessages.tooLong(max));
}

/** An optional one-line text, trimmed and bounded; empty is null. */
export function optionalText(max = MAX_TEXT) {
  return z
    .string({ error: formMessages.invalidValue })
    .trim()
    .max(max, fieldMessages.tooLong(max))
    .optional()
    .transform((v) => (v ? v : null));
}

/** An optional Markdown text, bounded; line endings normalised; empty is null. */
export function markdownText(max = MAX_MARKDOWN) {
  return z
    .string({ error: formMessages.invalidValue })
    .max(max, fieldMessages.textTooLong(max))
    .optional()
    .transform((v) => (v?.trim() ? v.replace(/\r\n/g, '\n') : null));
}

/** A required Markdown text; `label` with its article ("den Text der Forderung"). */
export function requiredMarkdown(label: string, max = MAX_MARKDOWN) {
  return markdownText(max).refine((v) => v !== null, fieldMessages.required(label));
}

/** A checkbox: checked when sent as "on" (or "true"). */
export const checkbox = z.string().optional().transform((v) => v === 'on' || v === 'true');

/** One of fixed values (a select); `label` with its article ("eine Rolle"). */
export function choice<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: fieldMessages.choose(label) });
}

/** A required e-mail address, bounded. */
export function emailAddress(label = 'die E-Mail-Adresse') {
  return requiredText(label, 254).pipe(z.email(fieldMessages.email));
}

/** A web address starting with http(s)://, bounded. */
export function webAddress(max = 500) {
  return z.string({ error: fieldMessages.url }).trim().max(max, fieldMessages.urlTooLong(max)).regex(/^https?:\/\/[^\s]+$/i, fieldMessages.url);
}

/** A whole number within bounds, from a string or a number. */
export function wholeNumber(min: number, max: number) {
  return z
    .union([z.string(), z.number()], { error: fieldMessages.wholeNumber })
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^-?\d{1,9}$/, fieldMessages.wholeNumber))
    .transform(Number)
    .pipe(z.number().min(min, fieldMessages.numberRange(min, max)).max(max, fieldMessages.numberRange(min, max)));
}

/** A URL slug (lowercase ASCII, digits, single hyphens), bounded. */
export function slug(max = 200) {
  return z.string({ error: fieldMessages.slug }).max(max, fieldMessages.tooLong(max)).regex(SLUG, fieldMessages.slug);
}

/**
 * List parameters of public lists (`?jahr=2014&seite=2`): parsed with the same blocks; a value that fails is
 * ignored with a notice by `parseFilters` (src/lib/server/list-params.ts), so these carry no messages.
 */
export const listParam = {
  slug: z.string().max(200).regex(SLUG),
  wholeNumber: (min: number, max: number) => z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().min(min).max(max)),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  text: (max = 200) => z.string().min(1).max(max),
  /** "ja" for a yes/no filter. */
  yes: z.literal('ja').transform(() => true as const),
};

/** German field errors of a failed parse, keyed by field name (first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    // zod's own English defaults ("Invalid input: …") never reach a user; every block above sets a German message.
    out[key] ??= /^(Invalid|Too (big|small)|Unrecognized|Expected)/.test(issue.message) ? formMessages.invalidValue : issue.message;
  }
  return out;
}
