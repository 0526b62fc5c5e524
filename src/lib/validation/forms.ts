// Form schemas of the back office, built from the shared blocks (fields.ts) with the messages of messages.ts.
import { z } from 'zod';
import { demandStatuses, followUpKinds, paperRelationKinds, paperTypes, roles, textKinds } from '@/lib/domain/vocabulary';
import {
  calendarDay, checkbox, choice, emailAddress, fieldErrors, formVersion, id, ids, localDateTime, markdownText, MAX_MARKDOWN,
  optionalCalendarDay, optionalId, optionalLocalDateTime, optionalText, PASSWORD_LENGTH, requiredMarkdown, requiredText,
} from './fields';
import { formMessages, passwordMessages, referenceMessages, uploadMessages } from './messages';

export { fieldErrors };

/** A password as typed; its rules (length, common passwords) are checked by passwordProblem on the server. */
const password = (missing: string) => z.string({ error: missing }).max(PASSWORD_LENGTH.max, passwordMessages.tooLong(PASSWORD_LENGTH.max));
/** A record's table name as the history forms send it. */
const tableName = z.string({ error: formMessages.staleForm }).max(50, formMessages.staleForm).regex(/^[a-z_]+$/, formMessages.staleForm);
/** What the save buttons of an editor ask for. */
export const intents = ['save', 'publish', 'unpublish'] as const;
const intent = z.enum(intents, { error: formMessages.staleForm }).default('save');

/** Login form. */
export const loginSchema = z.object({
  email: requiredText('Ihre E-Mail-Adresse', 254),
  password: password(passwordMessages.enterOwn).min(1, passwordMessages.enterOwn),
  next: z.string().max(2000).optional(),
});

/** Creating an account (admins only). */
export const userCreateSchema = z.object({
  email: emailAddress(),
  name: requiredText('den Namen', 200),
  role: choice(roles, 'eine Rolle'),
  password: password(passwordMessages.choose),
});

/** Setting a new password for an account. */
export const passwordSchema = z.object({ userId: id('ein Konto'), password: password(passwordMessages.enter) });
/** Changing one's own password: the current one proves it is the account holder, not someone at an open session. */
export const ownPasswordSchema = z.object({ currentPassword: password(passwordMessages.enterCurrent).min(1, passwordMessages.enterCurrent), password: password(passwordMessages.choose) });

/** Activating or deactivating an account. */
export const userActiveSchema = z.object({ userId: id('ein Konto'), active: z.enum(['true', 'false'], { error: formMessages.staleForm }).transform((v) => v === 'true') });
/** Giving an account another role. */
export const userRoleSchema = z.object({ userId: id('ein Konto'), role: choice(roles, 'eine der angebotenen Rollen') });

/** The paper editor. */
export const paperSchema = z.object({
  id: optionalId(),
  version: formVersion(true),
  intent,
  bodyId: id('eine Körperschaft'),
  name: requiredText('einen Titel', 500),
  paperType: choice(paperTypes, 'eine Art der Vorlage'),
  reference: optionalText(100),
  fileNumber: optionalText(100),
  date: calendarDay('das Datum der Vorlage'),
  underDirectionOfId: optionalId('die Federführung'),
  textKind: choice(textKinds, 'die Herkunft des Textes').default('original'),
  textSourceNote: optionalText(1000),
  textMd: markdownText(),
  originatorOrganizationIds: ids('die einreichenden Gremien'),
  originatorPersonIds: ids('die einreichenden Personen'),
  /** The clerk confirms a new date of the paper that existing due dates of its demands lie before. */
  confirmDueDates: checkbox,
});
export type PaperInput = z.infer<typeof paperSchema>;

/** Moving a record to the trash, or back. */
export const trashSchema = z.object({ table: tableName, id: id('einen Datensatz'), version: formVersion() });

/** Restoring an old version from the history. */
export const restoreSchema = z.object({ table: tableName, id: id('einen Datensatz'), version: formVersion(), fromVersion: formVersion() });

/** The demand editor (new demands name their paper). */
export const demandSchema = z.object({
  id: optionalId(),
  version: formVersion(true),
  paperId: optionalId('eine Vorlage'),
  /** For demands raised in a meeting rather than in a paper. */
  agendaItemId: optionalId('einen Tagesordnungspunkt'),
  title: requiredText('einen Kurztitel der Forderung', 300),
  textMd: requiredMarkdown('den Text der Forderung', 50_000),
  sourceQuote: optionalText(5000),
  responsibleOrganizationId: optionalId('die zuständige Stelle'),
  dueDate: optionalCalendarDay('die Frist'),
  /** The clerk confirms a due date before the date of the paper (or meeting). */
  confirmDueDate: checkbox,
});
export type DemandInput = z.infer<typeof demandSchema>;

