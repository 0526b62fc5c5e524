// zod schemas of the seed corpus files in content/, from the shared blocks, with German messages for editors.
import { z } from 'zod';
import { conformanceLevels, organizationKinds } from '@/lib/domain/vocabulary';
import { paperTypes, paperRelationKinds, textKinds } from '@/lib/domain/vocabulary';
import { demandStatuses, followUpKinds } from '@/lib/domain/vocabulary';
import { calendarDay, instant as instantBlock, MAX_MARKDOWN, slug as slugBlock, webAddress } from '@/lib/validation/fields';
import { fieldMessages, seedMessages } from '@/lib/validation/messages';

const slug = slugBlock();
// YAML 1.2 (the yaml package's default) reads 2014-03-05 as a string; should a Date arrive, keep its calendar day.
const day = z
  .union([z.string(), z.date()], { error: seedMessages.required })
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(calendarDay(seedMessages.dayLabel, seedMessages.dayFormat));
const instant = instantBlock();
/** A required text of at most `max` characters. */
const text = (max = 500) => z.string({ error: seedMessages.required }).min(1, seedMessages.required).max(max, fieldMessages.tooLong(max));
/** An optional text of at most `max` characters. */
const optional = (max = 500) => z.string({ error: seedMessages.required }).max(max, fieldMessages.tooLong(max)).optional();
const markdown = (max = MAX_MARKDOWN) => text(max);
/** One of fixed values, naming the allowed ones. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: seedMessages.oneOf(values) });
/** A whole number (at least `min`). */
const whole = (min: number) => z.number({ error: seedMessages.wholeNumber(min) }).int(seedMessages.wholeNumber(min)).min(min, seedMessages.wholeNumber(min));
/** A YAML list of `item`. */
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: seedMessages.list });
const yesNo = z.boolean({ error: seedMessages.yesNo });
/** An object that refuses fields it does not know (a typo in a field name must not be ignored silently). */
const strict = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? seedMessages.unknownFields(issue.keys) : issue.input === undefined ? seedMessages.required : undefined) });

// The former catch-all `erledigt` was split (migration 0002): say which outcome instead of a bare "invalid".
const demandStatus = z.enum(demandStatuses, { error: (issue) => (issue.input === 'erledigt' ? seedMessages.retiredStatus : seedMessages.oneOf(demandStatuses)) });

const followUpSchema = strict({
  date: day,
  kind: oneOf(followUpKinds),
  text: markdown(),
  statusAfter: demandStatus.optional(),
  nextDueDate: day.optional(),
  sourcePaper: slug.optional(),
  sourceAgendaItem: optional(20),
  sourceQuote: optional(5000),
});

const demandSchema = strict({
  ordinal: whole(1),
  title: text(300),
  text: markdown(),
  sourceQuote: optional(5000),
  responsible: slug.optional(),
  dueDate: day.optional(),
  followUps: list(followUpSchema).default([]),
});

/** body.yaml: a body with its organizations, people and memberships. */
export const bodyFileSchema = strict({
  body: strict({
    slug,
    name: text(500),
    shortName: optional(),
    classification: optional(),
    website: webAddress(500).optional(),
    replyDeadlineDays: whole(1).optional(),
  }),
  organizations: list(
    strict({
      slug,
      name: text(500),
      shortName: optional(),
      kind: oneOf(organizationKinds),
      classification: optional(),
      parent: slug.optional(),
      description: optional(100_000),
    }),
  ),
  people: list(
    strict({
      slug,
      name: text(500),
      formOfAddress: optional(),
      title: optional(),
      givenName: optional(),
      familyName: optional(),
      position: optional(),
    }),
  ),
  memberships: list(
    strict({
      person: slug,
      organization: slug,
      role: optional(),
      votingRight: yesNo.default(false),
      startDate: day.optional(),
      endDate: day.optional(),
      onBehalfOf: slug.optional(),
    }),
  ),
});

/** Front matter of papers/*.md; the Markdown below it is the paper's text. */
export const paperFileSchema = strict({
  slug,
  reference: optional(100),
  fileNumber: optional(100),
  name: text(500),
  paperType: oneOf(paperTypes),
  date: day,
  originators: strict({ organizations: list(slug).default([]), people: list(slug).default([]) }).default({ organizations: [], people: [] }),
  underDirectionOf: slug.optional(),
  textKind: oneOf(textKinds).default('original'),
  textSourceNote: optional(1000),
  relations: list(strict({ kind: oneOf(paperRelationKinds), paper: slug })).default([]),
  consultations: z
    .array(
      strict({
        meeting: slug,
        agendaItem: optional(20),
        organization: slug.optional(),
        role: optional(),
        authoritative: yesNo.default(false),
      }),
    )
    .default([]),
  files: list(strict({ name: text(500), size: whole(0).optional() })).default([]),
  demands: list(demandSchema).default([]),
});

/** Front matter of meetings/*.md: the meeting and its agenda with minutes per item. */
export const meetingFileSchema = strict({
  slug,
  name: text(500),
  organizations: list(slug).min(1, seedMessages.atLeastOneOrganization),
  start: instant,
  end: instant.optional(),
  location: optional(),
  occasion: optional(),
  meetingState: oneOf(['planned', 'invited', 'held']).default('planned'),
  cancelled: yesNo.default(false),
  editorialNote: optional(2000),
  agenda: list(
    strict({
      number: text(20),
      order: whole(0),
      name: text(500),
      public: yesNo.default(true),
      minutes: optional(MAX_MARKDOWN),
      result: optional(),
      resolution: optional(50_000),
      demands: list(demandSchema).default([]),
    }),
  ),
});

/**
 * Front matter of legal/<kind>.md (impressum, datenschutz, barrierefreiheit): whether the text is a stand-in the body
 * must replace, and for the accessibility statement the parts the law names besides its prose.
 */
export const legalTextFileSchema = strict({
  placeholder: yesNo.default(false),
  conformance: oneOf(conformanceLevels).optional(),
  preparedOn: day.optional(),
  feedbackEmail: optional(254),
  feedbackPhone: optional(100),
  enforcement: optional(20_000),
});

export type BodyFile = z.infer<typeof bodyFileSchema>;
export type PaperFile = z.infer<typeof paperFileSchema> & { text: string; path: string };
export type MeetingFile = z.infer<typeof meetingFileSchema> & { path: string };
export type DemandEntry = z.infer<typeof demandSchema>;
export type LegalTextFile = z.infer<typeof legalTextFileSchema>;
