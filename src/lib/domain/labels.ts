// German labels for the code names of the data model.
import type { DemandStatus, FollowUpKind } from '@/lib/domain/vocabulary';
import type { PaperType, PaperRelationKind } from '@/lib/domain/vocabulary';
import type { MeetingState, OrganizationKind } from '@/lib/domain/vocabulary';
import { reportBadValue, type ValueSource } from '@/lib/bad-value';

/** Paper types as the portal names them. */
export const paperTypeLabels: Record<PaperType, string> = {
  antrag: 'Antrag',
  anfrage: 'Anfrage',
  mitteilungsvorlage: 'Mitteilungsvorlage',
  beschlussvorlage: 'Beschlussvorlage',
  stellungnahme: 'Stellungnahme',
  sonstige: 'Sonstige Vorlage',
};

/** Relation names read from the paper on the page: outgoing and incoming. */
export const relationLabels: Record<PaperRelationKind, { outgoing: string; incoming: string }> = {
  repliesTo: { outgoing: 'Antwort auf', incoming: 'beantwortet durch' },
  amends: { outgoing: 'Änderung zu', incoming: 'geändert durch' },
  followUpOf: { outgoing: 'Folgevorlage zu', incoming: 'fortgeführt durch' },
  supersedes: { outgoing: 'ersetzt', incoming: 'ersetzt durch' },
};

/** Demand states, as marks, filters and forms name them (the mark shows the word, never the colour alone). */
export const demandStatusLabels: Record<DemandStatus, string> = {
  eingereicht: 'Eingereicht',
  in_beratung: 'In Beratung',
  beschlossen: 'Beschlossen',
  in_umsetzung: 'In Umsetzung',
  umgesetzt: 'Umgesetzt',
  erfuellt: 'Erfüllt',
  abgelehnt: 'Vom Gremium abgelehnt',
  von_verwaltung_abgelehnt: 'Von der Verwaltung abgelehnt',
  erledigt_ohne_umsetzung: 'Erledigt ohne Umsetzung',
  zurueckgezogen: 'Zurückgezogen',
};

/** Demand states inside a sentence ("1 von der Verwaltung abgelehnt"): German nouns keep their capitals. */
export const demandStatusPhrases: Record<DemandStatus, string> = {
  eingereicht: 'eingereicht',
  in_beratung: 'in Beratung',
  beschlossen: 'beschlossen',
  in_umsetzung: 'in Umsetzung',
  umgesetzt: 'umgesetzt',
  erfuellt: 'erfüllt',
  abgelehnt: 'vom Gremium abgelehnt',
  von_verwaltung_abgelehnt: 'von der Verwaltung abgelehnt',
  erledigt_ohne_umsetzung: 'ohne Umsetzung erledigt',
  zurueckgezogen: 'zurückgezogen',
};

/** What each state means, for the clerk choosing one and the reader of a legend. */
export const demandStatusDescriptions: Record<DemandStatus, string> = {
  eingereicht: 'Die Forderung ist gestellt und noch nicht beraten oder beantwortet.',
  in_beratung: 'Ein Gremium berät die Forderung.',
  beschlossen: 'Das Gremium hat die Forderung beschlossen; die Umsetzung hat noch nicht begonnen.',
  in_umsetzung: 'Die Verwaltung setzt den Beschluss um.',
  umgesetzt: 'Der Beschluss ist umgesetzt: Die Forderung ist erfüllt.',
  erfuellt: 'Die Forderung ist ohne eigenen Beschluss erfüllt, z. B. die Frage vollständig beantwortet oder das Verlangte getan.',
  abgelehnt: 'Das Gremium hat die Forderung abgelehnt.',
  von_verwaltung_abgelehnt: 'Die Verwaltung hat mitgeteilt, dass sie das Verlangte nicht tut.',
  erledigt_ohne_umsetzung: 'Abgeschlossen, ohne dass das Verlangte geschehen ist, z. B. beantwortet ohne Maßnahme oder durch die Entwicklung überholt.',
  zurueckgezogen: 'Die Antragsteller haben die Forderung zurückgezogen.',
};

/** "Forderung 12": the one identifier of a demand, the same as in its address /forderungen/12. */
export function demandName(id: number): string {
  return `Forderung ${id}`;
}

/** Follow-up kinds. */
export const followUpKindLabels: Record<FollowUpKind, string> = {
  reply: 'Stellungnahme',
  progress: 'Sachstand',
  decision: 'Beschluss',
  promise: 'Zusage',
  reminder: 'Wiedervorlage',
};

