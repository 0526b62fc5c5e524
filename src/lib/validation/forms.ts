// Form schemas of the back office with the German messages users see; forms send strings, these parse them.
import { z } from 'astro/zod';
import { demandStatuses, followUpKinds, paperRelationKinds, paperTypes, roles, textKinds } from '@/lib/domain/vocabulary';

const required = (label: string, max = 500) =>
  z.string({ error: `Bitte geben Sie ${label} an.` }).trim().min(1, `Bitte geben Sie ${label} an.`).max(max, `Höchstens ${max} Zeichen.`);
const optionalText = (max = 500) =>
  z.string().trim().max(max, `Höchstens ${max} Zeichen.`).optional().transform((v) => (v ? v : null));
const markdown = (max = 200_000) => z.string().max(max, `Der Text ist zu lang (höchstens ${max} Zeichen).`).optional().transform((v) => (v?.trim() ? v.replace(/\r\n/g, '\n') : null));
const isoDay = (label: string) =>
  z.string({ error: `Bitte geben Sie ${label} an.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `Bitte geben Sie ${label} als Datum an (TT.MM.JJJJ).`).refine((v) => !Number.isNaN(Date.parse(v)), 'Dieses Datum gibt es nicht.');
const optionalDay = z.string().optional().transform((v) => v || null).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte geben Sie ein gültiges Datum an.').nullable());
const id = (label: string) => z.coerce.number({ error: `Bitte wählen Sie ${label}.` }).int().positive(`Bitte wählen Sie ${label}.`);
const optionalId = z.string().optional().transform((v) => (v ? Number(v) : null)).pipe(z.number().int().positive().nullable());
/** The version the form was loaded with (optimistic locking). */
const version = z.coerce.number().int().positive();
const ids = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean).map(Number)).pipe(z.array(z.number().int().positive()));

/** Login form. */
export const loginSchema = z.object({
  email: required('Ihre E-Mail-Adresse', 254),
  password: z.string({ error: 'Bitte geben Sie Ihr Passwort an.' }).min(1, 'Bitte geben Sie Ihr Passwort an.').max(256),
  next: z.string().optional(),
});

/** Creating an account (admins only). */
export const userCreateSchema = z.object({
  email: required('die E-Mail-Adresse', 254).pipe(z.email('Bitte geben Sie eine gültige E-Mail-Adresse an.')),
  name: required('den Namen', 200),
  role: z.enum(roles, { error: 'Bitte wählen Sie eine Rolle.' }),
  password: z.string({ error: 'Bitte vergeben Sie ein Passwort.' }),
});

/** Setting a new password for an account. */
export const passwordSchema = z.object({ userId: id('ein Konto'), password: z.string({ error: 'Bitte geben Sie ein Passwort an.' }) });

/** Activating or deactivating an account. */
export const userActiveSchema = z.object({ userId: id('ein Konto'), active: z.enum(['true', 'false']).transform((v) => v === 'true') });
/** Giving an account another role. */
export const userRoleSchema = z.object({ userId: id('ein Konto'), role: z.enum(roles, { error: 'Bitte wählen Sie eine der angebotenen Rollen.' }) });

/** What the save buttons of an editor ask for. */
export const intents = ['save', 'publish', 'unpublish'] as const;

/** The paper editor. */
export const paperSchema = z.object({
  id: optionalId,
  version: z.coerce.number().int().nonnegative().default(0),
  intent: z.enum(intents).default('save'),
  bodyId: id('eine Körperschaft'),
  name: required('einen Titel', 500),
  paperType: z.enum(paperTypes, { error: 'Bitte wählen Sie eine Art der Vorlage.' }),
  reference: optionalText(100),
  fileNumber: optionalText(100),
  date: isoDay('das Datum der Vorlage'),
  underDirectionOfId: optionalId,
  textKind: z.enum(textKinds).default('original'),
  textSourceNote: optionalText(1000),
  textMd: markdown(),
  originatorOrganizationIds: ids,
  originatorPersonIds: ids,
});
export type PaperInput = z.infer<typeof paperSchema>;

/** Moving a record to the trash, or back. */
export const trashSchema = z.object({ table: z.string().regex(/^[a-z_]+$/), id: id('einen Datensatz'), version });

/** Restoring an old version from the history. */
export const restoreSchema = z.object({ table: z.string().regex(/^[a-z_]+$/), id: id('einen Datensatz'), version, fromVersion: version });

/** The demand editor (new demands name their paper). */
export const demandSchema = z.object({
  id: optionalId,
  version: z.coerce.number().int().nonnegative().default(0),
  paperId: optionalId,
  /** For demands raised in a meeting rather than in a paper. */
  agendaItemId: optionalId,
  title: required('einen Kurztitel der Forderung', 300),
  textMd: markdown(50_000).refine((v) => v !== null, 'Bitte geben Sie den Text der Forderung an.'),
  sourceQuote: optionalText(5000),
  responsibleOrganizationId: optionalId,
  dueDate: optionalDay,
});
export type DemandInput = z.infer<typeof demandSchema>;

/** A new follow-up (Sachstand) on a demand. */
export const followUpSchema = z.object({
  demandId: id('eine Forderung'),
  demandVersion: version,
  date: isoDay('das Datum des Sachstands'),
  kind: z.enum(followUpKinds, { error: 'Bitte wählen Sie die Art des Eintrags.' }),
  textMd: markdown(50_000).refine((v) => v !== null, 'Bitte geben Sie den Text des Sachstands an.'),
  statusAfter: z.string().optional().transform((v) => v || null).pipe(z.enum(demandStatuses).nullable()),
  nextDueDate: optionalDay,
  sourcePaperId: optionalId,
  sourceAgendaItemId: optionalId,
  publish: z.string().optional().transform((v) => v === 'on' || v === 'true'),
});
export type FollowUpInput = z.infer<typeof followUpSchema>;

/** Correcting a follow-up: date, kind, text, next due date, publication. Its status change stays as recorded. */
export const followUpEditSchema = z.object({
  id: id('einen Sachstand'),
  version,
  date: isoDay('das Datum des Sachstands'),
  kind: z.enum(followUpKinds, { error: 'Bitte wählen Sie die Art des Eintrags.' }),
  textMd: markdown(50_000).refine((v) => v !== null, 'Bitte geben Sie den Text des Sachstands an.'),
  nextDueDate: optionalDay,
  publish: z.string().optional().transform((v) => v === 'on' || v === 'true'),
});
export type FollowUpEditInput = z.infer<typeof followUpEditSchema>;

/** Markdown preview of one text field of the form; the preview button names the field. */
export const previewSchema = z.object({
  previewField: z.enum(['textMd', 'minutesMd', 'resolutionMd']).default('textMd'),
  /** Which form on the page asked, when a page has several (e.g. demand and follow-up). */
  previewFor: z.enum(['demand', 'followUp']).optional(),
  textMd: z.string().max(200_000).optional(),
  minutesMd: z.string().max(200_000).optional(),
  resolutionMd: z.string().max(200_000).optional(),
});

/** German field errors of a failed parse, keyed by field name (first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.code === 'invalid_value' || issue.code === 'invalid_type' ? issue.message.startsWith('Invalid') ? 'Bitte wählen Sie einen gültigen Wert.' : issue.message : issue.message;
  }
  return out;
}

const localDateTime = (label: string) => z.string({ error: `Bitte geben Sie ${label} an.` }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, `Bitte geben Sie ${label} mit Datum und Uhrzeit an.`);
const checkbox = z.string().optional().transform((v) => v === 'on' || v === 'true');

/** The meeting editor. */
export const meetingSchema = z.object({
  id: optionalId,
  version: z.coerce.number().int().nonnegative().default(0),
  intent: z.enum(intents).default('save'),
  bodyId: id('eine Körperschaft'),
  name: required('die Bezeichnung der Sitzung', 300),
  start: localDateTime('den Beginn'),
  end: z.string().optional().transform((v) => v || null).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Bitte geben Sie das Ende mit Datum und Uhrzeit an.').nullable()),
  location: optionalText(300),
  occasion: optionalText(200),
  meetingState: z.enum(['planned', 'invited', 'held'], { error: 'Bitte wählen Sie den Stand der Sitzung.' }).default('planned'),
  cancelled: checkbox,
  editorialNote: optionalText(2000),
  organizationIds: ids,
});
export type MeetingInput = z.infer<typeof meetingSchema>;

/** An agenda item: title, number, public or not, minutes, result and resolution. */
export const agendaItemSchema = z.object({
  id: optionalId,
  version: z.coerce.number().int().nonnegative().default(0),
  meetingId: optionalId,
  number: required('die Nummer des Tagesordnungspunkts (z. B. Ö 3)', 20),
  name: required('den Titel des Tagesordnungspunkts', 500),
  public: checkbox,
  minutesMd: markdown(),
  result: optionalText(500),
  resolutionMd: markdown(50_000),
});
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

/** Moving an agenda item one place up or down. */
export const agendaMoveSchema = z.object({ id: id('einen Tagesordnungspunkt'), direction: z.enum(['up', 'down']) });

/** A membership of a person in an organization. */
export const membershipSchema = z.object({
  id: optionalId,
  version: z.coerce.number().int().nonnegative().default(0),
  personId: optionalId,
  organizationId: id('ein Gremium'),
  role: optionalText(200),
  votingRight: checkbox,
  startDate: optionalDay,
  endDate: optionalDay,
  onBehalfOfId: optionalId,
});
export type MembershipInput = z.infer<typeof membershipSchema>;

/** An attachment upload for a paper, a meeting or an agenda item (exactly one of them). */
export const uploadSchema = z
  .object({
    paperId: optionalId,
    meetingId: optionalId,
    agendaItemId: optionalId,
    name: optionalText(300),
    file: z.instanceof(File, { message: 'Bitte wählen Sie eine Datei aus.' }),
  })
  .refine((v) => [v.paperId, v.meetingId, v.agendaItemId].filter(Boolean).length === 1, { message: 'Bitte laden Sie die Anlage von einer Vorlage, Sitzung oder einem Tagesordnungspunkt aus hoch.', path: ['file'] });

/** Adding or removing a typed relation from this paper to another. */
export const relationSchema = z.object({
  fromPaperId: id('eine Vorlage'),
  toPaperId: id('die zugehörige Vorlage'),
  kind: z.enum(paperRelationKinds, { error: 'Bitte wählen Sie die Art der Beziehung.' }),
  remove: checkbox,
});

/** A step of a paper's Beratungsfolge. */
export const consultationSchema = z.object({
  paperId: id('eine Vorlage'),
  organizationId: optionalId,
  meetingId: optionalId,
  agendaItemId: optionalId,
  role: optionalText(100),
  authoritative: checkbox,
});
