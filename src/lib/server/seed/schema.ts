// zod schemas of the seed corpus files in content/, with German messages for editors.
import { z } from 'zod';
import { organizationKinds } from '@/lib/domain/vocabulary';
import { paperTypes, paperRelationKinds, textKinds } from '@/lib/domain/vocabulary';
import { demandStatuses, followUpKinds } from '@/lib/domain/vocabulary';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug: nur Kleinbuchstaben, Ziffern und Bindestriche');
// YAML reads 2014-03-05 as a Date; accept both and keep the calendar day.
const day = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT'));
const instant = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString() : v))
  .pipe(z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'Zeitpunkt im Format JJJJ-MM-TTThh:mm:ss+01:00'));

// The former catch-all `erledigt` was split (migration 0002): say which outcome instead of a bare "invalid".
const demandStatus = z.enum(demandStatuses, {
  error: (issue) => issue.input === 'erledigt'
    ? 'Status „erledigt“ gibt es nicht mehr: bitte erfuellt, von_verwaltung_abgelehnt oder erledigt_ohne_umsetzung angeben'
    : `Unbekannter Status; erlaubt sind: ${demandStatuses.join(', ')}`,
});

const followUpSchema = z.strictObject({
  date: day,
  kind: z.enum(followUpKinds),
  text: z.string().min(1),
  statusAfter: demandStatus.optional(),
  nextDueDate: day.optional(),
  sourcePaper: slug.optional(),
  sourceAgendaItem: z.string().optional(),
  sourceQuote: z.string().optional(),
});

const demandSchema = z.strictObject({
  ordinal: z.number().int().positive(),
  title: z.string().min(1),
  text: z.string().min(1),
  sourceQuote: z.string().optional(),
  responsible: slug.optional(),
  dueDate: day.optional(),
  followUps: z.array(followUpSchema).default([]),
});

/** body.yaml: a body with its organizations, people and memberships. */
export const bodyFileSchema = z.strictObject({
  body: z.strictObject({
    slug,
    name: z.string().min(1),
    shortName: z.string().optional(),
    classification: z.string().optional(),
    website: z.url().optional(),
    replyDeadlineDays: z.number().int().positive().optional(),
  }),
  organizations: z.array(
    z.strictObject({
      slug,
      name: z.string().min(1),
      shortName: z.string().optional(),
      kind: z.enum(organizationKinds),
      classification: z.string().optional(),
      parent: slug.optional(),
      description: z.string().optional(),
    }),
  ),
  people: z.array(
    z.strictObject({
      slug,
      name: z.string().min(1),
      formOfAddress: z.string().optional(),
      title: z.string().optional(),
      givenName: z.string().optional(),
      familyName: z.string().optional(),
      position: z.string().optional(),
    }),
  ),
  memberships: z.array(
    z.strictObject({
      person: slug,
      organization: slug,
      role: z.string().optional(),
      votingRight: z.boolean().default(false),
      startDate: day.optional(),
      endDate: day.optional(),
      onBehalfOf: slug.optional(),
    }),
  ),
});

/** Front matter of papers/*.md; the Markdown below it is the paper's text. */
export const paperFileSchema = z.strictObject({
  slug,
  reference: z.string().optional(),
  fileNumber: z.string().optional(),
  name: z.string().min(1),
  paperType: z.enum(paperTypes),
  date: day,
  originators: z.strictObject({ organizations: z.array(slug).default([]), people: z.array(slug).default([]) }).default({ organizations: [], people: [] }),
  underDirectionOf: slug.optional(),
  textKind: z.enum(textKinds).default('original'),
  textSourceNote: z.string().optional(),
  relations: z.array(z.strictObject({ kind: z.enum(paperRelationKinds), paper: slug })).default([]),
  consultations: z
    .array(
      z.strictObject({
        meeting: slug,
        agendaItem: z.string().optional(),
        organization: slug.optional(),
        role: z.string().optional(),
        authoritative: z.boolean().default(false),
      }),
    )
    .default([]),
  files: z.array(z.strictObject({ name: z.string().min(1), size: z.number().int().nonnegative().optional() })).default([]),
  demands: z.array(demandSchema).default([]),
});

/** Front matter of meetings/*.md: the meeting and its agenda with minutes per item. */
export const meetingFileSchema = z.strictObject({
  slug,
  name: z.string().min(1),
  organizations: z.array(slug).min(1, 'Mindestens ein Gremium angeben'),
  start: instant,
  end: instant.optional(),
  location: z.string().optional(),
  occasion: z.string().optional(),
  meetingState: z.enum(['planned', 'invited', 'held']).default('planned'),
  cancelled: z.boolean().default(false),
  editorialNote: z.string().optional(),
  agenda: z.array(
    z.strictObject({
      number: z.string().min(1),
      order: z.number().int(),
      name: z.string().min(1),
      public: z.boolean().default(true),
      minutes: z.string().optional(),
      result: z.string().optional(),
      resolution: z.string().optional(),
      demands: z.array(demandSchema).default([]),
    }),
  ),
});

export type BodyFile = z.infer<typeof bodyFileSchema>;
export type PaperFile = z.infer<typeof paperFileSchema> & { text: string; path: string };
export type MeetingFile = z.infer<typeof meetingFileSchema> & { path: string };
export type DemandEntry = z.infer<typeof demandSchema>;