/** Organization kinds, singular and plural. */
export const organizationKindLabels: Record<OrganizationKind, { one: string; many: string }> = {
  council: { one: 'Vertretung', many: 'Vertretungen' },
  committee: { one: 'Ausschuss / Gremium', many: 'Ausschüsse und Gremien' },
  group: { one: 'Fraktion', many: 'Fraktionen' },
  office: { one: 'Verwaltungseinheit', many: 'Verwaltung' },
  other: { one: 'Sonstiges', many: 'Sonstige' },
};

/** "diese Fraktion", "dieser Ausschuss": an organization of this kind as the subject of a sentence, without relying on its name's gender. */
export const organizationKindSubjects: Record<OrganizationKind, string> = {
  council: 'diese Vertretung',
  committee: 'dieses Gremium',
  group: 'diese Fraktion',
  office: 'diese Verwaltungseinheit',
  other: 'dieses Gremium',
};

/**
 * The name of a follow-up's `nextDueDate`, the same on every page, feed and form: "Nächste Frist", and "Zugesagt bis"
 * when the follow-up is a promise (Zusage). (The follow-up kind "Wiedervorlage" is a kind, not this date.)
 */
export function nextDueLabel(kind: unknown): string {
  return kind === 'promise' ? 'Zugesagt bis' : 'Nächste Frist';
}

/** What set a due date, for calendar entries: "Zugesagter Termin", "Antwortfrist", "Nächste Frist" (from a follow-up), "Frist". */
export function deadlineLabel(source: 'followUp' | 'promise' | 'demand' | 'rule' | null): string {
  return source === 'promise' ? 'Zugesagter Termin' : source === 'rule' ? 'Antwortfrist' : source === 'followUp' ? 'Nächste Frist' : 'Frist';
}

/** States of a meeting as the public pages name them. */
export const meetingStateLabels: Record<MeetingState, string> = {
  planned: 'geplant',
  invited: 'eingeladen',
  held: 'abgeschlossen',
};

// Lookups for stored code names: a value outside the vocabulary (an old status, a typo in an import) gets a German
// placeholder and is reported once, instead of an empty label or a page that throws.

function lookup<T>(labels: Readonly<Record<string, T>>, value: unknown, what: string, fallback: NoInfer<T>, source: ValueSource | undefined): T {
  if (typeof value === 'string' && Object.hasOwn(labels, value)) return labels[value]!;
  reportBadValue(value, `${what} (${Object.keys(labels).join(', ')})`, source);
  return fallback;
}

/** "Antrag"; "Vorlage (Art unbekannt)" for a paper type outside the vocabulary. */
export function paperTypeLabel(value: unknown, source?: ValueSource): string {
  return lookup(paperTypeLabels, value, 'eine Art der Vorlage', 'Vorlage (Art unbekannt)', source);
}

/** "In Beratung"; "Status unbekannt" for a demand status outside the vocabulary. */
export function demandStatusLabel(value: unknown, source?: ValueSource): string {
  return lookup(demandStatusLabels, value, 'ein Status', 'Status unbekannt', source);
}

/** "Zusage"; "Eintrag (Art unbekannt)" for a follow-up kind outside the vocabulary. */
export function followUpKindLabel(value: unknown, source?: ValueSource): string {
  return lookup(followUpKindLabels, value, 'eine Art des Eintrags', 'Eintrag (Art unbekannt)', source);
}

/** "Fraktion" / "Fraktionen"; "Art unbekannt" / "Weitere (Art unbekannt)" for a kind outside the vocabulary. */
export function organizationKindLabel(value: unknown, source?: ValueSource): { one: string; many: string } {
  return lookup(organizationKindLabels, value, 'eine Art der Organisation', { one: 'Art unbekannt', many: 'Weitere (Art unbekannt)' }, source);
}

/** "diese Fraktion"; "dieses Gremium" (reported) for a kind outside the vocabulary. */
export function organizationKindSubject(value: unknown, source?: ValueSource): string {
  return lookup(organizationKindSubjects, value, 'eine Art der Organisation', 'dieses Gremium', source);
}

/** "Antwort auf" (outgoing) or "beantwortet durch" (incoming); "Verknüpft mit" for a relation kind outside the vocabulary. */
export function relationLabel(value: unknown, direction: 'outgoing' | 'incoming', source?: ValueSource): string {
  return lookup(relationLabels, value, 'eine Beziehung zwischen Vorlagen', { outgoing: 'Verknüpft mit', incoming: 'Verknüpft mit' }, source)[direction];
}

/** "geplant"; "Stand unbekannt" for a meeting state outside the vocabulary. */
export function meetingStateLabel(value: unknown, source?: ValueSource): string {
  return lookup(meetingStateLabels, value, 'ein Stand der Sitzung', 'Stand unbekannt', source);
}
