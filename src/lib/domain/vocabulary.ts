// The domain's code names: the values each kind of record may take. db/schema builds its columns from these,
// and everything else (pages, forms, the seed import) imports them from here, never from db/schema.

/** Paper types; German labels in ./labels.ts. */
export const paperTypes = ['antrag', 'anfrage', 'mitteilungsvorlage', 'beschlussvorlage', 'stellungnahme', 'sonstige'] as const;
export type PaperType = (typeof paperTypes)[number];

/** Where a paper's text comes from: the original document, or an editorial summary because the original is missing. */
export const textKinds = ['original', 'summary'] as const;
export type TextKind = (typeof textKinds)[number];

/** Relation kinds between papers, read as "from <kind> to", e.g. a report repliesTo a motion. */
export const paperRelationKinds = ['repliesTo', 'amends', 'followUpOf', 'supersedes'] as const;
export type PaperRelationKind = (typeof paperRelationKinds)[number];

/** Kinds of organization; an office (Amt) is an administrative unit, a group a Fraktion. */
export const organizationKinds = ['committee', 'council', 'group', 'office', 'other'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

/** State of a meeting: planned, invitations sent, held. */
export const meetingStates = ['planned', 'invited', 'held'] as const;
export type MeetingState = (typeof meetingStates)[number];

/**
 * Demand states; the allowed transitions and what each means for the traffic light live in ./status-graph.ts.
 * Open: eingereicht, in_beratung, beschlossen, in_umsetzung. Settled: fulfilled (umgesetzt after a decision,
 * erfuellt without one, e.g. a question answered in full) or not fulfilled (abgelehnt by the committee or council,
 * von_verwaltung_abgelehnt, erledigt_ohne_umsetzung: answered or overtaken without the demand being met,
 * zurueckgezogen). The former catch-all `erledigt` was split into erfuellt / von_verwaltung_abgelehnt /
 * erledigt_ohne_umsetzung by migration 0002.
 */
export const demandStatuses = [
  'eingereicht',
  'in_beratung',
  'beschlossen',
  'in_umsetzung',
  'umgesetzt',
  'erfuellt',
  'abgelehnt',
  'von_verwaltung_abgelehnt',
  'erledigt_ohne_umsetzung',
  'zurueckgezogen',
] as const;
export type DemandStatus = (typeof demandStatuses)[number];

/** Kinds of follow-up: reply (Stellungnahme), progress (Sachstand), decision (Beschluss), promise (Zusage), reminder (Wiedervorlage). */
export const followUpKinds = ['reply', 'progress', 'decision', 'promise', 'reminder'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

/** Roles: admin manages users and everything, clerk edits content. */
export const roles = ['admin', 'clerk'] as const;
export type Role = (typeof roles)[number];

/** Actions recorded in the revision log. */
export const revisionActions = ['create', 'update', 'delete', 'restore', 'publish', 'import'] as const;
export type RevisionAction = (typeof revisionActions)[number];

/**
 * The texts a German public body's website must publish: Impressum (§ 5 DDG, § 18 MStV), Datenschutzerklärung
 * (Art. 13 DSGVO) and Erklärung zur Barrierefreiheit (§ 12b BGG / BITV 2.0, EU directive 2016/2102). URL segments
 * and labels in src/lib/server/legal/kinds.ts.
 */
export const legalTextKinds = ['impressum', 'datenschutz', 'barrierefreiheit'] as const;
export type LegalTextKind = (typeof legalTextKinds)[number];

/** How far a website meets the accessibility requirements (Stand der Vereinbarkeit, EU model statement 2018/1523). */
export const conformanceLevels = ['vollstaendig', 'teilweise', 'nicht'] as const;
export type ConformanceLevel = (typeof conformanceLevels)[number];