/** A new follow-up (Sachstand) on a demand. */
export const followUpSchema = z.object({
  demandId: id('eine Forderung'),
  demandVersion: formVersion(),
  date: calendarDay('das Datum des Sachstands'),
  kind: choice(followUpKinds, 'die Art des Eintrags'),
  textMd: requiredMarkdown('den Text des Sachstands', 50_000),
  statusAfter: z.preprocess((v) => v || null, choice(demandStatuses, 'einen der angebotenen Status').nullable()),
  nextDueDate: optionalCalendarDay('die nächste Frist'),
  /** The clerk confirms a next due date before the follow-up's date. */
  confirmNextDueDate: checkbox,
  sourcePaperId: optionalId('eine Vorlage'),
  sourceAgendaItemId: optionalId('einen Tagesordnungspunkt'),
  publish: checkbox,
});
export type FollowUpInput = z.infer<typeof followUpSchema>;

/** Correcting a follow-up: date, kind, text, next due date, sources, publication. Its status change stays as recorded. */
export const followUpEditSchema = z.object({
  id: id('einen Sachstand'),
  version: formVersion(),
  date: calendarDay('das Datum des Sachstands'),
  kind: choice(followUpKinds, 'die Art des Eintrags'),
  textMd: requiredMarkdown('den Text des Sachstands', 50_000),
  nextDueDate: optionalCalendarDay('die nächste Frist'),
  confirmNextDueDate: checkbox,
  /** Blank removes the source. */
  sourcePaperId: optionalId('eine Vorlage'),
  sourceAgendaItemId: optionalId('einen Tagesordnungspunkt'),
  publish: checkbox,
});
export type FollowUpEditInput = z.infer<typeof followUpEditSchema>;

/** Markdown preview of one text field of the form; the preview button names the field. */
export const previewSchema = z.object({
  previewField: z.enum(['textMd', 'minutesMd', 'resolutionMd'], { error: formMessages.staleForm }).default('textMd'),
  /** Which form on the page asked, when a page has several (e.g. demand and follow-up). */
  previewFor: z.enum(['demand', 'followUp'], { error: formMessages.staleForm }).optional(),
  textMd: markdownText(MAX_MARKDOWN).transform((v) => v ?? ''),
  minutesMd: markdownText(MAX_MARKDOWN).transform((v) => v ?? ''),
  resolutionMd: markdownText(MAX_MARKDOWN).transform((v) => v ?? ''),
});

/** The meeting editor. */
export const meetingSchema = z.object({
  id: optionalId(),
  version: formVersion(true),
  intent,
  bodyId: id('eine Körperschaft'),
  name: requiredText('die Bezeichnung der Sitzung', 300),
  start: localDateTime('den Beginn'),
  end: optionalLocalDateTime('das Ende'),
  location: optionalText(300),
  occasion: optionalText(200),
  meetingState: choice(['planned', 'invited', 'held'], 'den Stand der Sitzung').default('planned'),
  cancelled: checkbox,
  editorialNote: optionalText(2000),
  organizationIds: ids('die Gremien'),
});
export type MeetingInput = z.infer<typeof meetingSchema>;

/** An agenda item: title, number, public or not, minutes, result and resolution. */
export const agendaItemSchema = z.object({
  id: optionalId(),
  version: formVersion(true),
  meetingId: optionalId('eine Sitzung'),
  number: requiredText('die Nummer des Tagesordnungspunkts (z. B. Ö 3)', 20),
  name: requiredText('den Titel des Tagesordnungspunkts', 500),
  public: checkbox,
  minutesMd: markdownText(),
  result: optionalText(500),
  resolutionMd: markdownText(50_000),
});
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

/** Moving an agenda item one place up or down. */
export const agendaMoveSchema = z.object({ id: id('einen Tagesordnungspunkt'), direction: z.enum(['up', 'down'], { error: formMessages.staleForm }) });

/** A membership of a person in an organization. */
export const membershipSchema = z.object({
  id: optionalId(),
  version: formVersion(true),
  personId: optionalId('eine Person'),
  organizationId: id('ein Gremium'),
  role: optionalText(200),
  votingRight: checkbox,
  startDate: optionalCalendarDay('den Beginn'),
  endDate: optionalCalendarDay('das Ende'),
  onBehalfOfId: optionalId('die entsendende Organisation'),
});
export type MembershipInput = z.infer<typeof membershipSchema>;

/** An attachment upload for a paper, a meeting or an agenda item (exactly one of them). */
export const uploadSchema = z
  .object({
    paperId: optionalId('eine Vorlage'),
    meetingId: optionalId('eine Sitzung'),
    agendaItemId: optionalId('einen Tagesordnungspunkt'),
    name: optionalText(300),
    file: z.instanceof(File, { message: uploadMessages.chooseFile }),
  })
  .refine((v) => [v.paperId, v.meetingId, v.agendaItemId].filter(Boolean).length === 1, { message: referenceMessages.uploadOwner, path: ['file'] });

/** Adding or removing a typed relation from this paper to another. */
export const relationSchema = z.object({
  fromPaperId: id('eine Vorlage'),
  toPaperId: id('die zugehörige Vorlage'),
  kind: choice(paperRelationKinds, 'die Art der Beziehung'),
  remove: checkbox,
});

/** A step of a paper's Beratungsfolge. */
export const consultationSchema = z.object({
  paperId: id('eine Vorlage'),
  organizationId: optionalId('ein Gremium'),
  meetingId: optionalId('eine Sitzung'),
  agendaItemId: optionalId('einen Tagesordnungspunkt'),
  role: optionalText(100),
  authoritative: checkbox,
});
