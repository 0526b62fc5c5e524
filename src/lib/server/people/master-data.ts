// Master data editors (bodies, organizations, people) from one field specification each, and memberships.
import { and, asc, eq, isNull, like, or } from 'drizzle-orm';
import { z } from 'astro/zod';
import * as t from '@db/schema';
import { getDb } from '@/lib/server/db';
import { renderMarkdown } from '@/lib/markdown';
import { insertVersioned, updateVersioned, writeTransaction, type UpdateResult, type VersionedTable } from '@/lib/server/history/versioned-writes';
import { blankToNull, choice, fieldErrors, formVersion, markdownText, optionalCalendarDay, optionalId, optionalText, webAddress, wholeNumber } from '@/lib/validation/fields';
import { fieldMessages, formMessages } from '@/lib/validation/messages';
import { slugify } from '@/lib/slug';
import type { InvalidReference } from '@/lib/server/references';
import { checkMasterMove, checkMasterReferences } from './references';
import { refuseImported } from '@/lib/server/oparl/origin';

/** One form field of a master-data editor. */
export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'markdown' | 'select' | 'date' | 'number' | 'url';
  required?: boolean;
  hint?: string;
  /** For selects: fixed options, or 'body' / 'organization' for a choice of rows. */
  options?: { value: string; label: string }[] | 'body' | 'organization';
}

/** A master-data kind: its table, German names, URL segment and fields. */
export interface MasterKind {
  key: 'koerperschaften' | 'gremien' | 'personen';
  tableName: 'body' | 'organization' | 'person';
  table: VersionedTable;
  singular: string;
  plural: string;
  fields: FieldSpec[];
}

const organizationKindOptions = [
  { value: 'committee', label: 'Ausschuss / Gremium' }, { value: 'council', label: 'Vertretung (Rat, Kreistag)' },
  { value: 'group', label: 'Fraktion' }, { value: 'office', label: 'Amt / Verwaltungseinheit' }, { value: 'other', label: 'Sonstiges' },
];

/** The three master-data kinds, keyed by their URL segment. */
export const masterKinds: Record<MasterKind['key'], MasterKind> = {
  koerperschaften: {
    key: 'koerperschaften', tableName: 'body', table: t.body, singular: 'Körperschaft', plural: 'Körperschaften',
    fields: [
      { name: 'name', label: 'Name', kind: 'text', required: true },
      { name: 'shortName', label: 'Kurzname', kind: 'text' },
      { name: 'classification', label: 'Art', kind: 'text', hint: 'z. B. Landkreis, Kreisfreie Stadt' },
      { name: 'website', label: 'Website', kind: 'url', hint: 'https://…' },
      { name: 'replyDeadlineDays', label: 'Antwortfrist der Verwaltung (Tage)', kind: 'number', hint: 'Für die Fristberechnung der Beschlusskontrolle.' },
    ],
  },
  gremien: {
    key: 'gremien', tableName: 'organization', table: t.organization, singular: 'Gremium oder Organisation', plural: 'Gremien, Fraktionen und Ämter',
    fields: [
      { name: 'bodyId', label: 'Körperschaft', kind: 'select', required: true, options: 'body' },
      { name: 'name', label: 'Name', kind: 'text', required: true },
      { name: 'shortName', label: 'Kurzname', kind: 'text' },
      { name: 'kind', label: 'Art', kind: 'select', required: true, options: organizationKindOptions },
      { name: 'classification', label: 'Bezeichnung der Körperschaft', kind: 'text', hint: 'z. B. Fachbereich 3.2, Fraktion' },
      { name: 'parentId', label: 'Übergeordnet', kind: 'select', options: 'organization' },
      { name: 'startDate', label: 'Besteht seit', kind: 'date' },
      { name: 'endDate', label: 'Besteht bis', kind: 'date' },
      { name: 'descriptionMd', label: 'Beschreibung (Markdown)', kind: 'markdown' },
    ],
  },
  personen: {
    key: 'personen', tableName: 'person', table: t.person, singular: 'Person', plural: 'Personen',
    fields: [
      { name: 'bodyId', label: 'Körperschaft', kind: 'select', required: true, options: 'body' },
      { name: 'name', label: 'Name, wie er angezeigt wird', kind: 'text', required: true },
      { name: 'formOfAddress', label: 'Anrede', kind: 'text' },
      { name: 'title', label: 'Titel', kind: 'text' },
      { name: 'givenName', label: 'Vorname', kind: 'text' },
      { name: 'familyName', label: 'Nachname', kind: 'text' },
      { name: 'position', label: 'Funktion', kind: 'text', hint: 'z. B. Kreisdirektorin' },
      { name: 'descriptionMd', label: 'Beschreibung (Markdown)', kind: 'markdown' },
    ],
  },
};

/** The kind for a URL segment, or null. */
export function masterKind(key: string): MasterKind | null {
  return Object.hasOwn(masterKinds, key) ? masterKinds[key as MasterKind['key']] : null;
}

