// German labels for the code names of the data model.
import type { DemandStatus, FollowUpKind } from '@/lib/domain/vocabulary';
import type { PaperType, PaperRelationKind } from '@/lib/domain/vocabulary';
import type { OrganizationKind } from '@/lib/domain/vocabulary';

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

/** Demand states. */
export const demandStatusLabels: Record<DemandStatus, string> = {
  eingereicht: 'Eingereicht',
  in_beratung: 'In Beratung',
  beschlossen: 'Beschlossen',
  abgelehnt: 'Abgelehnt',
  zurueckgezogen: 'Zurückgezogen',
  in_umsetzung: 'In Umsetzung',
  umgesetzt: 'Umgesetzt',
  erledigt: 'Erledigt',
};

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

/** What set a due date, for calendar entries and lists. */
export function deadlineLabel(source: 'followUp' | 'promise' | 'demand' | 'rule' | null): string {
  return source === 'promise' ? 'Zugesagter Termin' : source === 'rule' ? 'Antwortfrist' : source === 'followUp' ? 'Wiedervorlage' : 'Frist';
}