/** The zod block of one master-data field (all from the shared blocks), with its German messages. */
function fieldSchema(field: FieldSpec): z.ZodType {
  const label = `das Feld „${field.label}“`;
  let inner: z.ZodType;
  if (field.kind === 'select' && (field.options === 'body' || field.options === 'organization')) inner = optionalId(field.options === 'body' ? 'eine Körperschaft' : 'ein Gremium');
  else if (field.kind === 'number') inner = z.preprocess(blankToNull, wholeNumber(0, 3650).nullable());
  else if (field.kind === 'url') inner = z.preprocess(blankToNull, webAddress(500).nullable());
  else if (field.kind === 'date') inner = optionalCalendarDay(label);
  else if (field.kind === 'select' && Array.isArray(field.options)) inner = z.preprocess(blankToNull, choice(field.options.map((o) => o.value) as [string, ...string[]], 'einen gültigen Wert').nullable());
  else if (field.kind === 'markdown') inner = markdownText(100_000);
  else inner = optionalText(500);
  // A required field: its value must be there after the block ran (the blocks turn empty into null).
  return field.required ? inner.refine((v) => v !== null && v !== undefined, fieldMessages.fill(field.label)) : inner;
}

/** Parses a posted master-data form; German errors per field. */
export function parseMasterForm(kind: MasterKind, raw: Record<string, unknown>) {
  const schema = z.object({
    id: optionalId(),
    version: formVersion(true),
    intent: z.enum(['save', 'publish', 'unpublish'], { error: formMessages.staleForm }).default('save'),
    ...Object.fromEntries(kind.fields.map((f) => [f.name, fieldSchema(f)])),
  });
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true as const, data: parsed.data as Record<string, unknown> & { id: number | null; version: number; intent: 'save' | 'publish' | 'unpublish' } } : { ok: false as const, fields: fieldErrors(parsed.error) };
}

/** Rows of a kind for its list, drafts included, by name. */
export function listMaster(kind: MasterKind) {
  const table = kind.table as typeof t.person;
  return getDb().select({ id: table.id, name: table.name, publishedAt: table.publishedAt }).from(table).where(isNull(table.deletedAt)).orderBy(asc(table.name));
}

/** One row of a kind, or null. */
export async function getMaster(kind: MasterKind, id: number): Promise<Record<string, unknown> | null> {
  const [row] = await getDb().select().from(kind.table).where(eq(kind.table.id, id));
  return (row as Record<string, unknown>) ?? null;
}

async function uniqueSlug(kind: MasterKind, base: string): Promise<string> {
  const table = kind.table as typeof t.person;
  const rows = await getDb().select({ slug: table.slug }).from(table).where(or(eq(table.slug, base), like(table.slug, `${base}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Creates or updates a master-data row with a revision (merged field by field with changes saved in between);
 * Markdown fields get their HTML beside them.
 */
export async function saveMaster(kind: MasterKind, input: Record<string, unknown> & { id: number | null; version: number; intent: string }, userId: number, confirmedVersion: number | null = null): Promise<UpdateResult<Record<string, unknown>> | InvalidReference> {
  // The body exists; an organization's parent belongs to the same body and closes no circle.
  const refused = await checkMasterReferences(getDb(), kind.tableName, input);
  if (refused) return refused;
  const values: Record<string, unknown> = {};
  for (const field of kind.fields) {
    values[field.name] = input[field.name];
    if (field.kind === 'markdown') values[field.name.replace(/Md$/, 'Html')] = input[field.name] ? renderMarkdown(String(input[field.name])) : null;
  }
  const now = new Date().toISOString();
  const slug = input.id ? null : await uniqueSlug(kind, slugify(String(input.name)) || kind.tableName);
  return writeTransaction(async (tx) => {
    // An imported record's fields belong to its source (src/lib/server/oparl/origin.ts).
    const imported = await refuseImported(tx, kind.tableName, input.id, values);
    if (imported) return imported;
    // Moving an organization or person to another body leaves nothing of the old body pointing to it.
    const moved = await checkMasterMove(tx, kind.tableName, input);
    if (moved) return moved;
    if (!input.id) {
      const row = await insertVersioned(tx, kind.table, { ...values, slug, publishedAt: input.intent === 'publish' ? now : null }, userId);
      return { ok: true as const, row, merged: false, related: {} };
    }
    const [current] = (await tx.select().from(kind.table).where(eq(kind.table.id, input.id))) as Record<string, unknown>[];
    if (!current) return { ok: false as const, reason: 'not-found' as const };
    const publishedAt = input.intent === 'publish' ? (current.publishedAt ?? now) : input.intent === 'unpublish' ? null : current.publishedAt;
    const action = input.intent === 'publish' && !current.publishedAt ? 'publish' : 'update';
    return updateVersioned(tx, kind.table, input.id, input.version, values, userId, { action, merge: true, always: { publishedAt }, confirmedVersion });
  });
}

/** Memberships of a person, with organization names, current ones first. */
export function membershipsOfPerson(personId: number) {
  return getDb()
    .select({ membership: t.membership, organizationName: t.organization.name })
    .from(t.membership)
    .innerJoin(t.organization, eq(t.organization.id, t.membership.organizationId))
    .where(and(eq(t.membership.personId, personId), isNull(t.membership.deletedAt)))
    .orderBy(asc(t.membership.endDate), asc(t.organization.name));
}
